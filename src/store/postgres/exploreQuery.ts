/**
 * The explorer's view (graph/explore.ts `exploreGraph`) over PostgreSQL: the same rings (exploreRings.ts), the same
 * relations among the entities kept (nearest first, at most EDGES_PER_NODE per entity), and the layout positions
 * the loader stored (computed by `graphLayout` over the whole graph at load time, so both stores draw the same
 * picture).
 *
 * The relations among the kept entities: exploreEdges.ts; the fields drawn, picked out of the records in SQL:
 * exploreRecords.ts. A view's statements, in order: the rings kept (exploreRings.ts: a statement per ring, a few
 * rows), then at once the count (`reachable`, up to COUNT_BUDGET rows counted in SQL) and the nodes' places,
 * degrees and fields (which also tell an unknown centre: no look-up of its own), then the relations drawn with their
 * fields (usually one statement). The records (for the nodes' and edges' articles) are read beside, unless the
 * answer asks for no article field (`articles: false`, which the API passes for such a selection). The fields only
 * the records hold (a node's name and time; an edge's modality, origin, attributedTo and time) are picked out of
 * them in SQL, unless the answer asks none of them (`fields`, which the API passes too): then no record is read at
 * all, the tables' columns answer (the bench's `nodes { id x y } edges { id }`).
 */
import { NewsgraphError } from '../../errors.js';
import {
  articlesOnFirstUse,
  articlesWhenAsked,
  COUNT_BUDGET,
  EDGES_PER_NODE,
  type Articles,
  type ArticlesOrLater,
  type SelectedExplorerEdge,
  type SelectedExplorerNode,
  type SelectedExplorerView,
  type ExploreQuery,
} from '../../graph/explore.js';
import type { EntityAttributes, RelationAttributes } from '../../graph/types.js';
import type { Connections } from './connections.js';
import { edgesAmong } from './exploreEdges.js';
import { edgeFields, needsRecords, nodeFields, RECORD_EDGE_FIELDS, RECORD_NODE_FIELDS } from './exploreRecords.js';
import { keepRings } from './exploreRings.js';
import type { HubPrefixes } from './hubPrefixes.js';
import { isSlim } from './slimRecords.js';

/** Where each article stands in publication order, and its date: the whole corpus's, kept per corpus by the store. */
export type ArticleOrder = ReadonlyMap<string, { readonly pos: number; readonly published: string | null }>;


/** Articles in publication order with their first and last dates (explore.ts `articlesOf`). */
function articlesIn(ids: readonly string[], known: ArticleOrder): Articles {
  const ordered = [...new Set(ids)].sort((a, b) => (known.get(a)?.pos ?? 0) - (known.get(b)?.pos ?? 0));
  const dates = ordered.flatMap((id) => known.get(id)?.published ?? []);
  return { ids: ordered, firstPublished: dates[0] ?? null, lastPublished: dates[dates.length - 1] ?? null };
}

/**
 * A record's articles: worked out on first use from the record at hand, or, for a record handed out slim (a hub's,
 * without its lists: slimRecords.ts), from its whole record, read only when an answer asks for them.
 */
function articlesOf<T extends EntityAttributes | RelationAttributes>(record: T, whole: (record: T) => T | Promise<T>, ids: (record: T) => readonly string[], known: ArticleOrder): ArticlesOrLater {
  if (!isSlim(record)) return articlesOnFirstUse(() => articlesIn(ids(record), known));
  return articlesWhenAsked(async () => articlesIn(ids(await whole(record)), known));
}

/** `read()` once, when first asked. */
function once<T>(read: () => Promise<T>): () => Promise<T> {
  let started: Promise<T> | undefined;
  return () => (started ??= read());
}

/** What the store keeps between requests: the articles' order, and entity records (large ones cached). */
export interface ExploreReads {
  readonly articleOrder: () => Promise<ArticleOrder>;
  readonly entities: (ids: readonly string[]) => Promise<ReadonlyMap<string, EntityAttributes>>;
  readonly relations: (positions: readonly number[]) => Promise<ReadonlyMap<number, RelationAttributes>>;
  /** The whole record of one handed out slim (slimRecords.ts), itself otherwise. */
  readonly wholeEntity: (entity: EntityAttributes) => EntityAttributes | Promise<EntityAttributes>;
  readonly wholeRelation: (relation: RelationAttributes) => RelationAttributes | Promise<RelationAttributes>;
  /** The hubs' lists kept for the count (hubPrefixes.ts), and the identity of the corpus served they belong to. */
  readonly hubs?: { readonly prefixes: HubPrefixes; readonly corpus: () => Promise<string> };
}

