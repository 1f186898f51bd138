/**
 * A small corpus built in code for the store and the corpus fields of the API: the sample article and two
 * follow-up reports (another outlet, later dates, one undated), a fact stated by two articles (one relation
 * whose evidence quotes both), a meeting planned in one report and held in the next (its status history),
 * and a claim about Crimea asserted in one report and denied in another.
 */
import type { ArticleRecord, NewsGraph } from '../../src/graph/types.js';
import { addEntity, addRelation, anchor, articleFromSentences, emptyNewsGraph, SAMPLE_ARTICLE } from '../utils/sampleGraph.js';

export const FOLLOW_UP: ArticleRecord = articleFromSentences(
  { id: 'follow-up', title: 'Witkoff meets Putin', published: '2025-04-26', source: 'Example Wire', url: 'https://example.org/follow-up' },
  [
    'Ukraine rejected the Crimea condition again.',
    'Steve Witkoff met Vladimir Putin in Moscow.',
    'Zelensky said Crimea is Ukrainian.',
  ],
);

export const LATER: ArticleRecord = articleFromSentences({ id: 'later', title: 'A May report', published: '2025-05', source: 'example wire' }, [
  'Officials denied that Crimea is Ukrainian.',
]);

export const UNDATED: ArticleRecord = articleFromSentences({ id: 'undated', title: 'An undated note' }, ['Putin spoke.']);

export function corpusGraph(): NewsGraph {
  const g = emptyNewsGraph([UNDATED, LATER, FOLLOW_UP, SAMPLE_ARTICLE]); // graph order is not publication order
  addEntity(g, { id: 'ukraine', kind: 'GOVERNMENT', name: 'Ukraine', properties: {}, articles: ['sample-article', 'follow-up'] });
  addEntity(g, {
    id: 'crimea-condition',
    kind: 'PROPOSAL',
    name: 'the Crimea condition',
    properties: {},
    articles: ['sample-article', 'follow-up'],
  });
  addEntity(g, {
    id: 'steve-witkoff',
    kind: 'PERSON',
    name: 'Steve Witkoff',
    properties: {},
    evidence: [anchor('Steve Witkoff', FOLLOW_UP)],
    articles: ['follow-up'],
  });
  addEntity(g, {
    id: 'vladimir-putin',
    kind: 'PERSON',
    name: 'Vladimir Putin',
    aliases: ['Putin'],
    properties: {},
    evidence: [anchor('Vladimir Putin', FOLLOW_UP), anchor('Putin', UNDATED)],
    articles: ['follow-up', 'undated'],
  });
  addEntity(g, {
    id: 'witkoff-putin-meeting',
    kind: 'EVENT',
    name: 'Witkoff–Putin meeting',
    properties: { eventType: 'MEETING', status: 'occurred' },
    evidence: [anchor('rejected'), anchor('met', FOLLOW_UP)],
    articles: ['sample-article', 'follow-up'],
    history: [
      { status: 'planned', article: 'sample-article', published: '2025-04-24' },
      { status: 'occurred', article: 'follow-up', published: '2025-04-26' },
    ],
  });
  addEntity(g, {
    id: 'crimea-is-ukrainian',
    kind: 'CLAIM',
    name: 'Crimea is Ukrainian',
    properties: { modality: 'asserted' },
    evidence: [anchor('Crimea is Ukrainian', FOLLOW_UP), anchor('Crimea is Ukrainian', LATER)],
    articles: ['follow-up', 'later'],
  });
  addEntity(g, {
    id: 'officials',
    kind: 'GROUP',
    name: 'Officials',
    properties: {},
    evidence: [anchor('Officials', LATER)],
    articles: ['later'],
  });
  addRelation(g, {
    id: 'ukraine--rejected--crimea-condition',
    predicate: 'REJECTED',
    subject: 'ukraine',
    object: 'crimea-condition',
    evidence: [anchor('rejected the Crimea condition'), anchor('rejected the Crimea condition', FOLLOW_UP)],
  });
  addRelation(g, {
    id: 'witkoff-putin-meeting--participant--steve-witkoff',
    predicate: 'PARTICIPANT',
    subject: 'witkoff-putin-meeting',
    object: 'steve-witkoff',
    origin: 'role',
    event: 'witkoff-putin-meeting',
    evidence: [anchor('Steve Witkoff met', FOLLOW_UP)],
  });
  addRelation(g, {
    id: 'witkoff-putin-meeting--participant--vladimir-putin',
    predicate: 'PARTICIPANT',
    subject: 'witkoff-putin-meeting',
    object: 'vladimir-putin',
    origin: 'role',
    event: 'witkoff-putin-meeting',
    evidence: [anchor('met Vladimir Putin', FOLLOW_UP)],
  });
  addRelation(g, {
    id: 'steve-witkoff--met-with--vladimir-putin',
    predicate: 'MET_WITH',
    subject: 'steve-witkoff',
    object: 'vladimir-putin',
    origin: 'projection',
    symmetric: true,
    event: 'witkoff-putin-meeting',
    evidence: [anchor('Steve Witkoff met Vladimir Putin', FOLLOW_UP)],
  });
  addRelation(g, {
    id: 'ukraine--asserted--crimea-is-ukrainian',
    predicate: 'ASSERTED',
    subject: 'ukraine',
    object: 'crimea-is-ukrainian',
    evidence: [anchor('Zelensky said Crimea is Ukrainian', FOLLOW_UP)],
  });
  addRelation(g, {
    id: 'officials--denied--crimea-is-ukrainian',
    predicate: 'DENIED',
    subject: 'officials',
    object: 'crimea-is-ukrainian',
    evidence: [anchor('Officials denied that Crimea is Ukrainian', LATER)],
  });
  return g;
}
