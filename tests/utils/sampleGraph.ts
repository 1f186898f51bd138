/**
 * Small NewsGraphs built in code from the real types, for export tests that must not wait for the builder
 * or that need names no article has (the escaping fuzz). `sampleGraph()` has one of each thing an export
 * must keep: every kind, a negated relation with attribution, modalities, a role edge and its projection,
 * a symmetric relation, integer and entity-valued properties, an event with fatalities, a Wikidata id.
 */
import { MultiDirectedGraph } from 'graphology';
import type {
  ArticleRecord,
  EntityAttributes,
  Evidence,
  GraphAttributes,
  NewsGraph,
  RelationAttributes,
  SentenceSpan,
} from '../../src/graph/types.js';

/**
 * An article whose text is `sentences` joined by single spaces, then `ending`, with each sentence's span in code
 * points computed (never typed in by hand).
 */
export function articleFromSentences(
  fields: Omit<ArticleRecord, 'text' | 'sentences'>,
  sentences: readonly string[],
  ending = '',
): ArticleRecord {
  const spans: SentenceSpan[] = [];
  let start = 0;
  for (const sentence of sentences) {
    const length = [...sentence].length;
    spans.push({ start, end: start + length });
    start += length + 1;
  }
  return { ...fields, text: `${sentences.join(' ')}${ending}`, sentences: spans };
}

export const SAMPLE_ARTICLE: ArticleRecord = articleFromSentences({ id: 'sample-article', title: 'A sample article', published: '2025-04-24' }, [
  'Ukraine rejected the Crimea condition.',
  'Neither Russia nor Ukraine has endorsed the framework.',
  'Donald Trump said on Truth Social that talks were going well 🕊️; at least 12 died in the attack on Kyiv.',
  'Trump plans to meet Jonas Gahr Støre a fourth time, critics said.',
]);

/**
 * A Web Annotation anchor for the first occurrence of `exact` in the article: code-point offsets, `context` code
 * points of prefix and suffix, and the sentence that holds its start.
 * @throws Error when the article does not hold the quote: a fixture must not carry evidence its text lacks.
 */
export function anchor(exact: string, article: ArticleRecord = SAMPLE_ARTICLE, context = 8): Evidence {
  const units = article.text.indexOf(exact);
  if (units < 0) throw new Error(`fixture: ${JSON.stringify(exact)} is not in the article "${article.id}"; quote its text`);
  const points = [...article.text];
  const start = [...article.text.slice(0, units)].length;
  const end = start + [...exact].length;
  const sentence = article.sentences.findIndex((span) => start >= span.start && start < span.end);
  return {
    article: article.id,
    exact,
    prefix: points.slice(Math.max(0, start - context), start).join(''),
    suffix: points.slice(end, end + context).join(''),
    start,
    end,
    sentence,
  };
}

export function emptyNewsGraph(articles: readonly ArticleRecord[] = [SAMPLE_ARTICLE]): NewsGraph {
  const graph: NewsGraph = new MultiDirectedGraph<EntityAttributes, RelationAttributes, GraphAttributes>({ allowSelfLoops: true });
  graph.replaceAttributes({ articles });
  return graph;
}

type EntityInput = EntityAttributes extends infer E ? (E extends EntityAttributes ? Omit<E, 'evidence' | 'articles' | 'aliases'> & Partial<Pick<E, 'evidence' | 'articles' | 'aliases'>> : never) : never;

/**
 * Adds an entity. Its evidence defaults to the quote of its name, or, for a name the sample text does not hold
 * (entities a test adds), to the article's first sentence.
 */
export function addEntity(graph: NewsGraph, input: EntityInput): void {
  const quoted = SAMPLE_ARTICLE.text.includes(input.name) ? input.name : 'Ukraine rejected the Crimea condition.';
  const entity = {
    aliases: [],
    evidence: [anchor(quoted)],
    articles: [SAMPLE_ARTICLE.id],
    ...input,
  } as EntityAttributes;
  graph.addNode(entity.id, entity);
}

type RelationInput = Pick<RelationAttributes, 'id' | 'predicate' | 'subject' | 'object'> & Partial<RelationAttributes>;

export function addRelation(graph: NewsGraph, input: RelationInput): void {
  const relation: RelationAttributes = {
    negated: false,
    modality: 'asserted',
    properties: {},
    evidence: [anchor('rejected')],
    origin: 'stated',
    symmetric: false,
    ...input,
  };
  graph.addEdgeWithKey(relation.id, relation.subject, relation.object, relation);
}

