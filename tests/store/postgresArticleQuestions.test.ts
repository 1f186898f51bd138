/**
 * The playground's article questions over PostgreSQL ("What each article added", "Facts stated by several articles"):
 * the in-memory store's answers, in a number of statements that does not grow with the answer, reading no record
 * the answer does not show. Bounded here: the articles of a list of relations and of their quotes are looked up
 * together (articleBatch.ts; main's code sent one statement per relation and one per quote), the ends of a page's
 * relations are read with the page and handed out at once (endsAhead.ts: no look-up per end; main's code looked up
 * each), and an article page's extra row (is there a next page?) is not read whole (articlePageBatch.ts).
 */
import { expect, jest, test } from '@jest/globals';
import { executeQuery } from '../../src/api/index.js';
import { playgroundQuery } from '../utils/playgroundQuery.js';
import type { ArticleRecord, Evidence, NewsGraph } from '../../src/graph/types.js';
import { memoryStore } from '../../src/store/index.js';
import { loadGraphIntoPostgres, PostgresStore } from '../../src/store/postgres/index.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { postgresFixture } from '../utils/postgresFixture.js';
import { addEntity, addRelation, anchor, articleFromSentences, emptyNewsGraph } from '../utils/sampleGraph.js';
import { withWholeRecords } from './wholeRecords.js';

const ARTICLES = 30;
const PEOPLE = 8;
const GOVERNMENTS = 3;
const person = (i: number): string => `Person${String.fromCharCode(65 + (i % PEOPLE))}`;
const government = (i: number): string => `Government${String.fromCharCode(65 + (i % GOVERNMENTS))}`;

/**
 * 30 articles; article a states the meetings of people a and a+1 and of a+3 and a+4 (8 meetings, each stated by 7 or
 * 8 articles) and that person a leads government a (8 positions, each stated by 3 or 4 articles), so that every fact
 * is stated by several articles and quoted several times. The last article names nobody.
 */
function articlesGraph(): NewsGraph {
  const sentences = (a: number): string[] =>
    a === ARTICLES - 1
      ? ['Nothing happened.']
      : [`${person(a)} met ${person(a + 1)}.`, `${person(a + 3)} met ${person(a + 4)}.`, `${person(a)} leads ${government(a)}.`];
  const articles: ArticleRecord[] = Array.from({ length: ARTICLES }, (_, a) =>
    articleFromSentences(
      {
        id: `a${a}`,
        title: `Report ${a}`,
        published: `2025-02-${String(1 + (a % 28)).padStart(2, '0')}`,
        source: `Agency ${a % 4}`,
      },
      sentences(a),
    ),
  );
  const g = emptyNewsGraph(articles);
  const quotes = (text: string): Evidence[] => articles.filter((a) => a.text.includes(text)).map((a) => anchor(text, a));
  const named = (text: string): string[] => articles.filter((a) => a.text.includes(text)).map((a) => a.id);
  for (let i = 0; i < PEOPLE; i++)
    addEntity(g, {
      id: `p${i}`,
      kind: 'PERSON',
      name: person(i),
      properties: {},
      evidence: quotes(person(i)),
      articles: named(person(i)),
    });
  for (let i = 0; i < GOVERNMENTS; i++) {
    addEntity(g, {
      id: `g${i}`,
      kind: 'GOVERNMENT',
      name: government(i),
      properties: {},
      evidence: quotes(government(i)),
      articles: named(government(i)),
    });
  }
  for (let i = 0; i < PEOPLE; i++) {
    const met = `${person(i)} met ${person(i + 1)}`;
    addRelation(g, {
      id: `m${i}`,
      predicate: 'MET_WITH',
      subject: `p${i}`,
      object: `p${(i + 1) % PEOPLE}`,
      symmetric: true,
      evidence: quotes(met),
    });
  }
  for (let i = 0; i < PEOPLE; i++) {
    const leads = `${person(i)} leads ${government(i)}`;
    addRelation(g, {
      id: `h${i}`,
      predicate: 'HOLDS_POSITION',
      subject: `p${i}`,
      object: `g${i % GOVERNMENTS}`,
      properties: { title: 'Leader' },
      evidence: quotes(leads),
    });
  }
  return g;
}

