/**
 * The explorer's view (graph/explore.ts `exploreGraph`) over PostgreSQL: the same rings (exploreRings.ts), the same
 * relations among the entities kept (nearest first, at most EDGES_PER_NODE per entity), and the layout positions
 * the loader stored (computed by `graphLayout` over the whole graph at load time, so both stores draw the same
 * picture).
 *
 * The relations among the kept entities, without reading a hub's relations whole: the in-memory loop takes, for
 * each kept entity in order, its relations in graph order whose other end is kept (or drawn elsewhere, `connectTo`),
 * up to the cap. That is the relations between two ends of the drawing, ordered by (the first kept end's place,
 * graph position), cut at the cap. Each such relation is found from either end, so: the ends with few relations
 * have theirs read whole (one index-only scan each, joined with the ends); the relations between two ends that both
 * have many are looked up pair by pair (the `adjacency_pair` index, one descent per pair). Where the line between
 * few and many falls is chosen per answer to make the two parts cheapest (`splitEnds`). Then the order and the cap
 * are applied here, to a list no longer than the relations among the ends.
 */
import {
  articlesOnFirstUse,
  articlesWhenAsked,
  COUNT_BUDGET,
  EDGES_PER_NODE,
  explorerEdge,
  type Articles,
  type ArticlesOrLater,
  type ExplorerEdge,
  type ExplorerNode,
  type ExploreQuery,
  type ExplorerView,
} from '../../graph/explore.js';
import type { EntityAttributes, RelationAttributes } from '../../graph/types.js';
import type { Connections } from './connections.js';
import { keepRings } from './exploreRings.js';
import { isSlim } from './slimRecords.js';

/** Where each article stands in publication order, and its date: the whole corpus's, kept per corpus by the store. */
export type ArticleOrder = ReadonlyMap<string, { readonly pos: number; readonly published: string | null }>;

interface NodeRow {
  id: string;
  x: number;
  y: number;
  degree: number;
}

/**
 * The relations drawn, in drawing order, at most $9: each relation between two ends ($1, with their places $2:
 * the kept entities' in drawing order, then the others') at the place of its first kept end (where the in-memory
 * loop meets it first), then in graph order; only those with a kept end ($8 kept), predicates $7 followed. Found
 * from the ends with few relations ($3), read whole (index-only) and joined with the ends; and between two ends
 * with many ($4, places $5), pair by pair (one descent of `adjacency_pair` each: the LIMIT keeps the planner from
 * turning the pairs into a hash join over the hubs' whole lists), each read from its end drawn first and at most
 * $6 per end (no place draws more than the cap). Only the places from $10 to $8 (placeWindows).
 */
const EDGES_SQL = `WITH ends AS MATERIALIZED (SELECT * FROM unnest($1::text[], $2::int[]) AS e(id, place)),
  found AS (
    SELECT a.relation_pos, a.entity, a.other FROM unnest($3::text[]) AS s(id)
    CROSS JOIN LATERAL (SELECT entity, relation_pos, other, predicate FROM newsgraph.adjacency a WHERE a.entity = s.id) a
    WHERE ($7::text[] IS NULL OR a.predicate = ANY($7)) AND a.other IN (SELECT id FROM ends)
    UNION ALL
    SELECT a.relation_pos, m.id, a.other FROM unnest($4::text[], $5::int[]) AS m(id, place)
    CROSS JOIN LATERAL (
      SELECT p.relation_pos, p.other FROM unnest($4::text[], $5::int[]) AS o(id, place)
      CROSS JOIN LATERAL (
        SELECT relation_pos, other FROM newsgraph.adjacency a
        WHERE a.entity = m.id AND a.other = o.id AND ($7::text[] IS NULL OR a.predicate = ANY($7))
        ORDER BY a.relation_pos LIMIT $6) p
      WHERE o.place >= m.place
      ORDER BY p.relation_pos LIMIT $6) a
    WHERE m.place >= $10 AND m.place < $8)
  SELECT DISTINCT least(x.place, y.place) AS place, f.relation_pos FROM found f JOIN ends x ON x.id = f.entity JOIN ends y ON y.id = f.other
  WHERE least(x.place, y.place) >= $10 AND least(x.place, y.place) < $8 ORDER BY 1, 2 LIMIT $9`;

