/**
 * A format written one element at a time, described once as a Layout: fixed text around sections of articles,
 * entities and relations, each element's text made by the section's `item`. Two drivers read a layout: this file's
 * walks a graph in memory, layoutStream.ts reads a database store's pages (CorpusElements). Since both hand the
 * same elements in the same order to the same functions, a whole-graph export streamed from PostgreSQL is the
 * in-memory export byte for byte by construction, not by a second writer kept in step with the first.
 *
 * The formats with a layout (LAID_OUT_FORMATS): json, graphml, cytoscape, cypher, gdelt; and, once a first pass has
 * found what they declare first, gexf (its attribute models: gexf.ts gexfLayout), dot (its stand-in ids: dot.ts
 * dotLayout) and csv's files (the array delimiter: csv.ts csvFileLayouts). RDF is not a layout (a subject's triples
 * come from several owners): from a store's pages its quads come from rdf/storeQuads.ts.
 */
import type { ArticleRecord, NewsGraph } from '../graph/types.js';
import type { ArticleHead, CorpusHead, EdgeElement, EntityHead, NodeElement } from '../store/corpusElements.js';

/** What an element's text may look up besides the element itself. */
export interface Lookups {
  /** @throws Error for an id the graph lacks (a relation's ends are always in it). */
  entity(id: string): EntityHead;
  article(id: string): ArticleHead | undefined;
}

/**
 * Characters of text per piece, about, where a writer makes pieces of its own (layoutStream.ts; an element in pieces):
 * a piece is made and written while it is young. A page of text in one string (a megabyte and more) is made in V8's
 * large-object space, in the old generation, and the server over a store collects that generation often
 * (src/cli/storeHeap.ts STORE_HEAP_GROWING_PERCENT): a quarter of an export's time went to it.
 */
export const PIECE_CHARS = 32 * 1024;

/** `parts` (an element's text in small parts) joined into pieces of about PIECE_CHARS, as they are read. */
export function* joinedPieces(parts: Iterable<string>): Generator<string> {
  let text = '';
  for (const part of parts) {
    text += part;
    if (text.length < PIECE_CHARS) continue;
    yield text;
    text = '';
  }
  if (text !== '') yield text;
}

/**
 * An element's text: one string, or its pieces in order for an element too large to be one string at once (a head
 * of state's evidence at 100,000 articles is tens of megabytes of text: every laid-out format writes a list of
 * columns.ts PIECES_FROM_ITEMS items or more an item at a time). A driver reads an element's pieces to the end before
 * it asks for the next element (gexf.ts shares one writer across the document).
 */
export type ItemText = string | Iterable<string>;

/** The text of each element of one kind, and what closes the list (given how many there were). */
export interface Section<T> {
  item(element: T, index: number, lookups: Lookups): ItemText;
  end(count: number): string;
}

/** A relations' section whose items look things up: `refers` names them, so a store can fetch them a page at a time. */
export interface EdgeSection extends Section<EdgeElement> {
  refers?(edge: EdgeElement): { readonly entities: readonly string[]; readonly articles: readonly string[] };
}

export type LayoutPart =
  | string
  | { readonly articles: Section<ArticleRecord> }
  | { readonly nodes: Section<NodeElement> }
  | { readonly edges: EdgeSection };

/** A format: its fixed text and sections, in order, for a corpus with this head. */
export type Layout = (head: CorpusHead) => Iterable<LayoutPart>;

/** A section that closes with nothing. */
export function lines<T>(item: Section<T>['item']): Section<T> {
  return { item, end: () => '' };
}

/** A graph's head, as a store gives it. */
export function graphHead(graph: NewsGraph): CorpusHead {
  return {
    entities: graph.order,
    relations: graph.size,
    articles: (graph.getAttribute('articles') ?? []).length,
    options: { type: graph.type, multi: graph.multi, allowSelfLoops: graph.allowSelfLoops },
    attributes: Object.entries(graph.getAttributes()),
  };
}

/** `layout`'s text for `graph`, a piece per element (lazy; steps.ts: an empty piece is a pause). */
export function* layoutPieces(layout: Layout, graph: NewsGraph): Generator<string> {
  const articles = graph.getAttribute('articles') ?? [];
  let byId: Map<string, ArticleRecord> | undefined;
  const lookups: Lookups = {
    entity: (id) => graph.getNodeAttributes(id),
    article: (id) => (byId ??= new Map(articles.map((a) => [a.id, a]))).get(id),
  };
  for (const part of layout(graphHead(graph))) {
    if (typeof part === 'string') yield part;
    else if ('articles' in part) yield* sectionPieces(part.articles, articles, lookups);
    else if ('nodes' in part) yield* sectionPieces(part.nodes, graph.nodeEntries(), lookups);
    else yield* sectionPieces(part.edges, graph.edgeEntries(), lookups);
  }
}

/** A section's text for `elements`, a piece per element, then its end. */
export function* sectionPieces<T>(section: Section<T>, elements: Iterable<T>, lookups: Lookups = NO_LOOKUPS): Generator<string> {
  let index = 0;
  for (const element of elements) {
    const text = section.item(element, index++, lookups);
    if (typeof text === 'string') yield text;
    else yield* text;
  }
  yield section.end(index);
}

/** For sections that look nothing up. */
export const NO_LOOKUPS: Lookups = {
  entity: (id) => {
    throw new Error(`invariant: a section looked up entity "${id}" without naming it in refers`);
  },
  article: (id) => {
    throw new Error(`invariant: a section looked up article "${id}" without naming it in refers`);
  },
};
