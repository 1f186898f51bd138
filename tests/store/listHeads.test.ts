/**
 * The heads of a large record's lists kept in its slim copy (src/store/postgres/listHeads.ts): the first quotes in
 * the record's order, the first articles in publication order, the lists' lengths; taken out of the record as it is
 * parsed and kept beside it. The answers they give over HTTP are compared with the in-memory store's in
 * slimRecords.test.ts; these check the heads themselves.
 */
import { describe, expect, test } from '@jest/globals';
import { DEFAULT_FIRST } from '../../src/api/listSizes.js';
import type { EntityAttributes, Evidence, RelationAttributes } from '../../src/graph/types.js';
import { ARTICLE_HEAD, detachHeads, EVIDENCE_HEAD, headAnswers, HEADS_KEY, headsOf, listHeads } from '../../src/store/postgres/listHeads.js';
import { slimJson } from '../../src/store/postgres/slimRecords.js';

const quote = (article: string, start: number): Evidence => ({ article, exact: 'x', prefix: '', suffix: '', start, end: start + 1, sentence: 0 });

/** Articles a01..a30 published in reverse order of their number: a30 first. */
const publication = new Map(Array.from({ length: 30 }, (_, i) => [`a${String(i + 1).padStart(2, '0')}`, 29 - i]));

function relationOver(articles: readonly string[]): RelationAttributes {
  return {
    id: 'r',
    predicate: 'REJECTED',
    subject: 's',
    object: 'o',
    negated: false,
    origin: 'stated',
    properties: { note: 'y'.repeat(9_000) },
    evidence: articles.map((a, i) => quote(a, i)),
  } as unknown as RelationAttributes;
}

describe('list heads', () => {
  test('hold at least the API\'s default page of each list', () => {
    expect(EVIDENCE_HEAD).toBeGreaterThanOrEqual(DEFAULT_FIRST.evidence);
    expect(ARTICLE_HEAD).toBeGreaterThanOrEqual(DEFAULT_FIRST.articles);
  });

  test('the first quotes in the record\'s order, the first distinct articles in publication order, the lengths', () => {
    const articles = Array.from({ length: 25 }, (_, i) => `a${String((i % 20) + 1).padStart(2, '0')}`); // a01..a20, then a01..a05 again
    const relation = relationOver(articles);
    const heads = listHeads(relation, [...new Set(articles)], publication);
    expect(heads.evidence).toEqual(relation.evidence.slice(0, EVIDENCE_HEAD));
    expect(heads.evidenceCount).toBe(25);
    expect(heads.articleCount).toBe(20);
    // Published last-numbered first: a20, a19, ... a11.
    expect(heads.articles).toEqual(Array.from({ length: ARTICLE_HEAD }, (_, i) => `a${String(20 - i).padStart(2, '0')}`));
  });

  test('short lists are kept whole, and an article of unknown date goes last', () => {
    const relation = relationOver(['zz', 'a02', 'a01']);
    const heads = listHeads(relation, ['zz', 'a02', 'a01'], publication);
    expect(heads.articles).toEqual(['a02', 'a01', 'zz']);
    expect(heads.evidence).toHaveLength(3);
    expect(headAnswers(heads.evidence, heads.evidenceCount, 200)).toBe(true);
  });

  test('headAnswers: within the head, or the head is the whole list', () => {
    const head = [1, 2, 3];
    expect(headAnswers(head, 10, 3)).toBe(true);
    expect(headAnswers(head, 10, 4)).toBe(false);
    expect(headAnswers(head, 3, 200)).toBe(true);
    expect(headAnswers([], 0, 5)).toBe(true);
  });

  test('the slim copy keeps them last; parsing takes them out and keeps them beside the record', () => {
    const relation = relationOver(['a01', 'a02']);
    const full = JSON.stringify(relation);
    const text = slimJson(relation, full, () => listHeads(relation, ['a01', 'a02'], publication)) ?? '';
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(parsed).at(-1)).toBe(HEADS_KEY);
    const record = detachHeads(parsed);
    expect(Object.keys(record)).toEqual(Object.keys(relation).filter((k) => k !== 'evidence'));
    expect(JSON.stringify(record)).not.toContain(HEADS_KEY);
    expect(headsOf(record)?.articles).toEqual(['a02', 'a01']);
    // A record without heads (a whole one) is left as it is.
    const entity = { id: 'e', kind: 'PERSON', name: 'E', aliases: [], properties: {}, evidence: [], articles: [] } as unknown as EntityAttributes;
    expect(detachHeads(entity)).toBe(entity);
    expect(headsOf(entity)).toBeUndefined();
  });
});