/**
 * The places read per statement, in turn, until the cap is reached: the relations drawn are those of the nearest
 * entities first, and around a hub the centre's own fill the cap, so the pairs among the other hubs (thousands of
 * shared relations each) need not be looked up at all. At most five statements.
 */
export function placeWindows(kept: number): Array<readonly [number, number]> {
  const windows: Array<readonly [number, number]> = [];
  let start = 0;
  for (let size = 1; start < kept && windows.length < 4; size *= 4) {
    const end = Math.min(kept, start + size);
    windows.push([start, end]);
    start = end;
  }
  if (start < kept) windows.push([start, kept]);
  return windows;
}

/** One index descent costs about as much as reading this many index entries in order. */
const DESCENT_COST = 8;

/**
 * Splits the ends into those whose relations are read whole and those looked up in pairs, at the degree that
 * makes (relations read) + DESCENT_COST × (pairs looked up) least.
 */
export function splitEnds(degrees: ReadonlyArray<readonly [string, number]>): { few: string[]; many: string[] } {
  const sorted = [...degrees].sort((a, b) => a[1] - b[1]);
  let best = { cost: Number.POSITIVE_INFINITY, at: 0 };
  let read = 0;
  for (let i = 0; i <= sorted.length; i++) {
    const many = sorted.length - i;
    const cost = read + DESCENT_COST * many * many;
    if (cost < best.cost) best = { cost, at: i };
    read += sorted[i]?.[1] ?? 0;
  }
  return { few: sorted.slice(0, best.at).map(([id]) => id), many: sorted.slice(best.at).map(([id]) => id) };
}

/** Articles in publication order with their first and last dates (explore.ts `articlesOf`). */
function articlesIn(ids: readonly string[], known: ArticleOrder): Articles {
  const ordered = [...new Set(ids)].sort((a, b) => (known.get(a)?.pos ?? 0) - (known.get(b)?.pos ?? 0));
  const dates = ordered.flatMap((id) => known.get(id)?.published ?? []);
  return { ids: ordered, firstPublished: dates[0] ?? null, lastPublished: dates[dates.length - 1] ?? null };
}

/**
 * A record's articles, worked out on first use: from the record at hand, or, for a record handed out slim (a hub's,
 * without its lists: slimRecords.ts), from its whole record, read only when an answer asks for them.
 */
function lazyArticles<T extends EntityAttributes | RelationAttributes>(record: T, whole: (record: T) => T | Promise<T>, ids: (record: T) => readonly string[], known: ArticleOrder): ArticlesOrLater {
  if (!isSlim(record)) return articlesOnFirstUse(() => articlesIn(ids(record), known));
  return articlesWhenAsked(async () => articlesIn(ids(await whole(record)), known));
}

/** The relations drawn: positions in drawing order, and whether the cap left some out. */
async function edgesAmong(
  db: Connections,
  kept: readonly string[],
  connectTo: readonly string[],
  degrees: ReadonlyMap<string, number>,
  followed: ReadonlySet<string> | null,
  maxEdges: number,
): Promise<{ positions: number[]; truncated: boolean }> {
  const ends = [...new Set([...kept, ...connectTo])];
  // Places: the kept entities' in drawing order, then the other ends' (whose relations are drawn from a kept end).
  const place = new Map(ends.map((id, i) => [id, i]));
  const { few, many } = splitEnds(ends.map((id) => [id, degrees.get(id) ?? 0] as const));
  const places = ends.map((_, i) => i);
  const predicates = followed === null ? null : [...followed];
  type Row = { place: number; relation_pos: number };
  // The ends with few relations: read whole once, for every place (the first maxEdges + 1 in drawing order are all
  // the answer can hold). Between ends with many: a window of places at a time, until the cap is reached.
  const fromFew = few.length === 0 ? [] : await db.read<Row>(EDGES_SQL, [ends, places, few, [], [], maxEdges + 1, predicates, kept.length, maxEdges + 1, 0]);
  const positions: number[] = [];
  for (const [from, to] of placeWindows(kept.length)) {
    if (positions.length > maxEdges) break;
    const wanted = maxEdges + 1 - positions.length;
    const fromMany =
      many.length === 0
        ? []
        : await db.read<Row>(EDGES_SQL, [ends, places, [], many, many.map((id) => place.get(id) ?? 0), wanted, predicates, to, wanted, from]);
    // The two parts never find the same relation (one has an end with few relations, the other none).
    const rows = [...fromFew.filter((r) => r.place >= from && r.place < to), ...fromMany].sort((a, b) => a.place - b.place || a.relation_pos - b.relation_pos);
    for (const r of rows.slice(0, wanted)) positions.push(r.relation_pos);
  }
  return { positions: positions.slice(0, maxEdges), truncated: positions.length > maxEdges };
}

