/**
 * Slim records: a large entity or relation record as most answers read it, without its long lists.
 *
 * A hub's record carries every evidence quote and every article that names it: at 100,000 generated articles an
 * entity record reaches 6.6 MB of JSON and a relation 5.3 MB (313 entities and 124 relations over 100 KB). Most
 * answers only read a record's name, kind and properties (a relation's `subject { name }`, a neighbour, a node
 * of the explorer), yet reading the record read and parsed all of it: 1.7 s for one batch of entity look-ups
 * around hubs. So the loader stores, beside each record of SLIM_FROM characters or more, the same record without
 * its lists (`slim`, its other keys in their order), and the store hands that out. The lists are read when an
 * answer asks for them (`evidence`, `articles`, `history`, `articleCount`): the resolvers ask the store to complete
 * the record (src/store/partialRecords.ts), which reads the whole one, batched per request. The slim copy also
 * keeps the heads of those lists (listHeads.ts, its last key): the answers that read a few quotes, the first
 * articles or a relation's article count need no whole record.
 */
import type { EntityAttributes, RelationAttributes } from '../../graph/types.js';
import type { StoredEntity, StoredRelation } from '../types.js';
import { HEADS_KEY, type ListHeads } from './listHeads.js';

/** Records of at least this many characters of JSON are also stored slim. */
export const SLIM_FROM = 8_192;

/** The keys a slim record leaves out: the lists that grow with the articles that name it. */
export const LONG_LISTS = ['evidence', 'articles', 'history'] as const;

/**
 * The slim JSON of a record whose full JSON is `full`, or undefined (stored NULL) when the record is small; `heads`
 * (of its lists, listHeads.ts) go last, under HEADS_KEY, computed only for a record stored slim.
 */
export function slimJson(record: EntityAttributes | RelationAttributes, full: string, heads?: () => ListHeads): string | undefined {
  if (full.length < SLIM_FROM) {
    // A small record whose text the projection's cut (projectedRecords.ts) would not turn into the record without
    // its lists (keys between or after them, in a graph not made by the builder): its copy here is its whole text, so
    // that the projection reads it whole (it takes a slim copy as it is, but for its heads); every other read sees
    // the same record either way.
    return cutKeepsEveryKey(record, full) ? undefined : full;
  }
  if (heads !== undefined) return JSON.stringify({ ...withoutLists(record), [HEADS_KEY]: heads() });
  return JSON.stringify(withoutLists(record));
}

/** The record's keys but its long lists, in their order. */
function withoutLists(record: EntityAttributes | RelationAttributes): Record<string, unknown> {
  const slim: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (!(LONG_LISTS as readonly string[]).includes(key)) slim[key] = value;
  return slim;
}

/**
 * Whether the projection's cut of this record's JSON text `full` (projectedRecords.ts: the text before the first
 * `,"evidence":[` and the text after the last `]`, as `strpos`, `left` and `split_part` take them) is exactly the
 * record without its long lists, `JSON.stringify` of it. True for every record the builder writes. Checked on the
 * keys, without writing that text (which cost as much as writing the record at load): `evidence` comes after another
 * key, only lists follow it up to the last one, and after that only scalars whose text holds no `]`; and the text
 * has one `,"evidence":[` (none in the properties before it; the lists and the scalars after it cannot hold one, their
 * quotes being escaped or their keys fixed), so that the first found is the record's own.
 */
export function cutKeepsEveryKey(record: EntityAttributes | RelationAttributes, full: string): boolean {
  const keys = Object.keys(record);
  const at = keys.indexOf('evidence');
  if (at < 1) return false;
  let last = at;
  for (let i = at + 1; i < keys.length; i++) if ((LONG_LISTS as readonly string[]).includes(keys[i] ?? '')) last = i;
  for (let i = at + 1; i < keys.length; i++) {
    const value = (record as unknown as Record<string, unknown>)[keys[i] ?? ''];
    if (i <= last ? !(LONG_LISTS as readonly string[]).includes(keys[i] ?? '') : typeof value === 'object' ? value !== null : typeof value === 'string' && value.includes(']')) return false;
  }
  const key = ',"evidence":[';
  const first = full.indexOf(key);
  return first >= 0 && first === full.lastIndexOf(key);
}

/** The record a query reads over table alias `t` (e.g. 'e.' or ''): the slim one where there is one. */
export function servedDoc(alias = ''): string {
  return `coalesce(${alias}slim, ${alias}doc)`;
}

/** True for a record read slim: every whole entity and relation record has its evidence list. */
export function isSlim(record: StoredEntity | StoredRelation): boolean {
  return !('evidence' in record);
}
