/**
 * `libtypes`: what a library user gets who calls a store directly, not through GraphQL. Every public method of the
 * store interface (GraphStore) and of PostgresStore is asked of both stores, the in-memory one and PostgreSQL over a
 * real cluster, on the seed graph and on a small generated corpus (hubs included: records past SLIM_FROM), and the
 * answers are compared as plain data (plainAnswer.ts: `toEqual` on copies in which a getter or a missing property
 * fails). Where PostgreSQL hands out less than the record on purpose (the resolvers' lean reads), the type says so and
 * the test says exactly what is left out: the long lists (`evidence`, `articles`, `history`) and nothing else, each
 * made whole by `wholeEntity`/`wholeRelation` (docs/design-choices.md, `libtypes`).
 */
import { expect, test } from '@jest/globals';
import { buildGraph } from '../../src/build/index.js';
import type { NewsGraph, RelationAttributes } from '../../src/graph/types.js';
import type { GraphStore } from '../../src/store/index.js';
import type { PostgresStore } from '../../src/store/postgres/index.js';
import type { ArticleRecord, Evidence } from '../../src/graph/types.js';
import { SLIM_FROM } from '../../src/store/postgres/slimRecords.js';
import { seedGraph } from '../api/seed.js';
import { anchor, articleFromSentences, emptyNewsGraph } from '../utils/sampleGraph.js';
import { generatedCorpus } from '../serving/corpus.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { postgresFixture, type PostgresFixture } from '../utils/postgresFixture.js';
import { plainAnswer } from './plainAnswer.js';

/** The lists a record may come without from a store's lean reads (StoredEntity, StoredRelation). */
const LONG_LISTS = ['evidence', 'articles', 'history'];

/** A record-shaped object (an entity or a relation), by its keys. */
function isRecord(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  return 'id' in value && (('kind' in value && 'name' in value) || ('predicate' in value && 'subject' in value));
}

/** `value` with every record's long lists taken out (for the methods typed as handing out stored records). */
function withoutLists(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutLists);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  const record = isRecord(value);
  for (const [key, v] of Object.entries(value)) if (!(record && LONG_LISTS.includes(key))) out[key] = withoutLists(v);
  return out;
}

/** The records of `value` (recursively), to make each whole through the store. */
function recordsIn(value: unknown, into: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(value)) for (const v of value) recordsIn(v, into);
  else if (value !== null && typeof value === 'object') {
    if (isRecord(value)) into.push(value);
    for (const v of Object.values(value)) recordsIn(v, into);
  }
  return into;
}

/**
 * Hubs, built in code: a place and two people named by each of 80 articles, the two people meeting in each, so their
 * records (and the meeting's) pass SLIM_FROM: the PostgreSQL store hands them out slim and reads them whole lazily.
 */
function hubGraph(): NewsGraph {
  const articles: ArticleRecord[] = Array.from({ length: 80 }, (_, a) =>
    articleFromSentences({ id: `h${a}`, title: `Hubland report ${a}`, published: `2025-0${1 + (a % 9)}-1${a % 10}`, source: 'Hub Wire' }, [
      `Ana Oksa met Bo Lind in Hubland on day ${a}.`,
      `Bo Lind visited Hubland again.`,
    ]),
  );
  const g = emptyNewsGraph(articles);
  const quotes = (text: string): Evidence[] => articles.map((a) => anchor(text, a));
  const entity = (id: string, kind: 'PERSON' | 'PLACE', name: string): void => {
    g.addNode(id, { id, kind, name, aliases: [], properties: {}, evidence: quotes(name), articles: articles.map((a) => a.id) } as never);
  };
  entity('hubland', 'PLACE', 'Hubland');
  entity('ana-oksa', 'PERSON', 'Ana Oksa');
  entity('bo-lind', 'PERSON', 'Bo Lind');
  entity('cy-quiet', 'PERSON', 'Bo Lind visited');
  const relation = (id: string, predicate: RelationAttributes['predicate'], subject: string, object: string, quote: string, symmetric = false): void => {
    const record: RelationAttributes = { id, predicate, subject, object, negated: false, modality: 'asserted', properties: {}, evidence: quotes(quote), origin: 'stated', symmetric };
    g.addEdgeWithKey(id, subject, object, record);
  };
  relation('ana-met-bo', 'MET_WITH', 'ana-oksa', 'bo-lind', 'Ana Oksa met Bo Lind', true);
  relation('bo-visited-hubland', 'VISITED', 'bo-lind', 'hubland', 'Bo Lind visited Hubland');
  relation('cy-visited-hubland', 'VISITED', 'cy-quiet', 'hubland', 'Bo Lind visited');
  if (JSON.stringify(g.getNodeAttributes('hubland')).length < SLIM_FROM) throw new Error('hubGraph: the hub is not large enough to be stored slim');
  return g;
}

