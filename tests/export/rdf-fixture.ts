/**
 * A small NewsGraph built in code for the RDF tests: independent of the data files, and holding what the seed
 * article cannot prove on its own: an emoji before the quotes (code points are not UTF-16 units), a name with
 * every character an escaper can get wrong, negated, hypothetical and symmetric relations, role edges,
 * a projection, an entity-valued property, and a nested property value. Built with the helpers of
 * tests/utils/sampleGraph.ts (computed sentence spans, anchors that must be in the text).
 */
import type { ArticleRecord, EntityAttributes, Evidence, NewsGraph, RelationAttributes } from '../../src/graph/types.js';
import { anchor as anchorIn, articleFromSentences, emptyNewsGraph } from '../utils/sampleGraph.js';

export const ARTICLE_ID = 'fixture-article';

/** The name the escapers must carry through: quotes, angle brackets, ampersand, backslash, newline, emoji, combining marks. */
export const NASTY_NAME = 'The "peace" <framework> & Ukraine\'s \\ plan\nfor 🕊️ and Sto\u0308re, e\u0301';

export const FIXTURE_ARTICLE: ArticleRecord = articleFromSentences(
  { id: ARTICLE_ID, title: 'Peace talks: a fixture with "quotes" & emoji 🇺🇦', published: '2025-04-25', source: 'newsgraph tests' },
  [
    '🇺🇦🕊️ Ukraine rejected the U.S. peace framework on Friday.',
    'Neither Russia nor Ukraine has formally endorsed the framework.',
    'Russia rejected the 30-day ceasefire, while Ukrainian officials did not reject it.',
    'Trump met Jonas Gahr Støre at the White House, where he said talks were making headway.',
    'Russia might back the framework later.',
  ],
  '\n',
);

/** A Web Annotation anchor for the first occurrence of `exact`, in code points, with 32 points of context. */
function anchor(exact: string): Evidence {
  return anchorIn(exact, FIXTURE_ARTICLE, 32);
}

type EntityInput = Omit<EntityAttributes, 'evidence' | 'articles' | 'aliases' | 'properties'> & {
  readonly aliases?: readonly string[];
  readonly properties?: EntityAttributes['properties'];
  readonly quote: string;
};

function entity(input: EntityInput): EntityAttributes {
  const { quote, aliases = [], properties = {}, ...rest } = input;
  return { ...rest, aliases, properties, evidence: [anchor(quote)], articles: [ARTICLE_ID] } as EntityAttributes;
}

type RelationInput = Partial<Omit<RelationAttributes, 'evidence'>> &
  Pick<RelationAttributes, 'id' | 'predicate' | 'subject' | 'object'> & { readonly quote: string };

function relation(input: RelationInput): RelationAttributes {
  const { quote, ...rest } = input;
  return {
    negated: false,
    modality: 'asserted',
    properties: {},
    origin: 'stated',
    symmetric: false,
    ...rest,
    evidence: [anchor(quote)],
  };
}

export const FIXTURE_ENTITIES: readonly EntityAttributes[] = [
  entity({ id: 'donald-trump', kind: 'PERSON', name: 'Donald Trump', aliases: ['Trump'], wikidata: 'Q22686', quote: 'Trump' }),
  entity({
    id: 'jonas-gahr-store',
    kind: 'PERSON',
    name: 'Jonas Gahr Støre',
    aliases: ['Jonas Gahr Store', 'Sto\u0308re'],
    quote: 'Jonas Gahr Støre',
  }),
  entity({ id: 'ukraine', kind: 'GOVERNMENT', name: 'Ukraine', wikidata: 'Q212', quote: 'Ukraine' }),
  entity({ id: 'russia', kind: 'GOVERNMENT', name: 'Russia', aliases: ['Moscow'], wikidata: 'Q159', quote: 'Russia' }),
  entity({ id: 'ukrainian-officials', kind: 'GROUP', name: 'Ukrainian officials', quote: 'Ukrainian officials' }),
  entity({ id: 'white-house', kind: 'PLACE', name: 'the White House', quote: 'the White House' }),
  entity({
    id: 'peace-framework',
    kind: 'PROPOSAL',
    name: NASTY_NAME,
    aliases: ['the U.S. peace framework'],
    description: 'A "framework" with <tags> & \\ escapes',
    quote: 'the U.S. peace framework',
  }),
  entity({ id: 'ceasefire', kind: 'PROPOSAL', name: '30-day ceasefire', quote: 'the 30-day ceasefire' }),
  entity({
    id: 'trump-store-meeting',
    kind: 'EVENT',
    name: 'Trump–Støre meeting',
    properties: { eventType: 'MEETING', status: 'occurred', time: '2025-04-24', fatalities: { min: 0 } },
    quote: 'Trump met Jonas Gahr Støre at the White House',
  }),
  entity({
    id: 'claim-headway',
    kind: 'CLAIM',
    name: 'talks are making headway',
    properties: { modality: 'asserted' },
    quote: 'talks were making headway',
  }),
];

