/**
 * The records the explorer's view reads (exploreQuery.ts), without the quotes it never shows. A view draws up to
 * 200 entities and the relations among them, hubs first among them: at 100,000 generated articles the records of
 * its nodes and edges ran to tens of megabytes of JSON per view (a hub's record 6.6 MB, a relation between two
 * hubs 5.3 MB), nearly all evidence quotes, of which the view uses only the articles they come from.
 *
 * So a large record (from LARGE_STORED, as for the caches) is read for the explorer as: the record without its
 * heavy lists (lazyRecord.ts), an entity's `articles` (ids, parsed on first read), and a relation's `evidence`
 * cut to the distinct articles it quotes (`{ article }` only, in no particular order: the explorer orders them by
 * publication). Such a record is the explorer's alone: it is never cached nor handed to a resolver, and reading the
 * evidence of an entity from it throws rather than answer wrongly. Records already in the store's cache are
 * taken from there; small records are read whole.
 */
import type { EntityAttributes, RelationAttributes } from '../../graph/types.js';
import type { Connections } from './connections.js';
import { LARGE_STORED, recordOf, type StoredRecord } from './lazyRecord.js';

interface ExploreRow {
  readonly doc: string | null;
  readonly light: string | null;
  readonly list: string | null;
}

/**
 * `doc` whole when small; else `light` (heavy lists as null, in place) and `list`, the one list the explorer reads,
 * made by `list` from `heavy` (the text of the record's `listKey`). The record is parsed once by json_each, which
 * yields each key's text as stored (and keeps key order, as `json` does).
 */
function recordsSql(table: string, key: string, listKey: string, list: string): string {
  return `SELECT t.${key}, CASE WHEN pg_column_size(t.doc) < ${LARGE_STORED} THEN t.doc::text END AS doc, p.light, ${list} AS list
    FROM newsgraph.${table} t
    LEFT JOIN LATERAL (
      SELECT json_object_agg(k, CASE WHEN k IN ('evidence', 'articles') THEN NULL ELSE v END ORDER BY n)::text AS light,
             max(v::text) FILTER (WHERE k = '${listKey}') AS heavy
      FROM json_each(t.doc) WITH ORDINALITY AS j(k, v, n)) p ON pg_column_size(t.doc) >= ${LARGE_STORED}
    WHERE t.${key} = ANY($1)`;
}

const ENTITIES_SQL = recordsSql('entity', 'id', 'articles', 'p.heavy');
/** A relation's evidence cut to one `{ article }` per distinct article it quotes. */
const RELATIONS_SQL = recordsSql(
  'relation',
  'pos',
  'evidence',
  `(SELECT coalesce(json_agg(json_build_object('article', a)), '[]')::text FROM (SELECT DISTINCT e->>'article' AS a FROM json_array_elements(p.heavy::json) e) d)`,
);

function explorerRecord<T>(row: ExploreRow, list: 'articles' | 'evidence'): T {
  if (row.doc !== null) return JSON.parse(row.doc) as T;
  const stored: StoredRecord = { light: row.light ?? '{}', evidence: null, articles: null };
  const record = recordOf<Record<string, unknown>>({ ...stored, [list]: row.list });
  if (list === 'articles') {
    Object.defineProperty(record, 'evidence', {
      enumerable: true,
      configurable: true,
      get() {
        throw new Error(`the explorer's copy of entity "${String(record['id'])}" has no evidence: read the entity from the store`);
      },
    });
  }
  return record as T;
}

/** Entities by id for the explorer: `cached` first, then the rest in one query. */
export async function explorerEntities(db: Connections, ids: readonly string[], cached: (id: string) => EntityAttributes | undefined): Promise<Map<string, EntityAttributes>> {
  const found = new Map<string, EntityAttributes>();
  const missing: string[] = [];
  for (const id of new Set(ids)) {
    const kept = cached(id);
    if (kept === undefined) missing.push(id);
    else found.set(id, kept);
  }
  if (missing.length === 0) return found;
  for (const row of await db.read<ExploreRow & { id: string }>(ENTITIES_SQL, [missing])) found.set(row.id, explorerRecord(row, 'articles'));
  return found;
}

/** Relations by position for the explorer: `cached` first, then the rest in one query. */
export async function explorerRelations(
  db: Connections,
  positions: readonly number[],
  cached: (pos: number) => RelationAttributes | undefined,
): Promise<Map<number, RelationAttributes>> {
  const found = new Map<number, RelationAttributes>();
  const missing: number[] = [];
  for (const pos of new Set(positions)) {
    const kept = cached(pos);
    if (kept === undefined) missing.push(pos);
    else found.set(pos, kept);
  }
  if (missing.length === 0) return found;
  for (const row of await db.read<ExploreRow & { pos: number }>(RELATIONS_SQL, [missing])) found.set(row.pos, explorerRecord(row, 'evidence'));
  return found;
}