export async function exploreFromPostgres(db: Connections, args: ExploreQuery, reads: ExploreReads): Promise<SelectedExplorerView> {
  const { depth, limit, predicates } = args;
  const connectTo = args.connectTo ?? [];
  // The count goes on while the nodes and relations are read (nothing drawn depends on it). When the budget runs out
  // inside a hub, it is answered from the hub's list (hubPrefixes.ts), which needs the degrees of the entities after
  // the first: the nodes'.
  let degreesRead: (degrees: ReadonlyMap<string, number>) => void = () => undefined;
  const degreesOfNodes = new Promise<ReadonlyMap<string, number>>((resolve) => (degreesRead = resolve));
  const hubs = reads.hubs === undefined ? undefined : { ...reads.hubs, degreeOf: async (id: string) => (await degreesOfNodes).get(id) };
  const { kept, counted } = await keepRings(db, args.center, { depth, predicates, limit, countBudget: COUNT_BUDGET, ...(hubs ? { hubs } : {}) });
  counted.catch(() => undefined); // awaited below; until then a failure must not count as unhandled
  const keptIds = kept.map((n) => n.id);
  const followed = predicates === undefined ? null : new Set(predicates);
  // The nodes' places, degrees and fields (the degrees tell how to read the relations drawn).
  // The records' fields (a node's name and time; an edge's modality, origin, attributedTo and time) only when the
  // answer may ask one of them (ExploreQuery.fields): the bench's `nodes { id x y } edges { id }` asks none.
  const nodeRecords = needsRecords(args.fields?.nodes, RECORD_NODE_FIELDS);
  const edgeRecords = needsRecords(args.fields?.edges, RECORD_EDGE_FIELDS);
  const nodeRows = await nodeFields(db, [...new Set([...keptIds, ...connectTo])], nodeRecords).catch((error: unknown) => {
    degreesRead(new Map()); // the count then counts in SQL (and the view fails anyway)
    throw error;
  });
  degreesRead(new Map(nodeRows.map((r) => [r.id, r.degree])));
  // The centre's row is read with the others: an unknown centre is known here, without a look-up of its own.
  if (!nodeRows.some((r) => r.id === args.center)) throw new NewsgraphError('NOT_FOUND', `explore: no entity with id "${args.center}".`);
  const degrees = new Map(nodeRows.map((r) => [r.id, r.degree]));
  // The relations' fields are read as soon as their positions are known, while the count may still go on. The
  // records, for the articles: with the fields when the answer may ask for articles (the explorer's own view), so
  // that most items' articles are at hand (a promise per field of 1,000 items was slower and refused once under
  // load); left unread when it asks for none (`articles: false`).
  const eager = args.articles !== false;
  const entityRecords = once(() => reads.entities(keptIds));
  const drawn = edgesAmong(db, { kept: keptIds, connectTo, degrees, followed, maxEdges: kept.length * EDGES_PER_NODE, record: edgeRecords }).then(async (edges) => {
    const missing = edges.positions.filter((pos) => !edges.fields.has(pos));
    const [more, records] = await Promise.all([edgeFields(db, missing, edgeRecords), eager ? reads.relations(edges.positions) : undefined]);
    return { edges, fields: new Map([...edges.fields, ...more]), records };
  });
  const [{ edges, fields, records }, entities, known, { reachable, exact }] = await Promise.all([
    drawn,
    eager ? entityRecords() : undefined,
    eager ? reads.articleOrder() : undefined,
    counted,
  ]);
  const relationRecords = once(async () => records ?? reads.relations(edges.positions));
  const nodes = new Map(nodeRows.map((r) => [r.id, r]));
  const explorerNodes: SelectedExplorerNode[] = kept.flatMap(({ id, distance }) => {
    const row = nodes.get(id);
    if (row === undefined) return [];
    const entity = entities?.get(id);
    const articles =
      entity !== undefined && known !== undefined
        ? articlesOf(entity, reads.wholeEntity, (e) => e.articles, known)
        : articlesWhenAsked(async () => {
            const record = (await entityRecords()).get(id);
            const whole = record === undefined ? undefined : await reads.wholeEntity(record);
            return articlesIn(whole?.articles ?? [], await reads.articleOrder());
          });
    const fromRecord = row.name === undefined ? {} : { name: row.name, time: row.time ?? null };
    return [{ id, ...fromRecord, kind: row.kind, x: row.x, y: row.y, distance, degree: row.degree, articles }];
  });
  const explorerEdges: SelectedExplorerEdge[] = edges.positions.flatMap((pos) => {
    const edge = fields.get(pos);
    if (edge === undefined) return [];
    const relation = records?.get(pos);
    const evidenceArticles = (r: RelationAttributes): readonly string[] => r.evidence.map((e) => e.article);
    const articles =
      relation !== undefined && known !== undefined
        ? articlesOf(relation, reads.wholeRelation, evidenceArticles, known)
        : articlesWhenAsked(async () => {
            const record = (await relationRecords()).get(pos);
            const whole = record === undefined ? undefined : await reads.wholeRelation(record);
            return articlesIn(whole === undefined ? [] : evidenceArticles(whole), await reads.articleOrder());
          });
    const { id, predicate, subject, object, negated, event } = edge;
    const fromRecord = edge.origin === undefined ? {} : { modality: edge.modality, origin: edge.origin, attributedTo: edge.attributedTo ?? null, time: edge.time ?? null };
    return [{ id, predicate, source: subject, target: object, negated, ...fromRecord, event, articles }];
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
