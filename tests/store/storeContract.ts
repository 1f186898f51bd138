/**
 * What every GraphStore must answer, read through the interface only: look-ups, bounded lists, filters by
 * article and date, pages, neighbourhoods bounded per hop, paths, articles in publication order, the
 * timeline across articles. `storeContract` runs it against any store made from the corpus fixture, so a
 * second store (PostgreSQL, issue 12) passes the same suite by calling it with its own factory.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import type { NewsGraph } from '../../src/graph/types.js';
import type { GraphStore } from '../../src/store/index.js';
import { corpusGraph } from './corpusFixture.js';

/** Runs the contract against the store `make` builds from the corpus fixture's graph. */
export function storeContract(name: string, make: (graph: NewsGraph) => Promise<GraphStore>): void {
  describe(name, () => {
    let store: GraphStore;
    beforeAll(async () => {
      store = await make(corpusGraph());
    });

    const ids = (items: ReadonlyArray<{ readonly id: string }>): string[] => items.map((i) => i.id);

    test('entity and entities look up by id, null where there is none, in the order asked', async () => {
      expect((await store.entity('ukraine'))?.name).toBe('Ukraine');
      expect(await store.entity('nobody')).toBeNull();
      const found = await store.entities(['vladimir-putin', 'nobody', 'ukraine']);
      expect(found.map((e) => e?.id ?? null)).toEqual(['vladimir-putin', null, 'ukraine']);
      expect(await store.similarIds('ukrain')).toContain('ukraine');
    });

    test('relations around an entity honour direction, predicate, negation and first', async () => {
      const all = await store.relationsOf('ukraine', {}, 50);
      expect(ids(all)).toEqual(['ukraine--rejected--crimea-condition', 'ukraine--asserted--crimea-is-ukrainian']);
      expect(ids(await store.relationsOf('ukraine', { predicates: ['ASSERTED'] }, 50))).toEqual(['ukraine--asserted--crimea-is-ukrainian']);
      expect(await store.relationsOf('ukraine', { direction: 'IN' }, 50)).toEqual([]);
      expect(await store.relationsOf('ukraine', {}, 1)).toHaveLength(1);
      // A symmetric relation matches either direction.
      expect(ids(await store.relationsOf('vladimir-putin', { predicates: ['MET_WITH'], direction: 'OUT' }, 50))).toEqual([
        'steve-witkoff--met-with--vladimir-putin',
      ]);
    });

    test('linked gives the far ends once, by kind, and stops at first', async () => {
      expect(ids(await store.linked('witkoff-putin-meeting', { predicates: ['PARTICIPANT'], direction: 'OUT' }, 10))).toEqual([
        'steve-witkoff',
        'vladimir-putin',
      ]);
      expect(ids(await store.linked('witkoff-putin-meeting', { predicates: ['PARTICIPANT'], direction: 'OUT' }, 1))).toEqual(['steve-witkoff']);
      expect(await store.linked('ukraine', { kind: 'EVENT' }, 10)).toEqual([]);
      expect(ids(await store.linked('steve-witkoff', { predicates: ['PARTICIPANT'], direction: 'IN', order: 'time' }, 10))).toEqual([
        'witkoff-putin-meeting',
      ]);
    });

    test('relations filter by article, by publication date (inclusive, at shared precision) and by how many articles state them', async () => {
      const page = { first: 50 };
      const relationIds = async (query: Parameters<GraphStore['relations']>[0]): Promise<string[]> =>
        (await store.relations(query, page)).edges.map((e) => e.node.id);
      expect(await relationIds({ article: 'sample-article' })).toEqual(['ukraine--rejected--crimea-condition']);
      expect(await relationIds({ article: 'later' })).toEqual(['officials--denied--crimea-is-ukrainian']);
      expect(await relationIds({ minArticles: 2 })).toEqual(['ukraine--rejected--crimea-condition']);
      expect(await relationIds({ from: '2025-05' })).toEqual(['officials--denied--crimea-is-ukrainian']);
      expect(await relationIds({ from: '2025-05-10' })).toEqual(['officials--denied--crimea-is-ukrainian']); // "2025-05" may be the 10th
      expect(await relationIds({ to: '2025-04-24' })).toEqual(['ukraine--rejected--crimea-condition']);
      expect((await relationIds({ from: '2025-04-25', to: '2025-04-30' })).sort()).toEqual([
        'steve-witkoff--met-with--vladimir-putin',
        'ukraine--asserted--crimea-is-ukrainian',
        'ukraine--rejected--crimea-condition',
        'witkoff-putin-meeting--participant--steve-witkoff',
        'witkoff-putin-meeting--participant--vladimir-putin',
      ]);
      expect(await relationIds({ predicates: ['DENIED', 'ASSERTED'], object: 'crimea-is-ukrainian', to: '2025-04' })).toEqual([
        'ukraine--asserted--crimea-is-ukrainian',
      ]);
    });

    test('pages follow their cursors, and a cursor of another list is refused', async () => {
      const first = await store.relations({}, { first: 2 });
      expect(first.totalCount).toBe(6);
      expect(first.pageInfo.hasNextPage).toBe(true);
      const second = await store.relations({}, { first: 10, after: first.pageInfo.endCursor ?? '' });
      expect(second.edges).toHaveLength(4);
      expect(second.pageInfo.hasNextPage).toBe(false);
      const entityPage = await store.entitiesOfKind(undefined, { first: 1 });
      await expect(store.relations({}, { first: 1, after: entityPage.pageInfo.endCursor ?? '' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    });

    test("an edge's cursor is the page's end where it ends the page, pages after it, and stays in the page written as JSON", async () => {
      const page = await store.relations({}, { first: 3 });
      const cursors = page.edges.map((edge) => edge.cursor);
      expect(new Set(cursors).size).toBe(3);
      expect(cursors[2]).toBe(page.pageInfo.endCursor);
      const after = await store.relations({}, { first: 10, after: cursors[0] });
      const all = await store.relations({}, { first: 10 });
      expect(after.edges.map((edge) => edge.node.id)).toEqual(all.edges.slice(1).map((edge) => edge.node.id));
      const written = JSON.parse(JSON.stringify(page)) as { edges: { cursor: string; node: { id: string } }[] };
      expect(written.edges.map((edge) => edge.cursor)).toEqual(cursors);
      expect(written.edges.map((edge) => edge.node.id)).toEqual(page.edges.map((edge) => edge.node.id));
    });

    test('articles come in publication order (undated last), filtered by dates and source; an article lists its relations and entities', async () => {
      expect(ids(await store.articles({}, 10))).toEqual(['sample-article', 'follow-up', 'later', 'undated']);
      expect(ids(await store.articles({ from: '2025-04-25' }, 10))).toEqual(['follow-up', 'later']);
      expect(ids(await store.articles({ to: '2025-04' }, 10))).toEqual(['sample-article', 'follow-up']);
      expect(ids(await store.articles({ source: 'EXAMPLE WIRE' }, 10))).toEqual(['follow-up', 'later']);
      expect(ids(await store.articles({ ids: ['later', 'sample-article'] }, 10))).toEqual(['sample-article', 'later']);
      expect(ids(await store.articles({}, 1))).toEqual(['sample-article']);
      expect(ids(await store.articles({}, 0))).toEqual([]);
      const relations = await store.articleRelations('follow-up', { first: 2 });
      expect(relations.totalCount).toBe(5);
      expect(relations.edges).toHaveLength(2);
      const entities = await store.articleEntities('later', { first: 10 });
      expect(entities.edges.map((e) => e.node.id).sort()).toEqual(['crimea-is-ukrainian', 'officials']);
      await expect(store.articleRelations('no-such-article', { first: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    test('neighbourhoods are nearest first and bounded; paths are shortest and refuse unknown ids', async () => {
      const around = await store.neighborhood('steve-witkoff', { depth: 2, includeNegated: true, limit: 50 });
      expect(around.map((n) => [n.entity.id, n.distance])).toEqual([
        ['witkoff-putin-meeting', 1],
        ['vladimir-putin', 1],
      ]);
      const bounded = await store.neighborhood('steve-witkoff', { depth: 2, includeNegated: true, limit: 1 });
      expect(bounded.map((n) => n.entity.id)).toEqual(['witkoff-putin-meeting']);
      expect(ids((await store.path('steve-witkoff', 'vladimir-putin', 4)) ?? [])).toHaveLength(1);
      expect(await store.path('ukraine', 'vladimir-putin', 4)).toBeNull();
      await expect(store.path('nobody', 'ukraine', 4)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    });

    test('the timeline orders events by their time, else by the date of their first article', async () => {
      expect(ids(await store.timeline({}, 10))).toEqual(['witkoff-putin-meeting']);
      expect(ids(await store.timeline({ from: '2025-04-25' }, 10))).toEqual([]);
      expect(ids(await store.timeline({ to: '2025-04' }, 10))).toEqual(['witkoff-putin-meeting']);
      expect((await store.predicateCounts()).get('PARTICIPANT')).toBe(2);
      expect(ids(await store.search('putin', { limit: 5 }))).toEqual(['vladimir-putin', 'witkoff-putin-meeting']);
      expect(ids(await store.claims(undefined, 10))).toEqual(['crimea-is-ukrainian']);
    });
  });
}
