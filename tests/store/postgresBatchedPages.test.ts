/**
 * The pages of a list of articles (`articles { relations entities }`, the playground's "What each article added")
 * over PostgreSQL: the same answers as the in-memory store, page by page and after a cursor, in a number of
 * round-trips that does not grow with the number of articles (articlePageBatch.ts).
 */
import { expect, test } from '@jest/globals';
import { executeQuery } from '../../src/api/index.js';
import type { ArticleRecord, NewsGraph } from '../../src/graph/types.js';
import { memoryStore } from '../../src/store/index.js';
import { PostgresStore } from '../../src/store/postgres/index.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { postgresFixture } from '../utils/postgresFixture.js';
import { addEntity, addRelation, anchor, articleFromSentences, emptyNewsGraph } from '../utils/sampleGraph.js';
import { withWholeRecords } from './wholeRecords.js';

const ARTICLES = 40;
const PEOPLE = 12;

/** 40 articles, each naming a few of 12 people and stating one to four of their meetings; the last names nobody. */
function articlesGraph(): NewsGraph {
  const name = (i: number): string => `Person${String.fromCharCode(65 + i)}`;
  const articles: ArticleRecord[] = Array.from({ length: ARTICLES }, (_, a) =>
    articleFromSentences({ id: `a${a}`, title: `Report ${a}`, published: `2025-01-${String(1 + (a % 28)).padStart(2, '0')}` }, [
      ...Array.from({ length: a % 4 }, (_, s) => `${name((a + s) % PEOPLE)} met ${name((a + 2 * s + 1) % PEOPLE)}.`),
      'Nothing else happened.',
    ]),
  );
  const g = emptyNewsGraph(articles);
  for (let i = 0; i < PEOPLE; i++) {
    const named = articles.filter((a) => a.text.includes(name(i)));
    const first = named[0] ?? articles[0];
    if (first === undefined) throw new Error('fixture: no article');
    addEntity(g, { id: `p${i}`, kind: 'PERSON', name: name(i), properties: {}, evidence: [anchor(name(i), first)], articles: named.map((a) => a.id) });
  }
  let relation = 0;
  for (const article of articles) {
    const stated = article.text.split('. ').filter((s) => s.includes(' met '));
    for (const sentence of stated) {
      const [subject = '', object = ''] = sentence.replace('.', '').split(' met ');
      const id = (who: string): string => `p${who.charCodeAt(6) - 65}`;
      // Every other meeting is quoted by the next article too (when it states it): articles share relations.
      addRelation(g, { id: `r${relation++}`, predicate: 'MET_WITH', subject: id(subject), object: id(object), evidence: [anchor(`${subject} met`, article)] });
    }
  }
  return g;
}

describePostgres('article pages over PostgreSQL, batched', () => {
  const fixture = postgresFixture(articlesGraph);

  const question = (articles: number): string => `{ articles(first: ${articles}) { id
    entities(first: 0) { totalCount pageInfo { hasNextPage } }
    relations(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id subject { name } object { name } } } } } }`;

  test('answer what the in-memory store answers, page by page and after a cursor', async () => {
    const memory = memoryStore(fixture.graph);
    for (const articles of [1, ARTICLES]) {
      const [fromMemory, fromPostgres] = await Promise.all([executeQuery(memory, question(articles)), executeQuery(fixture.store, question(articles))]);
      expect(fromPostgres.errors).toBeUndefined();
      expect(fromPostgres).toEqual(fromMemory);
    }
    // Each article's second page (after its first), and a whole list of entities: asked together, as a list does.
    const ids = Array.from({ length: ARTICLES }, (_, a) => `a${a}`);
    const pages = async (s: typeof memory | PostgresStore): Promise<unknown> =>
      Promise.all(
        ids.map(async (id) => {
          const first = await s.articleRelations(id, { first: 1 });
          const after = first.pageInfo.endCursor;
          return [first, after === null ? null : await s.articleRelations(id, { first: 5, after }), await s.articleEntities(id, { first: 50 })];
        }),
      );
    // An article's relations come without their lists (projectedRecords.ts): compared once completed.
    expect(await withWholeRecords(fixture.store, await pages(fixture.store))).toEqual(await pages(memory));
  });

  test('refuse an unknown article, and a bad cursor, as the in-memory store does', async () => {
    await expect(fixture.store.articleRelations('a9999', { first: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(fixture.store.articleEntities('a9999', { first: 1, after: 'bm8tc3VjaA' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const entityPage = await fixture.store.entitiesOfKind(undefined, { first: 1 });
    await expect(fixture.store.articleRelations('a1', { first: 1, after: entityPage.pageInfo.endCursor ?? '' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  test('the round-trips of a list of articles do not grow with its length', async () => {
    const roundTrips = async (articles: number): Promise<number> => {
      const before = fixture.store.statementCount;
      const result = await executeQuery(fixture.store, question(articles));
      expect(result.errors).toBeUndefined();
      expect((result.data as { articles: unknown[] }).articles).toHaveLength(articles);
      return fixture.store.statementCount - before;
    };
    await roundTrips(ARTICLES); // warm (the corpus's figures, the prepared statements)
    const one = await roundTrips(1);
    const all = await roundTrips(ARTICLES);
    expect(one).toBeGreaterThanOrEqual(2);
    // One statement per list (relations, entities) and one for the names, not two or three per article (255 before
    // batching). 4 on a quiet machine and under load average 20 alike: the batch window's 8 ms are the process's CPU
    // time (batchWindow.ts); counted by the clock, 8 to 29 were seen under that load.
    expect(all).toBeLessThan(ARTICLES / 2);
  });
});
