/**
 * The part of a loaded corpus an export selects (`focus` and `depth`, `predicate`, or `ids`), read out of
 * PostgreSQL into a graph of its own, so that every export format is written by the same code as the in-memory
 * server's (src/export/), byte for byte: the entities and relations in graph order (`pos`), the graph's attributes
 * in their order with the articles its relations quote (src/graph/selection.ts), as src/export/subgraph.ts selects
 * them from a graph in memory.
 *
 * The selection is held in the server's memory while its export is written, so it is bounded (SelectionLimits):
 * a selection over a limit is refused before the records that pass it are read, with what to do instead. The hops of a focus
 * are one statement each, over the adjacency table; the records are read a page of positions at a time.
 */
import { MultiDirectedGraph } from 'graphology';
import { NewsgraphError } from '../../errors.js';
import { quotedArticleIds, unknownFocus, unknownIds, type Selection } from '../../graph/selection.js';
import type { ArticleRecord, EntityAttributes, GraphAttributes, NewsGraph, RelationAttributes } from '../../graph/types.js';
import type { Connections } from './connections.js';
import type { CorpusMeta } from './corpusRows.js';

/** What one selection may hold: it is in the server's memory while its export is written. */
export interface SelectionLimits {
  readonly entities: number;
  readonly relations: number;
  /** Bytes of its records' JSON (entities, relations and the articles they quote), measured before they are read. */
  readonly bytes: number;
}

/** The default limits: measured at 100,000 articles in docs/scale-out.md ("Exports of a selection"). */
export const SELECTION_LIMITS: SelectionLimits = {
  entities: 20_000,
  relations: 50_000,
  bytes: 64 * 1024 * 1024,
};

/** Positions or ids per statement when records are read. */
const PAGE = 1_000;

/** How the store answers the ids a selection names that it does not have. */
export type SimilarIds = (id: string) => Promise<readonly string[]>;

function tooLarge(found: string, limit: string): NewsgraphError {
  return new NewsgraphError(
    'BAD_USER_INPUT',
    `This selection has ${found}, over the ${limit} an export of a selection may hold when it is read from the database (it is built in the server's memory). ` +
      'Narrow it (a smaller depth, a predicate, fewer ids), raise the limit where memory allows (`--selection-export-mb N` of `serve --store` or `export --store`), or export from the snapshot or data directory with `newsgraph export`, which has no such limit.',
  );
}

const counted = (n: number): string => n.toLocaleString('en');
const size = (bytes: number): string => (bytes < 1024 * 1024 ? `${counted(bytes)} bytes` : `${(bytes / 1024 / 1024).toFixed(1)} MiB`);

/** The bytes of the records `sql` measures for `keys` (its $1, a page of them per statement): read by the database alone. */
async function bytesOf(db: Connections, sql: string, keys: readonly (string | number)[]): Promise<number> {
  let total = 0;
  for (let i = 0; i < keys.length; i += PAGE) {
    const [row] = await db.read<{ bytes: number }>(sql, [keys.slice(i, i + PAGE)]);
    total += Number(row?.bytes ?? 0);
  }
  return total;
}

/** Which of `ids` the corpus has. */
async function existing(db: Connections, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < ids.length; i += PAGE) {
    const rows = await db.read<{ id: string }>('SELECT id FROM newsgraph.entity WHERE id = ANY($1::text[])', [ids.slice(i, i + PAGE)]);
    for (const row of rows) found.add(row.id);
  }
  return found;
}

/** The kept predicates as the statements take them: null for every predicate. */
function predicateArray(selection: Selection): string[] | null {
  return selection.kept === undefined ? null : [...selection.kept];
}

/** The entities within `depth` hops of `focus` either way along kept relations (as src/graph/neighbors.ts reaches them). */
async function around(db: Connections, focus: string, depth: number, predicates: string[] | null, limits: SelectionLimits): Promise<Set<string>> {
  const reached = new Set([focus]);
  let frontier = [focus];
  for (let hop = 1; hop <= depth && frontier.length > 0; hop++) {
    // Planned with its values: a frontier of thousands of ids is hashed, not tested element by element (connections.ts).
    const rows = await db.readPlanned<{ other: string }>(
      'SELECT DISTINCT other FROM newsgraph.adjacency WHERE entity = ANY($1::text[]) AND ($2::text[] IS NULL OR predicate = ANY($2::text[]))',
      [frontier, predicates],
    );
    frontier = [];
    for (const { other } of rows) {
      if (reached.has(other)) continue;
      reached.add(other);
      frontier.push(other);
    }
    if (reached.size > limits.entities) throw tooLarge(`more than ${counted(limits.entities)} entities`, `${counted(limits.entities)} entities`);
  }
  return reached;
}

/** The positions of the kept relations whose two ends are both in `nodes`, in graph order. */
async function relationsAmong(db: Connections, nodes: ReadonlySet<string>, predicates: string[] | null, limits: SelectionLimits): Promise<number[]> {
  const ids = [...nodes];
  const rows = await db.readPlanned<{ relation_pos: number }>(
    'SELECT DISTINCT relation_pos FROM newsgraph.adjacency WHERE entity = ANY($1::text[]) AND other = ANY($1::text[]) AND ($2::text[] IS NULL OR predicate = ANY($2::text[])) LIMIT $3',
    [ids, predicates, limits.relations + 1],
  );
  if (rows.length > limits.relations) throw tooLarge(`more than ${counted(limits.relations)} relations`, `${counted(limits.relations)} relations`);
  return rows.map((row) => row.relation_pos).sort((a, b) => a - b);
}

