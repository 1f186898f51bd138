/**
 * Answers of a store with every record whole, for comparing the PostgreSQL store's answers with the in-memory
 * store's: the PostgreSQL store hands out its large records slim (src/store/postgres/slimRecords.ts), without the
 * lists an answer reads only through `wholeEntity`/`wholeRelation` (and its articles without their text, read through
 * `wholeArticle`), and the explorer's articles of such a record
 * once awaited. This completes the records (through the store itself) and turns every explorer `articles` into a
 * plain object, so that `toEqual` compares what the API would answer.
 */
import type { GraphStore } from '../../src/store/index.js';
import type { CompletesRecords } from '../../src/store/partialRecords.js';
import type { ReadsArticlesWithoutText } from '../../src/store/partialArticles.js';

type MaybeCompleting = GraphStore & Partial<CompletesRecords> & Partial<ReadsArticlesWithoutText>;

function isRecordLike(value: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.every((k) => k in value);
}

/** `value` with slim records made whole and explorer articles awaited, recursively. */
export async function withWholeRecords(store: MaybeCompleting, value: unknown): Promise<unknown> {
  if (value === null || typeof value !== 'object') return value;
  // Leaves are copied as they are, without a call (and a promise) each: a hub's answer has tens of thousands of them,
  // and a promise per leaf made this helper cost as much as the store's answers it checks (postgresMemory.test.ts).
  if (Array.isArray(value)) return Promise.all(value.map((v: unknown) => (v === null || typeof v !== 'object' ? v : withWholeRecords(store, v))));
  if (value instanceof Map) return new Map(await Promise.all([...value].map(async ([k, v]) => [k, await withWholeRecords(store, v)] as const)));
  let record = value as Record<string, unknown>;
  if (typeof (record as { then?: unknown }).then === 'function') return withWholeRecords(store, await (record as unknown as PromiseLike<unknown>));
  if (isRecordLike(record, ['ids', 'firstPublished', 'lastPublished']) && Object.keys(record).length === 3) {
    return { ids: record['ids'], firstPublished: record['firstPublished'], lastPublished: record['lastPublished'] };
  }
  if (store.wholeEntity && isRecordLike(record, ['id', 'kind', 'name', 'aliases'])) record = (await store.wholeEntity(record as never)) as never;
  else if (store.wholeRelation && isRecordLike(record, ['id', 'predicate', 'subject', 'object', 'origin'])) record = (await store.wholeRelation(record as never)) as never;
  // An article handed out without its text and sentences (src/store/partialArticles.ts).
  else if (store.wholeArticle && isRecordLike(record, ['id', 'title']) && !('kind' in record)) record = (await store.wholeArticle(record as never)) as never;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(record)) out[key] = v === null || typeof v !== 'object' ? v : await withWholeRecords(store, v);
  return out;
}
