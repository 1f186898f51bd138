/**
 * Name search in PostgreSQL, ranked as `searchEntities` (src/graph/search.ts) ranks: exact name, exact alias,
 * every query word a prefix of a distinct word of the name, substring; within a tier, shorter folded form first,
 * then graph order, each entity once at its best form. The loader numbers every name by that rank key (the
 * in-memory name index's own order, `name.rank`), so each tier is read `ORDER BY rank` and stops once the answer
 * is full. Folding is `foldName` itself, applied to the query here and to the names at load time.
 *
 * One difference, on purpose: the in-memory search reads at most MAX_CANDIDATES (2,000) candidate names per tier;
 * this one reads on until the answer is full, so with a kind filter on a very common prefix it can find matches
 * the in-memory store gives up on. Where a tier has at most 2,000 candidates the answers are identical.
 */
import { foldName, foldedWords } from '../../graph/fold.js';
import { SHORT_SUBSTRING_SCAN, wordsArePrefixes } from '../../graph/search.js';
import type { EntityKind } from '../../ontology/index.js';
import type { Connections } from './connections.js';

/** Names read per round-trip of a tier. */
const CHUNK = 200;
/** Sorts after every character a word can hold: `word < prefix || MAX_CHAR` bounds a prefix range. */
const MAX_CHAR = '\u{10FFFF}';

interface NameRow {
  rank: number;
  entity_pos: number;
  folded: string;
}

/** The entity positions of the best `limit` matches, best first. */
export async function searchPositions(
  db: Connections,
  text: string,
  options: { readonly kind?: EntityKind; readonly limit: number },
  nameCount: number,
): Promise<number[]> {
  const { kind, limit } = options;
  const folded = foldName(text);
  if (folded === '' || limit <= 0) return [];
  const queryWords = foldedWords(text);
  const words = [...new Set(queryWords)];
  const found: number[] = [];
  const seen = new Set<number>();
  const take = (pos: number): void => {
    if (seen.has(pos) || found.length >= limit) return;
    seen.add(pos);
    found.push(pos);
  };
  const kindSql = `($2::text IS NULL OR e.kind = $2)`;

  // Exact name, then exact alias: within each, shorter (all equal here) then graph order, i.e. rank order.
  const exact = await db.read<NameRow & { is_alias: boolean }>(
    `SELECT n.rank, n.entity_pos, n.folded, n.is_alias FROM newsgraph.name n JOIN newsgraph.entity e ON e.pos = n.entity_pos
     WHERE n.folded = $1 AND ${kindSql} ORDER BY n.is_alias, n.rank`,
    [folded, kind ?? null],
  );
  for (const row of exact) take(row.entity_pos);
  if (found.length >= limit) return found;

  // Prefix tier: names holding, for each query word, a word that starts with it; checked in full here. The names
  // come from one word's prefix range of `name_word` (the longest word: the fewest names), and the other words are
  // tested on the name itself (a word starting with each), never by a range each: with "u s framework", one range per
  // word had the planner join 13,000 and 240,000 names for three (2.5 s).
  const [driver = '', ...others] = [...words].sort((a, b) => b.length - a.length);
  const otherConditions = others.map((_, i) => `(' ' || n.folded) LIKE $${6 + i}`);
  // name_word carries the name's entity, folded form and kind: no join. The first names in rank order among all the
  // words of the range: the distinct words found one index descent each (`words`, a loose index scan), then each
  // word's first names in rank order (the index's own order), at most a chunk per word, merged. Reading the range
  // whole and sorting it cost 90 ms for "wen" (70,000 names start so at 100,000 articles); this, under 1 ms.
  const prefixSql = `WITH RECURSIVE words AS (
       SELECT (SELECT min(w.word) FROM newsgraph.name_word w WHERE w.word >= $4 AND w.word < $5) AS word
       UNION ALL
       SELECT (SELECT min(w.word) FROM newsgraph.name_word w WHERE w.word > words.word AND w.word < $5) FROM words WHERE words.word IS NOT NULL)
     SELECT DISTINCT x.rank, x.entity_pos, x.folded FROM words CROSS JOIN LATERAL (
       SELECT n.rank, n.entity_pos, n.folded FROM newsgraph.name_word n
       WHERE n.word = words.word AND n.rank > $3 AND n.folded <> $1 AND ($2::text IS NULL OR n.kind = $2)${otherConditions.map((c) => ` AND ${c}`).join('')}
       ORDER BY n.rank LIMIT ${CHUNK}) x
     ORDER BY x.rank LIMIT ${CHUNK}`;
  const otherPatterns = others.map((w) => `% ${escapeLike(w)}%`);
  await readTier(
    db,
    prefixSql,
    (rank) => [folded, kind ?? null, rank, driver, `${driver}${MAX_CHAR}`, ...otherPatterns],
    (row) => wordsArePrefixes(queryWords, row.folded.split(' ')),
    take,
    () => found.length >= limit,
  );
  if (found.length >= limit) return found;

  // Substring tier: with pg_trgm's index for three characters or more; a shorter one only in a small graph.
  if (folded.length < 3 && nameCount > SHORT_SUBSTRING_SCAN) return found;
  const substringSql = `SELECT n.rank, n.entity_pos, n.folded FROM newsgraph.name n JOIN newsgraph.entity e ON e.pos = n.entity_pos
     WHERE n.folded <> $1 AND ${kindSql} AND n.rank > $3 AND n.folded LIKE $4 ORDER BY n.rank LIMIT ${CHUNK}`;
  const pattern = `%${escapeLike(folded)}%`;
  await readTier(db, substringSql, (rank) => [folded, kind ?? null, rank, pattern], (row) => row.folded.includes(folded), take, () => found.length >= limit);
  return found;
}

/** `text` matched literally by LIKE (its default escape character is the backslash). */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/gu, (c) => `\\${c}`);
}

/** Reads a tier in rank order, a chunk at a time, until it is exhausted or the answer is full. */
async function readTier(
  db: Connections,
  sql: string,
  values: (afterRank: number) => unknown[],
  matches: (row: NameRow) => boolean,
  take: (pos: number) => void,
  full: () => boolean,
): Promise<void> {
  let after = -1;
  for (;;) {
    const rows = await db.read<NameRow>(sql, values(after));
    for (const row of rows) {
      if (matches(row)) take(row.entity_pos);
      if (full()) return;
    }
    const last = rows[rows.length - 1];
    if (rows.length < CHUNK || last === undefined) return;
    after = last.rank;
  }
}