/** The relations of the kept predicates (no focus, no ids): their positions and the entities they touch. */
async function withPredicates(db: Connections, predicates: string[], limits: SelectionLimits): Promise<{ positions: number[]; nodes: Set<string> }> {
  // Counted first from the covering index: a common predicate is refused without reading its relations.
  const [count] = await db.read<{ n: number }>('SELECT count(*)::int AS n FROM newsgraph.relation WHERE predicate = ANY($1::text[])', [predicates]);
  const total = count?.n ?? 0;
  if (total > limits.relations) throw tooLarge(`${counted(total)} relations`, `${counted(limits.relations)} relations`);
  const rows = await db.read<{ pos: number; subject: string; object: string }>(
    'SELECT pos, subject, object FROM newsgraph.relation WHERE predicate = ANY($1::text[]) ORDER BY pos',
    [predicates],
  );
  const nodes = new Set<string>();
  for (const row of rows) nodes.add(row.subject).add(row.object);
  if (nodes.size > limits.entities) throw tooLarge(`${counted(nodes.size)} entities`, `${counted(limits.entities)} entities`);
  return { positions: rows.map((row) => row.pos), nodes };
}

/** The records `sql` reads for `keys` (its $1, a page of them per statement), in graph order (its `pos`). */
async function recordsInOrder<T>(db: Connections, sql: string, keys: readonly (string | number)[]): Promise<T[]> {
  const out: Array<{ pos: number; record: T }> = [];
  for (let i = 0; i < keys.length; i += PAGE) {
    const rows = await db.read<{ pos: number; doc: string }>(sql, [keys.slice(i, i + PAGE)]);
    for (const row of rows) out.push({ pos: row.pos, record: JSON.parse(row.doc) as T });
  }
  return out.sort((a, b) => a.pos - b.pos).map((row) => row.record);
}

/**
 * The selected part of the corpus as a graph, or `undefined` when the selection is the whole corpus (the caller
 * streams that, corpusElements.ts, or refuses it).
 * @throws NewsgraphError NOT_FOUND for a focus or ids the corpus does not have (with "did you mean", as the
 *   in-memory selection); BAD_USER_INPUT for a selection over `limits`.
 */
export async function selectionGraph(
  db: Connections,
  meta: CorpusMeta,
  selection: Selection,
  similarIds: SimilarIds,
  limits: SelectionLimits = SELECTION_LIMITS,
): Promise<NewsGraph | undefined> {
  const { focus, ids, kept } = selection;
  const predicates = predicateArray(selection);
  let nodes: Set<string>;
  let positions: number[];
  if (ids !== undefined) {
    const found = await existing(db, ids);
    const unknown = ids.filter((id) => !found.has(id));
    if (unknown.length > 0) throw unknownIds(unknown, await similarIds(unknown[0] ?? ''));
    nodes = new Set(ids);
    positions = await relationsAmong(db, nodes, predicates, limits);
  } else if (focus !== undefined) {
    if ((await existing(db, [focus])).size === 0) throw unknownFocus(focus, await similarIds(focus));
    nodes = await around(db, focus, selection.depth ?? 1, predicates, limits);
    positions = await relationsAmong(db, nodes, predicates, limits);
  } else if (kept !== undefined && predicates !== null) {
    ({ positions, nodes } = await withPredicates(db, predicates, limits));
  } else {
    return undefined;
  }

  // Measured before they are read: a head of state's record alone is 6.6 MB at 100,000 articles.
  const over = (bytes: number): NewsgraphError => tooLarge(`${size(bytes)} or more of records`, `${size(limits.bytes)} of records`);
  const entityIds = [...nodes];
  let bytes = await bytesOf(db, 'SELECT sum(octet_length(doc::text))::float8 AS bytes FROM newsgraph.entity WHERE id = ANY($1::text[])', entityIds);
  bytes += await bytesOf(db, 'SELECT sum(octet_length(doc::text))::float8 AS bytes FROM newsgraph.relation WHERE pos = ANY($1::int[])', positions);
  if (bytes > limits.bytes) throw over(bytes);
  const relations = await recordsInOrder<RelationAttributes>(db, 'SELECT pos, doc::text AS doc FROM newsgraph.relation WHERE pos = ANY($1::int[])', positions);
  const quoted = [...quotedArticleIds(relations)];
  bytes += await bytesOf(db, 'SELECT sum(octet_length(doc::text))::float8 AS bytes FROM newsgraph.article WHERE id = ANY($1::text[])', quoted);
  if (bytes > limits.bytes) throw over(bytes);
  const entities = await recordsInOrder<EntityAttributes>(db, 'SELECT pos, doc::text AS doc FROM newsgraph.entity WHERE id = ANY($1::text[])', entityIds);
  const articles = await recordsInOrder<ArticleRecord>(db, 'SELECT graph_pos AS pos, doc::text AS doc FROM newsgraph.article WHERE id = ANY($1::text[])', quoted);

  const graph: NewsGraph = new MultiDirectedGraph<EntityAttributes, RelationAttributes, GraphAttributes>({ allowSelfLoops: true });
  // The graph's attributes in their order, as the in-memory selection keeps them, the articles cut to those quoted.
  graph.replaceAttributes(Object.fromEntries(meta.graphAttributes.map(([key, value]) => [key, key === 'articles' ? articles : value])) as unknown as GraphAttributes);
  for (const entity of entities) graph.addNode(entity.id, entity);
  for (const relation of relations) graph.addEdgeWithKey(relation.id, relation.subject, relation.object, relation);
  return graph;
}
