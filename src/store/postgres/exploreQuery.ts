/**
 * The explorer's view (graph/explore.ts `exploreGraph`) over PostgreSQL: the same rings, the same relations among
 * the entities kept (nearest first, at most EDGES_PER_NODE per entity), and the layout positions the loader stored
 * (computed by `graphLayout` over the whole graph at load time, so both stores draw the same picture).
 */
import { COUNT_BUDGET, EDGES_PER_NODE, explorerEdge, type Articles, type ExplorerEdge, type ExplorerNode, type ExploreQuery, type ExplorerView } from '../../graph/explore.js';
import type { EntityAttributes, RelationAttributes } from '../../graph/types.js';
import { scanAdjacency } from './adjacencyScan.js';
import type { Connections } from './connections.js';
import { ringsOf } from './traversals.js';

interface NodeRow {
  id: string;
  x: number;
  y: number;
  degree: number;
  doc: EntityAttributes;
}

/** Articles in publication order with their first and last dates (explore.ts `articlesOf`). */
function articlesOf(ids: readonly string[], known: ReadonlyMap<string, { pos: number; published: string | null }>): Articles {
  const ordered = [...new Set(ids)].sort((a, b) => (known.get(a)?.pos ?? 0) - (known.get(b)?.pos ?? 0));
  const dates = ordered.flatMap((id) => known.get(id)?.published ?? []);
  return { ids: ordered, firstPublished: dates[0] ?? null, lastPublished: dates[dates.length - 1] ?? null };
}

export async function exploreFromPostgres(db: Connections, args: ExploreQuery): Promise<ExplorerView> {
  const { depth, limit, predicates } = args;
  const { kept, reachable, exact } = await ringsOf(db, args.center, { depth, predicates, limit, countBudget: COUNT_BUDGET });
  const keptIds = kept.map((n) => n.id);
  const ends = [...new Set([...keptIds, ...(args.connectTo ?? [])])];
  const maxEdges = kept.length * EDGES_PER_NODE;
  const followed = predicates === undefined ? null : new Set(predicates);
  const edgePositions: number[] = [];
  const taken = new Set<number>();
  let edgesTruncated = false;
  // Relations whose far end is kept or already drawn, the nearest entities' first, read until the cap.
  for await (const row of scanAdjacency(db, keptIds, { sql: 'a.other = ANY($4::text[])', values: [ends] })) {
    if (followed !== null && !followed.has(row.predicate)) continue;
    if (taken.has(row.relationPos)) continue;
    if (taken.size >= maxEdges) {
      edgesTruncated = true;
      break;
    }
    taken.add(row.relationPos);
    edgePositions.push(row.relationPos);
  }
  const [nodeRows, relationRows] = await Promise.all([
    db.read<NodeRow>('SELECT id, x, y, degree, doc FROM newsgraph.entity WHERE id = ANY($1::text[])', [keptIds]),
    db.read<{ pos: number; doc: RelationAttributes }>('SELECT pos, doc FROM newsgraph.relation WHERE pos = ANY($1::int[])', [edgePositions]),
  ]);
  const nodes = new Map(nodeRows.map((r) => [r.id, r]));
  const relations = new Map(relationRows.map((r) => [r.pos, r.doc]));
  const articleIds = new Set<string>();
  for (const r of nodeRows) for (const a of r.doc.articles) articleIds.add(a);
  for (const r of relationRows) for (const e of r.doc.evidence) articleIds.add(e.article);
  const articleRows = await db.read<{ id: string; pos: number; published: string | null }>('SELECT id, pos, published FROM newsgraph.article WHERE id = ANY($1::text[])', [[...articleIds]]);
  const known = new Map(articleRows.map((r) => [r.id, { pos: r.pos, published: r.published }]));

  const explorerNodes: ExplorerNode[] = kept.flatMap(({ id, distance }) => {
    const row = nodes.get(id);
    if (row === undefined) return [];
    const entity = row.doc;
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
        articles: articlesOf(entity.articles, known),
      },
    ];
  });
  const explorerEdges: ExplorerEdge[] = edgePositions.flatMap((pos) => {
    const relation = relations.get(pos);
    if (relation === undefined) return [];
    return [explorerEdge(relation, articlesOf(relation.evidence.map((e) => e.article), known))];
  });
  return { center: args.center, truncated: reachable > kept.length, reachable, reachableIsExact: exact, edgesTruncated, nodes: explorerNodes, edges: explorerEdges };
}
