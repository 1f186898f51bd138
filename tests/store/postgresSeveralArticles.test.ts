/**
 * `pgseveral` (issue 12): "Facts stated by several articles" and "Who said what about Crimea" (a place with claims
 * and proposals about it) over PostgreSQL, against the in-memory store's answers, with what they read bounded:
 * - the ends of a page of relations come without their quotes (pageWithEnds.ts), and articles looked up by id
 *   without their text and sentences (articleBatch.ts): no article body and no end's quote crosses from PostgreSQL
 *   for questions that print neither (main's code read both whole), while `text`, `sentences` and `sentenceText`
 *   still answer what the in-memory store answers (partialArticles.ts);
 * - an entity's relations come with their ends (relationsOfBatch.ts): the subjects are not looked up after the
 *   relations, and their typed fields go in one statement per field, however far apart GraphQL asks them
 *   (endsOfRelations.ts; main's code looked the subjects up in a statement of their own, one round-trip more, and
 *   sent a statement per field and batch window).
 */
import { expect, jest, test } from '@jest/globals';
import { executeQuery } from '../../src/api/index.js';
import type { ArticleRecord, Evidence, NewsGraph, RelationAttributes } from '../../src/graph/types.js';
import type { LinkedFilter } from '../../src/store/index.js';
import { MAX_OPEN_MS } from '../../src/store/postgres/batchWindow.js';
import { Connections } from '../../src/store/postgres/connections.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { playgroundQuery } from '../utils/playgroundQuery.js';
import { postgresFixture } from '../utils/postgresFixture.js';
import { addRelation, anchor, articleFromSentences, emptyNewsGraph } from '../utils/sampleGraph.js';
import { withWholeRecords } from './wholeRecords.js';

const ARTICLES = 24;
const CLAIMS = 8;
const PROPOSALS = 6;
const PEOPLE = 5;
/** A sentence in every article that no evidence quotes: it crosses from PostgreSQL only with an article's text. */
const BODY = 'Markets were calm and the weather was mild across the region that week.';

/**
 * 24 articles about Corstad: person p said claim c (ASSERTED, DENIED or REPORTED, by article), person p proposed,
 * backed or rejected proposal q; each claim and proposal is ABOUT or CONCERNS Corstad; people hold offices in Corstad.
 * Every fact is stated by two or more articles, every entity quoted in several.
 */
function corstadGraph(): NewsGraph {
  const sentence = (a: number): string[] => [
    `Person${a % PEOPLE} said Claim${a % CLAIMS} about Corstad.`,
    `Person${(a + 1) % PEOPLE} backed Proposal${a % PROPOSALS} for Corstad.`,
    `Person${a % PEOPLE} leads Corstad.`,
    BODY,
  ];
  const articles: ArticleRecord[] = Array.from({ length: ARTICLES }, (_, a) =>
    articleFromSentences(
      { id: `a${a}`, title: `Corstad report ${a}`, published: `2025-04-${String(1 + a).padStart(2, '0')}`, source: `Agency ${a % 3}`, ...(a % 2 === 0 ? { url: `https://example.org/${a}` } : {}) },
      sentence(a),
    ),
  );
  const g = emptyNewsGraph(articles);
  const quotes = (text: string): Evidence[] => articles.filter((a) => a.text.includes(text)).map((a) => anchor(text, a));
  const named = (text: string): string[] => articles.filter((a) => a.text.includes(text)).map((a) => a.id);
  // In the builder's key order (the lists last but for scalars): the loader stores such records' cuts (slimRecords.ts).
  const entity = (id: string, kind: 'PERSON' | 'PLACE' | 'CLAIM' | 'PROPOSAL', name: string, properties: Record<string, string> = {}): void => {
    g.addNode(id, { id, kind, name, aliases: [], properties, evidence: quotes(name), articles: named(name) } as never);
  };
  entity('corstad', 'PLACE', 'Corstad');
  for (let p = 0; p < PEOPLE; p++) entity(`p${p}`, 'PERSON', `Person${p}`);
  for (let c = 0; c < CLAIMS; c++) entity(`c${c}`, 'CLAIM', `Claim${c}`, { modality: 'asserted' });
  for (let q = 0; q < PROPOSALS; q++) entity(`q${q}`, 'PROPOSAL', `Proposal${q}`);
  let r = 0;
  const relation = (predicate: RelationAttributes['predicate'], subject: string, object: string, quote: string, extra: Record<string, unknown> = {}): void =>
    addRelation(g, { id: `r${r++}`, predicate, subject, object, evidence: quotes(quote), ...extra });
  /** Each of `count` claims or proposals is about Corstad, and the people who said or backed it did so by `by`, in turn. */
  const attributed = (prefix: string, name: string, count: number, about: 'ABOUT' | 'CONCERNS', aboutText: string, verb: string, by: readonly RelationAttributes['predicate'][]): void => {
    for (let i = 0; i < count; i++) {
      relation(about, `${prefix}${i}`, 'corstad', `${name}${i} ${aboutText}`);
      for (let p = 0; p < PEOPLE; p++) {
        const said = `Person${p} ${verb} ${name}${i}`;
        if (quotes(said).length > 0) relation(by[(i + p) % by.length] ?? 'ASSERTED', `p${p}`, `${prefix}${i}`, said);
      }
    }
  };
  attributed('c', 'Claim', CLAIMS, 'ABOUT', 'about Corstad', 'said', ['ASSERTED', 'DENIED', 'REPORTED']);
  attributed('q', 'Proposal', PROPOSALS, 'CONCERNS', 'for Corstad', 'backed', ['PROPOSED', 'BACKS', 'REJECTED']);
  for (let p = 0; p < PEOPLE; p++) relation('HOLDS_POSITION', `p${p}`, 'corstad', `Person${p} leads Corstad`, { properties: { title: 'Leader' } });
  return g;
}

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

