/**
 * The heads of a large record's long lists, kept in its slim copy (slimRecords.ts). Most answers that read a hub's
 * lists read a few items of them: `evidence` takes 5 by default, `articles` 10, and a relation's `articleCount` is one
 * number; yet each read the whole record (a relation between two hubs is 5.3 MB of JSON at 100,000 articles), and
 * the questions that list such relations (facts stated by several articles, who holds which position) parsed
 * megabytes of quotes per request, which set the server's peak memory. So the loader writes into the slim copy,
 * under HEADS_KEY (its last key), the first EVIDENCE_HEAD quotes in the record's order, the first ARTICLE_HEAD
 * articles in publication order (the order `articles` answers in), and the lists' lengths. The store takes that key
 * out of the record as it parses it (`detachHeads`: the record handed out has the keys of the in-memory one) and
 * keeps it beside the record, for as long as the record lives (a WeakMap). A longer page is sliced in SQL
 * (listSlices.ts), so node parses only what the answer returns; the whole record is read for none of these.
 */
import type { EntityAttributes, Evidence, RelationAttributes } from '../../graph/types.js';
import { detachedKey } from './detachedKeys.js';

/** Quotes kept in a slim copy: at least the API's default `first` of `evidence` (5), so that default is answered from it. */
export const EVIDENCE_HEAD = 10;
/** Articles kept in a slim copy: at least the API's default `first` of `articles` (10). */
export const ARTICLE_HEAD = 10;
/** The slim copy's key that holds its heads (no record has such a key: the graph's attribute names are words). */
export const HEADS_KEY = '@heads';

export interface ListHeads {
  /** The first EVIDENCE_HEAD quotes, in the record's order. */
  readonly evidence: readonly Evidence[];
  /** How many quotes the record has. */
  readonly evidenceCount: number;
  /** The first ARTICLE_HEAD article ids in publication order: an entity's `articles`, a relation's quoted ones. */
  readonly articles: readonly string[];
  /** How many distinct articles those are (a relation's `articleCount`). */
  readonly articleCount: number;
}

/**
 * The heads of a record's lists. `articleIds`: the entity's `articles`, or the distinct articles a relation's
 * evidence quotes; `publication`: each article's position in publication order (an id it lacks goes last).
 */
export function listHeads(record: EntityAttributes | RelationAttributes, articleIds: readonly string[], publication: ReadonlyMap<string, number>): ListHeads {
  const evidence = record.evidence ?? [];
  const distinct = [...new Set(articleIds)];
  const at = (id: string): number => publication.get(id) ?? Number.MAX_SAFE_INTEGER;
  const inOrder = distinct.map((id) => [at(id), id] as const).sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
  return {
    evidence: evidence.slice(0, EVIDENCE_HEAD),
    evidenceCount: evidence.length,
    articles: inOrder.slice(0, ARTICLE_HEAD).map(([, id]) => id),
    articleCount: distinct.length,
  };
}

const heads = detachedKey<ListHeads>(HEADS_KEY);
/** Takes the heads out of a parsed slim copy (if it has them) and keeps them beside it; returns the record. */
export const detachHeads = heads.detach;
/** The heads kept beside a record handed out slim, if it came with them. */
export const headsOf = heads.of;

/** The first `first` items of a list: itself when it is no longer. */
export function firstItems<T>(items: readonly T[], first: number): readonly T[] {
  return items.length <= first ? items : items.slice(0, first);
}

/** True when a head answers a page of `first`: it holds that many, or the whole list. */
export function headAnswers(head: readonly unknown[], total: number, first: number): boolean {
  return first <= head.length || head.length >= total;
}