/** What the store keeps between requests: the articles' order, and entity records (large ones cached). */
export interface ExploreReads {
  readonly articleOrder: () => Promise<ArticleOrder>;
  readonly entities: (ids: readonly string[]) => Promise<ReadonlyMap<string, EntityAttributes>>;
  readonly relations: (positions: readonly number[]) => Promise<ReadonlyMap<number, RelationAttributes>>;
  /** The whole record of one handed out slim (slimRecords.ts), itself otherwise. */
  readonly wholeEntity: (entity: EntityAttributes) => EntityAttributes | Promise<EntityAttributes>;
  readonly wholeRelation: (relation: RelationAttributes) => RelationAttributes | Promise<RelationAttributes>;
}

export async function exploreFromPostgres(db: Connections, args: ExploreQuery, reads: ExploreReads): Promise<ExplorerView> {
  const { depth, limit, predicates } = args;
  // The count goes on while the nodes and relations are read (nothing drawn depends on it).
  const { kept, counted } = await keepRings(db, args.center, { depth, predicates, limit, countBudget: COUNT_BUDGET });
  counted.catch(() => undefined); // awaited below; until then a failure must not count as unhandled
  const keptIds = kept.map((n) => n.id);
  const followed = predicates === undefined ? null : new Set(predicates);
  const connectTo = args.connectTo ?? [];
  const nodeRows = await db.read<NodeRow>('SELECT id, x, y, degree FROM newsgraph.entity WHERE id = ANY($1::text[])', [[...new Set([...keptIds, ...connectTo])]]);
  const degrees = new Map(nodeRows.map((r) => [r.id, r.degree]));
  const [edges, entities, known, { reachable, exact }] = await Promise.all([
    edgesAmong(db, keptIds, connectTo, degrees, followed, kept.length * EDGES_PER_NODE),
    reads.entities(keptIds),
    reads.articleOrder(),
    counted,
  ]);
  const relations = await reads.relations(edges.positions);
  const nodes = new Map(nodeRows.map((r) => [r.id, r]));
  const explorerNodes: ExplorerNode[] = kept.flatMap(({ id, distance }) => {
    const row = nodes.get(id);
    const entity = entities.get(id);
    if (row === undefined || entity === undefined) return [];
    return [
      {
        id,
        name: entity.name,
        kind: entity.kind,
        x: row.x,
        y: row.y,
        distance,
        degree: row.degree,
        time: entity.kind === 'EVENT' ? (entity.properties.time ?? null) : null,
        articles: lazyArticles(entity, reads.wholeEntity, (e) => e.articles, known),
      },
    ];
  });
  const explorerEdges: ExplorerEdge[] = edges.positions.flatMap((pos) => {
    const relation = relations.get(pos);
    if (relation === undefined) return [];
    return [explorerEdge(relation, lazyArticles(relation, reads.wholeRelation, (r) => r.evidence.map((e) => e.article), known))];
  });
  return {
    center: args.center,
    truncated: reachable > kept.length,
    reachable,
    reachableIsExact: exact,
    edgesTruncated: edges.truncated,
    nodes: explorerNodes,
    edges: explorerEdges,
  };
}
