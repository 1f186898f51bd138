/**
 * The pages of a list of articles over PostgreSQL ("What each article added"): read for the whole list at the first
 * article's ask (postgresStore.ts `articleLists`, recentLists.ts) and the ends of the relations shown read beside the
 * page, on another connection (articlePageEnds.ts), not after it. The answers are the in-memory store's; what is
 * bounded is when the statements go: main's code sent a page per batch window (one statement per article asked
 * alone, as here) and the ends' statement only once the page's was in.
 */
import { expect, jest, test } from '@jest/globals';
import { executeQuery } from '../../src/api/index.js';
import { playgroundQuery } from '../utils/playgroundQuery.js';
import type { Connections } from '../../src/store/postgres/connections.js';
import type { PostgresStore } from '../../src/store/postgres/index.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { postgresFixture } from '../utils/postgresFixture.js';
import { corpusGraph } from './corpusFixture.js';
import { withWholeRecords } from './wholeRecords.js';

const EACH_ARTICLE = playgroundQuery('WhatEachArticleAdded');

/** Every field of a relation and its ends, so that records read without their lists are completed where asked. */
const EVERY_FIELD = (first: number): string => `{ articles {
  id entities(first: ${first}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name kind } } }
  relations(first: ${first}) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node {
    id predicate negated time properties origin draft symmetric articleCount
    subject { id name aliases articles(first: 5) { id } } object { id name evidence(first: 2) { exact article { id } } }
    attributedTo { id } event { id } evidence(first: 3) { exact sentenceText } articles(first: 3) { id }
  } } } } }`;

/** Each statement the store sends, as it starts and as it ends, in order (the statements themselves run as ever). */
function statementLog(store: PostgresStore): string[] {
  const db = (store as unknown as { readonly db: Connections }).db;
  const read = db.read.bind(db);
  const log: string[] = [];
  jest.spyOn(db, 'read').mockImplementation(async (text, values) => {
    log.push('start');
    try {
      return await read(text, values);
    } finally {
      log.push('end');
    }
  });
  return log;
}

describePostgres('the pages of a list of articles, their ends beside them (articlePageEnds.ts)', () => {
  const fixture = postgresFixture(corpusGraph);

  test('answer what the in-memory store answers, the question as written and pages of every size with every field', async () => {
    const store = fixture.open();
    for (const query of [EACH_ARTICLE, EVERY_FIELD(0), EVERY_FIELD(1), EVERY_FIELD(2), EVERY_FIELD(10)]) {
      const expected = await executeQuery(fixture.memory, query);
      expect(expected.errors).toBeUndefined();
      expect(await executeQuery(store, query)).toEqual(expected);
    }
    // Every end was handed out at once: the question sends the articles, their two pages and the ends, no look-up.
    const lookups = jest.spyOn(store, 'entity');
    const before = store.statementCount;
    expect(await executeQuery(store, EACH_ARTICLE)).toEqual(await executeQuery(fixture.memory, EACH_ARTICLE));
    expect(store.statementCount - before).toBeLessThanOrEqual(4);
    expect(lookups).not.toHaveBeenCalled();
  });

  test('the ends read for an operation are let go when it ends; the next one reads its own and answers the same', async () => {
    const store = fixture.open();
    const expected = await executeQuery(fixture.memory, EACH_ARTICLE);
    const lookups = jest.spyOn(store, 'entity');
    let heldDuring = 0;
    const atHand = store.entityAtHand.bind(store);
    jest.spyOn(store, 'entityAtHand').mockImplementation((id) => {
      heldDuring = Math.max(heldDuring, store.endsAtHandCount);
      return atHand(id);
    });
    for (let round = 0; round < 2; round++) {
      const before = store.statementCount;
      expect(await executeQuery(store, EACH_ARTICLE)).toEqual(expected);
      // Held while the answer took them (every end at hand: no look-up, the 4 statements of the question)...
      expect(heldDuring).toBeGreaterThan(0);
      expect(store.statementCount - before).toBeLessThanOrEqual(4);
      // ...and none once it ended (main's code kept them 2 s after the last page, for no later answer).
      expect(store.endsAtHandCount).toBe(0);
      heldDuring = 0;
    }
    expect(lookups).not.toHaveBeenCalled();
  });

  test("one article's page of a list is read for the whole list at once, its ends in a statement sent beside it", async () => {
    const store = fixture.open();
    const list = await store.articles({}, 10);
    expect(list.length).toBeGreaterThan(2);
    const log = statementLog(store);
    const head = list[0]?.id ?? '';
    const page = await store.articleRelations(head, { first: 2 });
    // The page and the ends of its relations went together: both started before either ended (main's code read the
    // ends once the page was in: start, end, start, end).
    expect(log).toEqual(['start', 'start', 'end', 'end']);
    expect(await withWholeRecords(store, page)).toEqual(await fixture.memory.articleRelations(head, { first: 2 }));

    // The other articles of the list find their pages read, and the ends of their relations at hand: no statement.
    // (Main's code: a statement per article asked alone, each window closing on one look-up, and their ends after.)
    const before = store.statementCount;
    const answers = [];
    for (const { id } of list) {
      const answer = await store.articleRelations(id, { first: 2 });
      for (const { node } of answer.edges) {
        expect(store.entityAtHand(node.subject)?.id).toBe(node.subject);
        expect(store.entityAtHand(node.object)?.id).toBe(node.object);
      }
      answers.push(answer);
    }
    expect(store.statementCount - before).toBe(0);
    // Another page size is another field: read again, for the whole list, in its own two statements.
    await store.articleRelations(list[1]?.id ?? '', { first: 1 });
    expect(store.statementCount - before).toBe(2);
    // (Compared once completed: completing a record read without its lists is a statement of its own.)
    for (const [i, { id }] of list.entries()) expect(await withWholeRecords(store, answers[i])).toEqual(await fixture.memory.articleRelations(id, { first: 2 }));
  });

  test('the next pages, an article asked alone and an unknown one answer as in memory', async () => {
    const store = fixture.open();
    const list = await store.articles({}, 10);
    for (const { id } of list) {
      const first = await store.articleRelations(id, { first: 1 });
      expect(await withWholeRecords(store, first)).toEqual(await fixture.memory.articleRelations(id, { first: 1 }));
      const after = first.pageInfo.endCursor ?? undefined;
      const next = await store.articleRelations(id, { first: 1, after });
      expect(await withWholeRecords(store, next)).toEqual(await fixture.memory.articleRelations(id, { first: 1, after }));
      const entities = await store.articleEntities(id, { first: 2 });
      expect(await withWholeRecords(store, entities)).toEqual(await fixture.memory.articleEntities(id, { first: 2 }));
    }
    const alone = fixture.open();
    const id = list.at(-1)?.id ?? '';
    expect(await withWholeRecords(alone, await alone.articleRelations(id, { first: 3 }))).toEqual(await fixture.memory.articleRelations(id, { first: 3 }));
    await expect(alone.articleRelations('no-such-article', { first: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