interface Sent {
  readonly text: string;
  readonly rows: ReadonlyArray<Record<string, unknown>>;
  readonly sentAt: number;
  readonly doneAt: number;
}

/** The statements sent while `run` runs, with the rows each received and when it was sent and answered. */
async function sentStatements(run: () => Promise<void>): Promise<Sent[]> {
  const sent: Sent[] = [];
  const original = Connections.prototype.read;
  const spy = jest.spyOn(Connections.prototype, 'read').mockImplementation(async function (this: Connections, text: string, values?: readonly unknown[]) {
    const sentAt = performance.now();
    const rows = await original.call(this, text, values);
    sent.push({ text, rows: rows as Array<Record<string, unknown>>, sentAt, doneAt: performance.now() });
    return rows;
  } as typeof original);
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return sent;
}

/** Entity look-ups by id (the store's batch: entityBatch.ts), as main's code sent them for a list's subjects. */
const isEntityLookup = (s: Sent): boolean => /^SELECT id, \S.* FROM newsgraph\.entity WHERE id = ANY/su.test(s.text);

describePostgres('facts stated by several articles, and who said what about a place, over PostgreSQL (pgseveral)', () => {
  const fixture = postgresFixture(corstadGraph);

  test('"facts stated by several articles": the in-memory answer, with no article text and no end\'s quote read', async () => {
    const store = fixture.open();
    const query = playgroundQuery('FactsStatedBySeveralArticles');
    const expected = await executeQuery(fixture.memory, query);
    expect(expected.errors).toBeUndefined();
    const answer = JSON.stringify(expected);
    expect(answer).toContain('"articles":[{"title":"Corstad report');
    expect(answer).toContain('"title":"Leader"');
    expect(await executeQuery(store, query)).toEqual(expected);
    const sent = await sentStatements(async () => {
      expect(await executeQuery(store, query)).toEqual(expected);
    });
    const received = sent.flatMap((s) => s.rows.map((row) => JSON.stringify(row)));
    // The articles were read (their titles), not their text (main's code: every article whole, BODY and all).
    expect(received.some((row) => row.includes('Corstad report'))).toBe(true);
    expect(received.filter((row) => row.includes(BODY))).toEqual([]);
    // The pages' ends carry no quote (main's code: the ends whole, with every quote); the relations do (asked).
    const ends = sent.flatMap((s) => s.rows.filter((row) => row['pos'] === null && typeof row['id'] === 'string'));
    expect(ends.length).toBeGreaterThan(PEOPLE);
    expect(ends.filter((row) => String(row['doc']).includes('"evidence":['))).toEqual([]);
    expect(sent.some((s) => s.rows.some((row) => typeof row['pos'] === 'number' && String(row['doc']).includes('"evidence":[')))).toBe(true);
    expect(sent.filter(isEntityLookup)).toEqual([]);
  });

  test('an article\'s text, sentences and quoted sentences answer what the in-memory store answers, read when asked', async () => {
    const store = fixture.open();
    const queries = [
      '{ article(id: "a3") { id title text published source url sentences } a2: article(id: "a2") { title url } }',
      '{ relations(minArticles: 2, first: 6) { edges { node { evidence(first: 3) { exact sentenceText article { id title text } } articles { id title sentences published } } } } }',
      '{ search(text: "Corstad", kind: PLACE, limit: 1) { relations(first: 5) { articles { title url text } evidence { sentenceText } subject { name evidence(first: 2) { exact } } } } }',
    ];
    for (const query of queries) {
      const expected = await executeQuery(fixture.memory, query);
      expect(expected.errors).toBeUndefined();
      expect(await executeQuery(store, query)).toEqual(expected);
    }
    expect(JSON.stringify(await executeQuery(store, queries[0] ?? ''))).toContain(BODY);
    // The store's own records: whole through `article`/`articles`, as their types say (libtypes); without their text
    // through the resolvers' lean reads, whole once completed, equal to the in-memory store's.
    expect(await store.article('a4')).toEqual(await fixture.memory.article('a4'));
    expect(await store.articles({ ids: ['a9', 'a1', 'nope', 'a5'] }, 2)).toEqual(await fixture.memory.articles({ ids: ['a9', 'a1', 'nope', 'a5'] }, 2));
    const slim = await store.articleWithoutText('a4');
    expect(slim).not.toBeNull();
    expect(slim).not.toHaveProperty('text');
    expect(await withWholeRecords(store, slim)).toEqual(await fixture.memory.article('a4'));
    expect(await withWholeRecords(store, await store.articlesWithoutText(['a9', 'a1', 'nope', 'a5'], 2))).toEqual(await fixture.memory.articles({ ids: ['a9', 'a1', 'nope', 'a5'] }, 2));
  });

  test('"who said what about" a place: the in-memory answer, the subjects read with the relations, one statement per typed field', async () => {
    const store = fixture.open();
    const query = playgroundQuery('WhoSaidWhatAboutCrimea');
    const variables = { place: 'Corstad' };
    const expected = await executeQuery(fixture.memory, query, { variables });
    expect(expected.errors).toBeUndefined();
    const answer = JSON.stringify(expected);
    for (const field of ['"assertedBy":[{', '"deniedBy":[{', '"backedBy":[{', '"rejectedBy":[{']) expect(answer).toContain(field);
    expect(await executeQuery(store, query, { variables })).toEqual(expected);
    for (let i = 0; i < 2; i++) {
      const sent = await sentStatements(async () => {
        expect(await executeQuery(store, query, { variables })).toEqual(expected);
      });
      // No look-up of the subjects after the relations (main's code: one, a round-trip of its own), no article text.
      expect(sent.filter(isEntityLookup)).toEqual([]);
      expect(sent.filter((s) => s.rows.some((row) => JSON.stringify(row).includes(BODY)))).toEqual([]);
      // The name search, the place's record, its relations with their ends; then the six typed fields, each read for
      // every subject of its kind at its first ask, and the articles. Main's code: the subjects looked up in between, a
      // round-trip of its own.
      const fields = sent.filter((x) => x.text.includes('x.first_pos'));
      expect(fields.length).toBe(6);
      const relations = sent.find((x) => x.text.startsWith('WITH page AS MATERIALIZED (SELECT f.k::int AS k'));
      expect(relations).toBeDefined();
      for (const field of fields) expect(field.sentAt).toBeGreaterThanOrEqual(relations?.doneAt ?? Infinity);
      // The rest: the search, the place's record, the relations (the articles go in one statement or, when the batch
      // window closes between their asks on a loaded machine, in more).
      const articles = sent.filter((x) => /FROM newsgraph\.article a, json_to_record/u.test(x.text));
      expect(articles.length).toBeGreaterThanOrEqual(1);
      expect(sent.length - fields.length - articles.length).toBe(3);
    }
  });

  test("the typed fields of a place's subjects go in one statement each, however far apart they are asked", async () => {
    const store = fixture.open();
    const relations = await store.relationsOf('corstad', {}, 50);
    expect(await withWholeRecords(store, relations)).toEqual(await fixture.memory.relationsOf('corstad', {}, 50));
    const subjects = [...new Set(relations.map((r) => r.subject))];
    const byKind = (id: string): string => (id.startsWith('c') ? 'CLAIM' : id.startsWith('q') ? 'PROPOSAL' : 'OTHER');
    const FIELDS: Record<string, readonly LinkedFilter[]> = {
      CLAIM: ['ASSERTED', 'DENIED', 'REPORTED'].map((p) => ({ predicates: [p], direction: 'IN' }) as const),
      PROPOSAL: ['PROPOSED', 'BACKS', 'REJECTED'].map((p) => ({ predicates: [p], direction: 'IN' }) as const),
    };
    const before = store.statementCount;
    const started = performance.now();
    const asked: Array<{ id: string; filter: LinkedFilter; answer: Promise<Array<{ id: string }>> }> = [];
    // As the execution budget lets fields go once it yields, and slower: a field per turn, a pause after each subject.
    for (const id of subjects) {
      for (const filter of FIELDS[byKind(id)] ?? []) {
        asked.push({ id, filter, answer: store.linked(id, filter, 10) });
        await turn();
      }
      await sleep(2);
    }
    const elapsed = performance.now() - started;
    expect(asked.length).toBe(3 * (CLAIMS + PROPOSALS));
    for (const { id, filter, answer } of asked) {
      expect([id, filter, (await answer).map((x) => x.id)]).toEqual([id, filter, (await fixture.memory.linked(id, filter, 10)).map((x) => x.id)]);
    }
    expect(elapsed).toBeGreaterThan(4 * MAX_OPEN_MS);
    // One statement per field for all the subjects of its kind (main's code: one per field and batch window).
    expect(store.statementCount - before).toBe(6);
  });
});