export function sampleGraph(): NewsGraph {
  const g = emptyNewsGraph();
  addEntity(g, { id: 'ukraine', kind: 'GOVERNMENT', name: 'Ukraine', aliases: ['Kyiv'], wikidata: 'Q212', properties: {} });
  addEntity(g, { id: 'russia', kind: 'GOVERNMENT', name: 'Russia', aliases: ['Moscow'], wikidata: 'Q159', properties: {} });
  addEntity(g, { id: 'donald-trump', kind: 'PERSON', name: 'Donald Trump', aliases: ['Trump'], properties: {} });
  addEntity(g, {
    id: 'jonas-gahr-store',
    kind: 'PERSON',
    name: 'Jonas Gahr Støre',
    aliases: ['Støre', 'Store'],
    description: 'Prime Minister of Norway',
    properties: {},
  });
  addEntity(g, { id: 'kyiv', kind: 'PLACE', name: 'Kyiv', properties: {} });
  addEntity(g, { id: 'us-framework', kind: 'PROPOSAL', name: 'the framework', properties: {} });
  addEntity(g, { id: 'crimea-condition', kind: 'PROPOSAL', name: 'the Crimea condition', properties: { note: 'a "condition", not a <treaty>' } });
  addEntity(g, {
    id: 'kyiv-attack',
    kind: 'EVENT',
    name: 'the attack on Kyiv',
    properties: { eventType: 'ATTACK', status: 'occurred', time: '2025-04-24', timeText: 'Thursday', fatalities: { min: 12 } },
  });
  addEntity(g, { id: 'critics', kind: 'GROUP', name: 'critics', properties: {} });
  addEntity(g, { id: 'truth-social', kind: 'ORGANIZATION', name: 'Truth Social', properties: {} });
  addEntity(g, {
    id: 'claim-talks-going-well',
    kind: 'CLAIM',
    name: 'talks were going well 🕊️',
    properties: { modality: 'asserted' },
  });

  addRelation(g, { id: 'ukraine--rejected--crimea-condition', predicate: 'REJECTED', subject: 'ukraine', object: 'crimea-condition' });
  addRelation(g, { id: 'crimea-condition--part-of--us-framework', predicate: 'PART_OF', subject: 'crimea-condition', object: 'us-framework' });
  addRelation(g, {
    id: 'russia--not-endorsed--us-framework',
    predicate: 'ENDORSED',
    subject: 'russia',
    object: 'us-framework',
    negated: true,
    evidence: [anchor('Neither Russia nor Ukraine has endorsed the framework')],
  });
  addRelation(g, {
    id: 'ukraine--not-endorsed--us-framework',
    predicate: 'ENDORSED',
    subject: 'ukraine',
    object: 'us-framework',
    negated: true,
    modality: 'reported',
    attributedTo: 'donald-trump',
    evidence: [anchor('Neither Russia nor Ukraine has endorsed the framework')],
  });
  addRelation(g, { id: 'kyiv-attack--agent--russia', predicate: 'AGENT', subject: 'kyiv-attack', object: 'russia', origin: 'role', event: 'kyiv-attack' });
  addRelation(g, { id: 'kyiv-attack--target--kyiv', predicate: 'TARGET', subject: 'kyiv-attack', object: 'kyiv', origin: 'role', event: 'kyiv-attack' });
  addRelation(g, {
    id: 'russia--attacked--kyiv',
    predicate: 'ATTACKED',
    subject: 'russia',
    object: 'kyiv',
    origin: 'projection',
    event: 'kyiv-attack',
    time: '2025-04-24',
    properties: { timeText: 'Thursday' },
  });
  addRelation(g, {
    id: 'donald-trump--plans-to-meet--jonas-gahr-store',
    predicate: 'PLANS_TO_MEET',
    subject: 'donald-trump',
    object: 'jonas-gahr-store',
    modality: 'planned',
    properties: { ordinal: 4 },
    time: '../2025-04-29',
  });
  addRelation(g, { id: 'donald-trump--met-with--jonas-gahr-store', predicate: 'MET_WITH', subject: 'donald-trump', object: 'jonas-gahr-store', symmetric: true });
  addRelation(g, {
    id: 'donald-trump--prefers--crimea-condition',
    predicate: 'PREFERS',
    subject: 'donald-trump',
    object: 'crimea-condition',
    properties: { over: 'us-framework' },
  });
  addRelation(g, { id: 'donald-trump--asserted--claim-talks-going-well', predicate: 'ASSERTED', subject: 'donald-trump', object: 'claim-talks-going-well' });
  addRelation(g, { id: 'critics--criticized--donald-trump', predicate: 'CRITICIZED', subject: 'critics', object: 'donald-trump', modality: 'reported' });
  addRelation(g, { id: 'donald-trump--owns--truth-social', predicate: 'OWNS', subject: 'donald-trump', object: 'truth-social', modality: 'background', properties: { source: 'common knowledge' } });
  addRelation(g, { id: 'donald-trump--holds-position--us', predicate: 'HOLDS_POSITION', subject: 'donald-trump', object: 'ukraine', properties: { title: 'President' } });
  return g;
}