export const FIXTURE_RELATIONS: readonly RelationAttributes[] = [
  relation({
    id: 'ukraine-rejected-framework',
    predicate: 'REJECTED',
    subject: 'ukraine',
    object: 'peace-framework',
    time: '2025-04-25',
    properties: { timeText: 'on Friday' },
    quote: 'Ukraine rejected the U.S. peace framework',
  }),
  relation({
    id: 'russia-rejected-ceasefire',
    predicate: 'REJECTED',
    subject: 'russia',
    object: 'ceasefire',
    modality: 'reported',
    quote: 'Russia rejected the 30-day ceasefire',
  }),
  relation({
    id: 'officials-not-rejected-ceasefire',
    predicate: 'REJECTED',
    subject: 'ukrainian-officials',
    object: 'ceasefire',
    negated: true,
    quote: 'Ukrainian officials did not reject it',
  }),
  relation({
    id: 'russia-not-endorsed-framework',
    predicate: 'ENDORSED',
    subject: 'russia',
    object: 'peace-framework',
    negated: true,
    quote: 'Neither Russia nor Ukraine has formally endorsed the framework',
  }),
  relation({
    id: 'ukraine-not-endorsed-framework',
    predicate: 'ENDORSED',
    subject: 'ukraine',
    object: 'peace-framework',
    negated: true,
    quote: 'Neither Russia nor Ukraine has formally endorsed the framework',
  }),
  relation({
    id: 'russia-might-back-framework',
    predicate: 'BACKS',
    subject: 'russia',
    object: 'peace-framework',
    modality: 'hypothetical',
    quote: 'Russia might back the framework later',
  }),
  relation({
    id: 'officials-prefer-framework',
    predicate: 'PREFERS',
    subject: 'ukrainian-officials',
    object: 'peace-framework',
    properties: { over: 'ceasefire' },
    quote: 'Ukrainian officials',
  }),
  relation({
    id: 'meeting-agent-trump',
    predicate: 'AGENT',
    subject: 'trump-store-meeting',
    object: 'donald-trump',
    origin: 'role',
    event: 'trump-store-meeting',
    quote: 'Trump met',
  }),
  relation({
    id: 'meeting-location',
    predicate: 'LOCATION',
    subject: 'trump-store-meeting',
    object: 'white-house',
    origin: 'role',
    event: 'trump-store-meeting',
    quote: 'at the White House',
  }),
  relation({
    id: 'trump-met-store',
    predicate: 'MET_WITH',
    subject: 'donald-trump',
    object: 'jonas-gahr-store',
    origin: 'projection',
    symmetric: true,
    event: 'trump-store-meeting',
    time: '2025-04-24',
    quote: 'Trump met Jonas Gahr Støre',
  }),
  relation({
    id: 'trump-asserted-headway',
    predicate: 'ASSERTED',
    subject: 'donald-trump',
    object: 'claim-headway',
    modality: 'reported',
    attributedTo: 'donald-trump',
    quote: 'he said talks were making headway',
  }),
];

export function buildFixtureGraph(
  entities: readonly EntityAttributes[] = FIXTURE_ENTITIES,
  relations: readonly RelationAttributes[] = FIXTURE_RELATIONS,
  articles: readonly ArticleRecord[] = [FIXTURE_ARTICLE],
): NewsGraph {
  const graph = emptyNewsGraph(articles);
  for (const attributes of entities) graph.addNode(attributes.id, attributes);
  for (const attributes of relations) graph.addEdgeWithKey(attributes.id, attributes.subject, attributes.object, attributes);
  return graph;
}
