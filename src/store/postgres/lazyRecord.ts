/**
 * Large records read with their heavy lists left as text until an answer reads them. A hub's record is nearly all
 * `evidence` (every quote naming it) and `articles` (every article naming it): at 100,000 generated articles the
 * largest entity record is 6.6 MB of JSON, 36,908 quotes, and a relation between two hubs 5.3 MB. Most answers
 * that name a hub read its id and name only (the ends of twenty relations, neighbours, search, paths, the
 * explorer's nodes and edges), yet parsing the record built those 36,908 quote objects (about 1.3 bytes of heap
 * per JSON character, measured) for the garbage collector to find.
 *
 * So a record whose stored form is large (`pg_column_size` from LARGE_STORED up, read from the column's header)
 * comes from the database in parts: the record without its heavy lists (the lists' keys kept in place, as `null`,
 * so that the keys keep their order), and each list's JSON text as it was stored. The record is parsed from the
 * first part; each list is a getter that parses its text on first read and keeps the result (and lets the text go).
 * Readers see an ordinary record: same keys in the same order, same values (`JSON.stringify`, spreads and jest's
 * equality read the getters).
 *
 * Rejected: leaving the lists in the database and reading them on demand (the resolvers read `evidence` and
 * `articles` synchronously, and the in-memory store hands over plain records: that is a change of the store
 * interface, see docs/design-choices.md "The PostgreSQL server's memory"); `jsonb` operators to cut the record
 * (`jsonb` reorders object keys, and the API would print `properties` in another order).
 */

/** The lists kept as text until read: the large part of a hub's record. */
export const HEAVY_FIELDS = ['evidence', 'articles'] as const;

/** Stored size (`pg_column_size`, compressed) from which a record is read in parts and may be kept by a cache. */
export const LARGE_STORED = 2_048;

/** A record as read from the database: whole when small, in parts when large. */
export type StoredRecord =
  | { readonly doc: string }
  | { readonly light: string; readonly evidence: string | null; readonly articles: string | null };

/** The row a query returns for a record column with `recordParts`. */
export interface RecordPartsRow {
  readonly doc: string | null;
  readonly light: string | null;
  readonly evidence: string | null;
  readonly articles: string | null;
}

/**
 * The select-list items (`doc`, `light`, `evidence`, `articles`) reading the `json` column `column` whole when
 * small, in parts when large (`recordFromRow` makes the record).
 */
export function recordParts(column: string): string {
  const large = `pg_column_size(${column}) >= ${LARGE_STORED}`;
  const heavy = HEAVY_FIELDS.map((f) => `'${f}'`).join(', ');
  // json_each over `json` keeps the keys' order and each value's text as stored; json_object_agg writes them back in that order.
  return [
    `CASE WHEN NOT ${large} THEN ${column}::text END AS doc`,
    `CASE WHEN ${large} THEN (SELECT json_object_agg(k, CASE WHEN k IN (${heavy}) THEN NULL ELSE v END ORDER BY n) FROM json_each(${column}) WITH ORDINALITY AS j(k, v, n))::text END AS light`,
    ...HEAVY_FIELDS.map((f) => `CASE WHEN ${large} THEN (${column}->'${f}')::text END AS ${f}`),
  ].join(', ');
}

/** The stored record of a row read with `recordParts`. */
export function storedRecordOf(row: RecordPartsRow): StoredRecord {
  if (row.doc !== null) return { doc: row.doc };
  return { light: row.light ?? '{}', evidence: row.evidence, articles: row.articles };
}

/** JSON characters of a stored record (what a cache counts). */
export function storedLength(stored: StoredRecord): number {
  if ('doc' in stored) return stored.doc.length;
  return stored.light.length + (stored.evidence?.length ?? 0) + (stored.articles?.length ?? 0);
}

/** The record: parsed whole when small; when large, its heavy lists parsed on first read. */
export function recordOf<T>(stored: StoredRecord): T {
  if ('doc' in stored) return JSON.parse(stored.doc) as T;
  const record = JSON.parse(stored.light) as Record<string, unknown>;
  for (const field of HEAVY_FIELDS) {
    let text = stored[field];
    if (text === null) continue;
    let value: unknown;
    // Redefining an existing key keeps its place in the key order.
    Object.defineProperty(record, field, {
      enumerable: true,
      configurable: true,
      get() {
        if (text !== null) {
          value = JSON.parse(text);
          text = null;
        }
        return value;
      },
    });
  }
  return record as T;
}