describePostgres('the article questions over PostgreSQL', () => {
  const fixture = postgresFixture(articlesGraph);

  test('answer what the in-memory store answers, in a few statements, the ends of relations at hand', async () => {
    const store = new PostgresStore({ primary: fixture.url });
    try {
      for (const name of ['FactsStatedBySeveralArticles', 'WhatEachArticleAdded']) {
        const query = playgroundQuery(name);
        const expected = await executeQuery(fixture.memory, query);
        expect(expected.errors).toBeUndefined();
        expect(await executeQuery(store, query)).toEqual(expected); // warm: the corpus's figures, the prepared statements
        const before = store.statementCount;
        const lookups = jest.spyOn(store, 'entity');
        expect(await executeQuery(store, query)).toEqual(expected);
        // Every subject and object was read with its relations' page and handed out at once: none looked up (main's
        // code looked up each, 16 for the first question and 58 for the second, in one or more batches).
        expect(lookups).not.toHaveBeenCalled();
        lookups.mockRestore();
        if (name === 'FactsStatedBySeveralArticles') {
          // Two lists (a count and a page each), their ends (one statement each), the articles of 8 facts and of
          // their first quotes (one, or a few when the batch window closes between them on a loaded machine: 7 to 10
          // in all seen). Main's code: one statement per fact's articles and one per quote, 55.
          expect(store.statementCount - before).toBeLessThanOrEqual(16);
        }
      }
    } finally {
      await store.close();
    }
  });

  test("a page's relations come with their ends at hand, and an unknown article is still refused", async () => {
    const store = new PostgresStore({ primary: fixture.url });
    try {
      const page = await store.articleRelations('a0', { first: 2 });
      const expected = await fixture.memory.articleRelations('a0', { first: 2 });
      // Relations and ends come without their lists (projectedRecords.ts): compared once completed.
      expect(await withWholeRecords(store, page)).toEqual(expected);
      for (const { node } of page.edges) {
        expect(await withWholeRecords(store, store.entityAtHand(node.subject))).toEqual(await fixture.memory.entity(node.subject));
        expect(await withWholeRecords(store, store.entityAtHand(node.object))).toEqual(await fixture.memory.entity(node.object));
      }
      // Looked up through the store as before, with the same answer.
      expect(await store.entity('g0')).toEqual(await fixture.memory.entity('g0'));
      await expect(store.articleRelations('a9999', { first: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
      // A relation's articles by ids (distinct, as evidenceArticleIds gives them), batched: publication order, the
      // first `first`, unknown ids left out.
      const ids = ['a7', 'a3', 'nope', 'a12'];
      // Whole through the public method; without their text through the resolvers' (partialArticles.ts), compared once completed.
      expect(await store.articles({ ids }, 2)).toEqual(await fixture.memory.articles({ ids }, 2));
      expect(await withWholeRecords(store, await store.articlesWithoutText(ids, 2))).toEqual(await fixture.memory.articles({ ids }, 2));
      expect(await store.articles({ ids }, 0)).toEqual([]);
      expect(await store.article('nope')).toBeNull();
    } finally {
      await store.close();
    }
  });

  test('say whether there is a next page as the in-memory store does, on both sides of the last item', async () => {
    const store = new PostgresStore({ primary: fixture.url });
    try {
      // Article a0 names 4 entities and states 3 relations; a29 names none. The row after a page is not read whole
      // (articlePageBatch.ts): only its place says there is a next page.
      for (const first of [0, 1, 2, 3, 4, 5]) {
        const query = `{ articles { id entities(first: ${first}) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } }
          relations(first: ${first}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } } }`;
        const answer = await executeQuery(store, query);
        expect(answer.errors).toBeUndefined();
        expect(answer).toEqual(await executeQuery(fixture.memory, query));
      }
    } finally {
      await store.close();
    }
  });

  test('a filtered count is made once per corpus, and made again for a new load', async () => {
    const store = new PostgresStore({ primary: fixture.url });
    try {
      const query = { minArticles: 2, negated: false };
      const expected = await fixture.memory.relations(query, { first: 3 });
      expect(await store.relations(query, { first: 3 })).toEqual(expected);
      // The count is kept (corpusCounts.ts): the next pages cost their page and its ends only.
      const before = store.statementCount;
      const next = await store.relations(query, {
        first: 3,
        after: expected.pageInfo.endCursor ?? undefined,
      });
      expect(next).toEqual(
        await fixture.memory.relations(query, {
          first: 3,
          after: expected.pageInfo.endCursor ?? undefined,
        }),
      );
      expect(store.statementCount - before).toBe(2); // the cursor's position, the page with its ends (pageWithEnds.ts; before: 3)
      // The count alone (`first: 0`): no statement but the page's one row (is there a next page?). Main's code: 2.
      const counting = store.statementCount;
      expect(await store.relations(query, { first: 0 })).toEqual(await fixture.memory.relations(query, { first: 0 }));
      expect(store.statementCount - counting).toBe(1);

      // A new load where only the meetings are stated by several articles: its own count, not the kept one.
      const fewer = articlesGraph();
      for (let i = 0; i < PEOPLE; i++) {
        const position = fewer.getEdgeAttributes(`h${i}`);
        fewer.replaceEdgeAttributes(`h${i}`, {
          ...position,
          evidence: position.evidence.slice(0, 1),
        });
      }
      const { identity } = await loadGraphIntoPostgres(fixture.url, fewer);
      const deadline = Date.now() + 5_000;
      while ((await store.identity()).id !== identity.id && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
      const answer = await store.relations(query, { first: 3 });
      expect(answer).toEqual(await memoryStore(fewer).relations(query, { first: 3 }));
      expect(answer.totalCount).toBeLessThan(expected.totalCount);
    } finally {
      await store.close();
    }
  });
});