type Ask = (store: GraphStore) => Promise<unknown>;

/** The questions: every public method of GraphStore, with the ids `pick` chooses from the graph. */
function questions(graph: NewsGraph): Array<{ readonly name: string; readonly ask: Ask; readonly stored: boolean }> {
  const entities = graph.mapNodes((id, a) => ({ id, kind: a.kind, mentions: a.articles?.length ?? 0 }));
  const byMentions = [...entities].sort((a, b) => b.mentions - a.mentions || a.id.localeCompare(b.id));
  const hubs = byMentions.slice(0, 3).map((e) => e.id);
  const quiet = byMentions.slice(-3).map((e) => e.id);
  const event = entities.find((e) => e.kind === 'EVENT')?.id ?? hubs[0] ?? '';
  const articles = graph.getAttribute('articles').map((a) => a.id);
  // Ids may repeat (the seed graph has two articles): each article is listed once by either store.
  const someArticles = [...articles.slice(0, 2), ...articles.slice(-2), 'no-such-article'];
  const ids = [...hubs, ...quiet, 'no-such-entity'];
  const [a, b] = [hubs[0] ?? '', quiet[0] ?? ''];
  // `stored`: typed as StoredEntity/StoredRelation (may lack the long lists); the others must be whole.
  return [
    { name: 'entity', stored: true, ask: (s) => Promise.all(ids.map((id) => s.entity(id))) },
    { name: 'entities', stored: true, ask: (s) => s.entities(ids) },
    { name: 'similarIds', stored: false, ask: (s) => s.similarIds(`${a}x`) },
    { name: 'entitiesOfKind', stored: true, ask: (s) => s.entitiesOfKind(undefined, { first: 30 }) },
    { name: 'entitiesOfKind(PERSON)', stored: true, ask: (s) => s.entitiesOfKind('PERSON', { first: 10 }) },
    { name: 'search', stored: true, ask: (s) => s.search(graph.getNodeAttribute(a, 'name'), { limit: 5 }) },
    { name: 'relationsOf', stored: true, ask: (s) => Promise.all([...hubs, ...quiet].map((id) => s.relationsOf(id, {}, 20))) },
    { name: 'linked', stored: true, ask: (s) => Promise.all([...hubs, ...quiet].map((id) => s.linked(id, {}, 20))) },
    { name: 'relationsOfEvent', stored: true, ask: (s) => s.relationsOfEvent(event, 20) },
    { name: 'relations', stored: true, ask: (s) => s.relations({}, { first: 30 }) },
    { name: 'relations(subject)', stored: true, ask: (s) => s.relations({ subject: a }, { first: 10 }) },
    { name: 'neighborhood', stored: true, ask: (s) => s.neighborhood(b, { depth: 2, includeNegated: true, limit: 20 }) },
    { name: 'path', stored: true, ask: (s) => s.path(a, b, 4) },
    { name: 'articles', stored: false, ask: (s) => s.articles({}, 20) },
    { name: 'articles(ids)', stored: false, ask: (s) => s.articles({ ids: someArticles }, 3) },
    { name: 'article', stored: false, ask: (s) => Promise.all(someArticles.map((id) => s.article(id))) },
    { name: 'articleRelations', stored: true, ask: (s) => s.articleRelations(articles[0] ?? '', { first: 20 }) },
    { name: 'articleEntities', stored: true, ask: (s) => s.articleEntities(articles[0] ?? '', { first: 20 }) },
    { name: 'timeline', stored: true, ask: (s) => s.timeline({}, 20) },
    { name: 'claims', stored: true, ask: (s) => s.claims(undefined, 20) },
    { name: 'predicateCounts', stored: false, ask: (s) => s.predicateCounts() },
    { name: 'identity', stored: false, ask: async (s) => ({ ...(await s.identity()), builtAt: 'not compared' }) },
    { name: 'explore', stored: false, ask: (s) => s.explore({ center: a, depth: 2, limit: 30 }) },
  ];
}

