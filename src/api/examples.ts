/**
 * The example operations of the playground: one per question that the seed article answers, and the
 * questions of a corpus of articles (facts several reports state, what each report added, how an event's
 * status changed, who said what in which report). Those read the same on the seed article alone, where
 * each fact has one article and each event one report, and grow meaningful as articles are added.
 *
 * They are data so that the playground (one tab each, and its Examples pane), the README and the tests share
 * one copy; the tests validate every one against the real schema and run it through the server on the seed
 * graph. They ask through the typed fields (`endorsedBy(negated: true)`, `positions`, `claims`) and find
 * entities by name where they can, so that they read like the questions.
 */

export interface PlaygroundExample {
  /** The name of the document's only operation; GraphiQL titles the tab with it. */
  readonly operationName: string;
  /** A short label for the examples list. */
  readonly title: string;
  /** The question, in the words a researcher would ask it. */
  readonly question: string;
  /** The GraphQL document: exactly one named operation, starting with a comment that states the question. */
  readonly query: string;
  /** Variables for the operation, when it declares any. */
  readonly variables?: { readonly [name: string]: string | number | boolean };
}

function example(fields: PlaygroundExample): PlaygroundExample {
  return Object.freeze({ ...fields, query: `# ${fields.question}\n${fields.query.trim()}\n` });
}

export const PLAYGROUND_EXAMPLES: readonly PlaygroundExample[] = Object.freeze([
  example({
    operationName: 'WhoRejectedWhat',
    title: 'Rejections',
    question: 'Who rejected which proposal, and which condition of which framework is it?',
    query: `
query WhoRejectedWhat {
  relations(predicate: ["REJECTED"], negated: false) {
    totalCount
    edges {
      node {
        subject { name kind }
        object {
          name
          description
          ... on Proposal {
            partOf {
              name
              proposedBy { name }
            }
          }
        }
        modality
        evidence { exact sentence }
      }
    }
  }
}`,
  }),
  example({
    operationName: 'WhoHasNotEndorsedTheFramework',
    title: 'The U.S. framework',
    question: 'Who has not endorsed the U.S. peace framework, and who resists it?',
    query: `
query WhoHasNotEndorsedTheFramework($proposal: String!) {
  search(text: $proposal, kind: PROPOSAL, limit: 1) {
    name
    ... on Proposal {
      proposedBy { name }
      backedBy { name }
      notEndorsedBy: endorsedBy(negated: true) { name }
      resistedBy { name }
      conditions {
        name
        rejectedBy { name }
      }
    }
    relations(predicate: ["ENDORSED", "RESISTS"], direction: IN) {
      predicate
      negated
      subject { name }
      evidence { exact }
    }
  }
}`,
    variables: { proposal: 'U.S. framework' },
  }),
  example({
    operationName: 'WhoMetWhomAndWhere',
    title: 'Meetings',
    question: 'Who met whom, and where? Which meetings are only planned, or were called off?',
    query: `
query WhoMetWhomAndWhere {
  timeline(eventType: ["MEETING"]) {
    name
    status
    time
    ordinal
    agents { name }
    participants { name }
    locations { name }
    cancelledBy { name }
    evidence { exact }
  }
}`,
  }),
  example({
    operationName: 'WhoRebukedWhom',
    title: 'Rebukes',
    question: 'Who rebuked whom, through which medium, and what did they urge?',
    query: `
query WhoRebukedWhom {
  timeline(eventType: ["REBUKE"]) {
    name
    time
    agents { name }
    targets { name }
    media { name }
    projections {
      predicate
      subject { name }
      object { name }
      properties
    }
    evidence { exact }
  }
}`,
  }),
  example({
    operationName: 'WhoHoldsWhichPosition',
    title: 'Positions',
    question: 'Who holds which position in which government?',
    query: `
query WhoHoldsWhichPosition {
  entities(kind: PERSON) {
    edges {
      node {
        name
        ... on Person {
          positions {
            title
            of { name kind }
            relation { evidence { exact } }
          }
        }
      }
    }
  }
}`,
  }),
  example({
    operationName: 'ContradictingClaims',
    title: 'Contradicting claims',
    question: 'Which claims contradict each other, and who asserted or reported each?',
    query: `
query ContradictingClaims {
  claims(contradicted: true) {
    name
    modality
    assertedBy { name }
    reportedBy { name }
    deniedBy { name }
    contradicts { name }
    evidence { exact }
  }
}`,
  }),
  example({
    operationName: 'SearchByName',
    title: 'Name search',
    question: 'Find an entity by name: case, diacritics and aliases do not matter ("Støre", "gahr store").',
    query: `
query SearchByName($text: String!) {
  search(text: $text, limit: 5) {
    id
    kind
    name
    aliases
    description
    wikidata
  }
}`,
    variables: { text: 'Støre' },
  }),
  example({
    operationName: 'HowAreTheyConnected',
    title: 'Connections',
    question: 'How is Jonas Gahr Støre connected to Vladimir Putin?',
    query: `
query HowAreTheyConnected($from: ID!, $to: ID!) {
  path(from: $from, to: $to) {
    predicate
    subject { name }
    object { name }
    evidence { exact }
  }
}`,
    variables: { from: 'jonas-gahr-store', to: 'vladimir-putin' },
  }),
  example({
    operationName: 'FactsStatedBySeveralArticles',
    title: 'Facts in several reports',
    question: 'Which facts are stated by more than one article, and by which? And how many reports state each office held?',
    query: `
query FactsStatedBySeveralArticles {
  offices: relations(predicate: ["HOLDS_POSITION"], negated: false) {
    edges { node { subject { name } properties object { name } articleCount } }
  }
  relations(minArticles: 2, negated: false, first: 20) {
    totalCount
    edges {
      node {
        subject { name }
        predicate
        object { name }
        articleCount
        articles { title published source }
        evidence(first: 5) { exact article { id } }
      }
    }
  }
}`,
  }),
  example({
    operationName: 'WhatEachArticleAdded',
    title: 'Each report',
    question: 'What did each article add, in publication order: the facts it states, and how many other reports state them too?',
    query: `
query WhatEachArticleAdded {
  articles {
    title
    published
    source
    entities(first: 0) { totalCount }
    relations(first: 10) {
      totalCount
      edges {
        node {
          subject { name }
          predicate
          negated
          object { name }
          articleCount
        }
      }
    }
  }
}`,
  }),
  example({
    operationName: 'MeetingStatusHistory',
    title: 'An event over time',
    question: 'How did the status of the Witkoff–Putin meeting change from one report to the next?',
    query: `
query MeetingStatusHistory($id: ID!) {
  entity(id: $id) {
    name
    ... on Event {
      status
      history { status published article { title source } }
      participants { name }
    }
  }
}`,
    variables: { id: 'witkoff-putin-meeting' },
  }),
  example({
    operationName: 'WhoSaidWhatAboutCrimea',
    title: 'Crimea',
    question: 'Who said what about Crimea, and in which report?',
    query: `
query WhoSaidWhatAboutCrimea($place: String!) {
  search(text: $place, kind: PLACE, limit: 1) {
    name
    relations(first: 50) {
      subject {
        name
        ... on Claim { assertedBy { name } deniedBy { name } reportedBy { name } }
        ... on Proposal { proposedBy { name } backedBy { name } rejectedBy { name } }
      }
      predicate
      negated
      object { name }
      properties
      attributedTo { name }
      articles { title published source }
    }
  }
}`,
    variables: { place: 'Crimea' },
  }),
]);
