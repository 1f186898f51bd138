/**
 * What the loader reads: a corpus's records in graph order, each list readable more than once (one pass plans
 * the load, the next writes the rows), from wherever they are. A built graph in memory is one source
 * (`graphRecords`); a snapshot file read record by record, never decoded into a graph, is the other
 * (snapshotRecords.ts). The loader holds only what the rows need besides the records themselves
 * (corpusPlan.ts), so a corpus of 100,000 articles loads without its graph being held whole.
 */
import { graphIdentity, type GraphIdentity } from '../../build/graphIdentity.js';
import { graphLayout, type Position } from '../../graph/layout.js';
import type { ArticleRecord, EntityAttributes, NewsGraph, RelationAttributes } from '../../graph/types.js';

export interface CorpusRecords {
  readonly identity: GraphIdentity;
  /** The graph's attributes in their order (`articles` among them), as the graph holds them. */
  readonly graphAttributes: ReadonlyArray<readonly [string, unknown]>;
  /** The article records in the graph's order. */
  readonly articles: readonly ArticleRecord[];
  readonly entityCount: number;
  readonly relationCount: number;
  /** Every entity in graph order; each call reads them again. */
  entities(): Iterable<EntityAttributes>;
  /** Every relation in graph order; each call reads them again. */
  relations(): Iterable<RelationAttributes>;
  /**
   * The explorer's positions (graph/layout.ts), given the topology gathered in the planning pass: a source that
   * holds the graph lays that out instead (the same positions, since the layout reads only the topology).
   */
  readonly layout?: () => ReadonlyMap<string, Position>;
}

/** The records of a graph held in memory: read in place, nothing copied. */
export function graphRecords(graph: NewsGraph): CorpusRecords {
  return {
    identity: graphIdentity(graph),
    graphAttributes: Object.entries(graph.getAttributes()),
    articles: graph.getAttribute('articles'),
    entityCount: graph.order,
    relationCount: graph.size,
    *entities() {
      for (const { attributes } of graph.nodeEntries()) yield attributes;
    },
    *relations() {
      for (const { attributes } of graph.edgeEntries()) yield attributes;
    },
    layout: () => graphLayout(graph),
  };
}