function compareEveryMethod(name: string, graph: () => Promise<NewsGraph>): void {
  describePostgres(`every public store method answers as in memory (libtypes): ${name}`, () => {
    const fixture: PostgresFixture = postgresFixture(graph, { timeoutMs: 400_000 });

    test('whole answers are plain data equal to the in-memory store\'s; stored records lack at most their long lists, made whole by the store', async () => {
      const store = fixture.open();
      const hubsSeen: string[] = [];
      for (const { name: method, ask, stored } of questions(fixture.graph)) {
        const expected = await plainAnswer(await ask(fixture.memory));
        const answer = await plainAnswer(await ask(store));
        expect({ method, accessors: answer.accessors }).toEqual({ method, accessors: [] });
        if (!stored) {
          expect({ method, answer: answer.value }).toEqual({ method, answer: expected.value });
          continue;
        }
        // A stored record: equal but for its long lists; once made whole, equal with them, as plain data.
        expect({ method, answer: withoutLists(answer.value) }).toEqual({ method, answer: withoutLists(expected.value) });
        for (const record of recordsIn(answer.value)) if (!('evidence' in record)) hubsSeen.push(`${method}:${String(record['id'])}`);
        const whole = await Promise.all(
          recordsIn(await ask(store)).map(async (record) => ('kind' in record ? store.wholeEntity(record as never) : store.wholeRelation(record as never))),
        );
        const memoryRecords = recordsIn(await ask(fixture.memory));
        const wholePlain = await plainAnswer(whole);
        // Made whole, a hub's record is plain data too: its lists are not left as getters to parse on first read.
        expect({ method, accessors: wholePlain.accessors }).toEqual({ method, accessors: [] });
        expect({ method, whole: (await plainAnswer(whole)).value }).toEqual({ method, whole: (await plainAnswer(memoryRecords)).value });
      }
      // The stored records do come without their lists on some reads (else this test could not tell).
      expect(hubsSeen.length).toBeGreaterThan(0);
    }, 120_000);

    test('the lean reads and the list heads of PostgresStore answer what the whole records hold', async () => {
      const store: PostgresStore = fixture.open();
      const graph = fixture.graph;
      const articleIds = graph.getAttribute('articles').map((a) => a.id);
      for (const id of articleIds.slice(0, 5)) {
        const lean = await store.articleWithoutText(id);
        expect(lean).not.toHaveProperty('text');
        expect((await plainAnswer(await store.wholeArticle(lean ?? { id, title: '' }))).value).toEqual((await plainAnswer(await fixture.memory.article(id))).value);
      }
      expect((await plainAnswer(await store.articlesWithoutText(articleIds, 3))).value).toEqual(
        (await plainAnswer((await fixture.memory.articles({ ids: articleIds }, 3)).map(({ text: _t, sentences: _s, ...rest }) => rest))).value,
      );
      // A view asked with `fields` (SelectedExplorerView): without the record-held fields not asked, the rest as in memory.
      const center = graph.nodes()[0] ?? '';
      const lean = await plainAnswer(await store.explore({ center, depth: 2, limit: 30, fields: { nodes: ['id', 'x', 'y'], edges: ['id'] } }));
      const full = await plainAnswer(await fixture.memory.explore({ center, depth: 2, limit: 30 }));
      const drop = (keys: readonly string[]) => (item: Record<string, unknown>) => Object.fromEntries(Object.entries(item).filter(([k]) => !keys.includes(k)));
      const leanView = lean.value as { nodes: Array<Record<string, unknown>>; edges: Array<Record<string, unknown>> };
      const fullView = full.value as typeof leanView;
      expect(leanView.nodes.every((n) => !('name' in n) && !('time' in n))).toBe(true);
      expect({ ...leanView, nodes: leanView.nodes.map(drop([])), edges: leanView.edges.map(drop([])) }).toEqual({
        ...fullView,
        nodes: fullView.nodes.map(drop(['name', 'time'])),
        edges: fullView.edges.map(drop(['modality', 'origin', 'attributedTo', 'time'])),
      });
      const byMentions = graph.mapNodes((id, a) => ({ id, mentions: a.articles?.length ?? 0 })).sort((x, y) => y.mentions - x.mentions);
      for (const { id } of byMentions.slice(0, 3)) {
        const entity = await store.entity(id);
        const memoryEntity = await fixture.memory.entity(id);
        if (entity === null || memoryEntity === null) throw new Error(`no entity ${id}`);
        expect(await store.entityEvidence(entity, 3)).toEqual((memoryEntity.evidence ?? []).slice(0, 3));
        // Ids among which the first 3 in publication order are: the same first 3 articles.
        const firstThree = async (ids: readonly string[]): Promise<string[]> => (await fixture.memory.articles({ ids }, 3)).map((a) => a.id);
        expect(await firstThree(await store.entityArticleIds(entity, 3))).toEqual(await firstThree(memoryEntity.articles ?? []));
        for (const relation of await store.relationsOf(id, {}, 5)) {
          const memoryRelation = (await fixture.memory.relationsOf(id, {}, 5)).find((r) => r.id === relation.id);
          if (memoryRelation === undefined) throw new Error(`no relation ${relation.id} in memory`);
          expect(await store.relationEvidence(relation, 2)).toEqual((memoryRelation.evidence ?? []).slice(0, 2));
          expect(await store.relationArticleCount(relation)).toBe(new Set((memoryRelation.evidence ?? []).map((e) => e.article)).size);
        }
      }
    }, 120_000);
  });
}

compareEveryMethod('the seed graph', seedGraph);
compareEveryMethod('a generated corpus of 60 articles', () => buildGraph(generatedCorpus(60)));
compareEveryMethod('hubs past SLIM_FROM, built in code', async () => hubGraph());