/**
 * A graph whose every user-visible string is `s` (or holds it): names, aliases, descriptions, properties,
 * evidence quotes, and ids (made non-empty and unique with a `#n` suffix: an export needs ids that exist).
 */
export function hostileGraph(strings: readonly string[]): NewsGraph {
  const article: ArticleRecord = { id: 'hostile', title: 'Hostile', text: strings.join('\n'), sentences: [] };
  const g = emptyNewsGraph([article]);
  strings.forEach((s, i) => {
    const id = `${s}#${i}`;
    const evidence: Evidence = { article: article.id, exact: s, prefix: s, suffix: s, start: 0, end: [...s].length, sentence: 0 };
    g.addNode(id, {
      id,
      name: s,
      aliases: [s, `${s}${s}`],
      description: s,
      evidence: [evidence],
      articles: [article.id],
      ...(i % 2 === 0
        ? { kind: 'PERSON' as const, properties: { [s]: s, nested: { list: [s] } } }
        : { kind: 'EVENT' as const, properties: { eventType: 'MEETING' as const, status: 'occurred' as const, timeText: s, fatalities: { min: i } } }),
    });
    if (i > 0) {
      const source = `${strings[i - 1] ?? ''}#${i - 1}`;
      const relationId = `${s}->${i}`;
      g.addEdgeWithKey(relationId, source, id, {
        id: relationId,
        predicate: i % 3 === 0 ? 'REJECTED' : 'URGED',
        subject: source,
        object: id,
        negated: i % 2 === 0,
        modality: 'reported',
        attributedTo: s,
        time: s,
        properties: { to: s, [s]: [s, 1, true, null] },
        evidence: [evidence],
        event: s,
        origin: 'stated',
        symmetric: false,
      });
    }
  });
  return g;
}

/**
 * All strings of length 0..maxLength over `alphabet` (graphql-js's genFuzzStrings): every combination
 * of the hostile characters meets every other in every order.
 */
export function* fuzzStrings(alphabet: readonly string[], maxLength: number): Generator<string> {
  for (let length = 0; length <= maxLength; length++) {
    const indices = new Array<number>(length).fill(0);
    for (;;) {
      yield indices.map((i) => alphabet[i] ?? '').join('');
      let position = length - 1;
      while (position >= 0 && indices[position] === alphabet.length - 1) indices[position--] = 0;
      if (position < 0) break;
      indices[position] = (indices[position] ?? 0) + 1;
    }
  }
}

/** The characters that break naive writers: quotes, markup, escapes, line breaks, emoji, combining marks. */
export const HOSTILE_ALPHABET: readonly string[] = ['"', '<', '&', "'", '\\', '\n', '\r', '\t', '😀', '\u0301', ',', ';'];

/** An article whose words need escaping in every export format: quotes of both kinds, a backslash, `<`, `&`, an emoji. */
export const QUOTED_ARTICLE: ArticleRecord = articleFromSentences({ id: 'quoted-article', title: 'A quoted article', published: '2025-04-25' }, [
  'The envoy said: "it\'s <done> & dusted \\ 🕊️".',
]);

/**
 * sampleGraph with an entity ('head') and a relation ('head-rejected') of `anchors` evidence anchors each: past the
 * count from which the exports write a list an item at a time (columns.ts PIECES_FROM_ITEMS). Half the anchors quote
 * QUOTED_ARTICLE, whose words every format escapes; the others hold a character outside the BMP (a surrogate pair in
 * JavaScript); the name holds quotes.
 */
export function manyAnchorsGraph(anchors: number): NewsGraph {
  const graph = sampleGraph();
  graph.updateAttribute('articles', (articles = []) => [...articles, QUOTED_ARTICLE]);
  const many = Array.from({ length: anchors }, (_, i) => (i % 2 === 0 ? anchor('talks were going well 🕊️') : anchor('"it\'s <done> & dusted \\ 🕊️"', QUOTED_ARTICLE)));
  const articles = [SAMPLE_ARTICLE.id, QUOTED_ARTICLE.id];
  addEntity(graph, { id: 'head', kind: 'PERSON', name: 'Head of "State"', properties: {}, evidence: many, articles });
  addRelation(graph, { id: 'head-rejected', predicate: 'REJECTED', subject: 'head', object: 'russia', evidence: many });
  return graph;
}
