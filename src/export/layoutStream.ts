/**
 * A layout (layout.ts) written from a store's pages (CorpusElements) instead of a graph in memory: the whole graph
 * of a server over PostgreSQL in every format (gexf, dot, csv and RDF after a first pass over the corpus for what
 * they declare first), in memory that does not grow with the corpus. The text comes in pieces of about PIECE_CHARS,
 * made as the consumer asks for them. RDF is not a layout (triples grouped by subject, several owners to a
 * subject): its quads come from rdf/storeQuads.ts, and this cuts its text into pieces.
 */
import type { ArticleHead, CorpusElements, EdgeElement, EntityHead } from '../store/corpusElements.js';
import type { ExportFormat } from './index.js';
import { ArrayDelimiterFinder, csvFileLayouts } from './csv.js';
import { GexfModels, gexfLayout, gexfLaysOut } from './gexf.js';
import { DotStandIns, dotLayout } from './dot.js';
import { NewsgraphError } from '../errors.js';
import { storeRdfText, type RdfExportOptions, type RdfFormat } from './rdf/index.js';
import { GRAPHOLOGY_JSON_LAYOUT } from './json.js';
import { GRAPHML_LAYOUT } from './graphml.js';
import { CYTOSCAPE_LAYOUT } from './cytoscape.js';
import { CYPHER_LAYOUT } from './cypher.js';
import { GDELT_LAYOUT } from './gdelt.js';
import { NO_LOOKUPS, PIECE_CHARS, type EdgeSection, type Layout, type Lookups, type Section } from './layout.js';

/** The one-text formats a store writes whole, an element at a time, with their content type and file extension. */
export const LAID_OUT_FORMATS = {
  json: { layout: GRAPHOLOGY_JSON_LAYOUT, type: 'application/json', extension: 'json' },
  graphml: { layout: GRAPHML_LAYOUT, type: 'application/graphml+xml', extension: 'graphml' },
  cytoscape: { layout: CYTOSCAPE_LAYOUT, type: 'application/json', extension: 'cyjs' },
  cypher: { layout: CYPHER_LAYOUT, type: 'application/x-cypher-query', extension: 'cypher' },
  gdelt: { layout: GDELT_LAYOUT, type: 'text/tab-separated-values', extension: 'tsv' },
} as const satisfies Partial<Record<ExportFormat, { layout: Layout; type: string; extension: string }>>;

export type LaidOutFormat = keyof typeof LAID_OUT_FORMATS;

export function isLaidOutFormat(format: string): format is LaidOutFormat {
  return Object.hasOwn(LAID_OUT_FORMATS, format);
}

/**
 * Every format but csv (several files), with its content type and file extension: a store writes each of them
 * whole. The laid-out ones as they are; gexf, dot and csv laid out after a first pass that finds what they declare
 * before their first element or need for the elements (GEXF's attribute models, dot's stand-in ids, csv's array
 * delimiter); RDF after a first pass for its vocabulary (rdf/storeQuads.ts).
 */
export const STORE_TEXT_FORMATS = {
  ...LAID_OUT_FORMATS,
  gexf: { type: 'application/gexf+xml', extension: 'gexf' },
  dot: { type: 'text/vnd.graphviz', extension: 'dot' },
  turtle: { type: 'text/turtle', extension: 'ttl' },
  ntriples: { type: 'application/n-triples', extension: 'nt' },
  jsonld: { type: 'application/ld+json', extension: 'jsonld' },
} as const satisfies Record<Exclude<ExportFormat, 'csv'>, { type: string; extension: string }>;

/** One file of a several-file export, its text read from the store as it is asked for. */
export interface StreamedFile {
  readonly name: string;
  readonly chunks: AsyncIterable<string>;
}

/** A whole-graph export from a store: one text, or several files (csv), each made as it is read. */
export type StoreWholeExport =
  | { readonly kind: 'text'; readonly type: string; readonly extension: string; readonly chunks: AsyncIterable<string> }
  | { readonly kind: 'files'; readonly files: readonly StreamedFile[] };

/**
 * `format`'s export of the whole corpus. gexf first reads every entity and relation once, dot and csv every entity,
 * RDF the whole corpus (what they declare first depends on all of them), so that a corpus they cannot write is
 * refused before anything is written. `options.baseIri` names RDF's IRIs.
 * @throws NewsgraphError BAD_USER_INPUT when no csv array delimiter fits, for gexf of a corpus with scalar graph
 *   attributes, for a bad base IRI; what storeRdfText and the store's reads throw.
 */
export async function storeWholeExport(format: ExportFormat, corpus: CorpusElements, options: RdfExportOptions = {}): Promise<StoreWholeExport> {
  if (format === 'csv') {
    const finder = new ArrayDelimiterFinder();
    for await (const page of corpus.nodes()) for (const { attributes } of page) finder.add(attributes);
    return { kind: 'files', files: csvFileLayouts(finder.found()).map(({ name, layout }) => ({ name, chunks: layoutText(layout, corpus) })) };
  }
  const { type, extension } = STORE_TEXT_FORMATS[format];
  if (isRdfFormat(format)) return { kind: 'text', type, extension, chunks: inPieces(await storeRdfText(format, corpus, options)) };
  if (format === 'dot') {
    const standIns = new DotStandIns();
    for await (const page of corpus.nodes()) for (const { node } of page) standIns.add(node);
    return { kind: 'text', type, extension, chunks: layoutText(dotLayout(standIns.found()), corpus) };
  }
  if (format !== 'gexf') return { kind: 'text', type, extension, chunks: laidOutText(format, corpus) };
  if (!gexfLaysOut(await corpus.head())) {
    throw new NewsgraphError('BAD_USER_INPUT', 'gexf of this corpus (graph attributes that GEXF writes as <meta>) is written from a graph in memory: export it with `newsgraph export` from its data or snapshot.');
  }
  const models = new GexfModels();
  for await (const page of corpus.nodes()) for (const node of page) models.addNode(node);
  for await (const page of corpus.edges()) for (const edge of page) models.addEdge(edge);
  return { kind: 'text', type, extension, chunks: layoutText(gexfLayout(models), corpus) };
}

function isRdfFormat(format: string): format is RdfFormat {
  return format === 'turtle' || format === 'ntriples' || format === 'jsonld';
}

/** `texts` joined into pieces of about PIECE_CHARS (none empty), as they are read. */
async function* inPieces(texts: AsyncIterable<string>): AsyncGenerator<string> {
  let pending = '';
  for await (const text of texts) {
    pending += text;
    if (pending.length < PIECE_CHARS) continue;
    yield pending;
    pending = '';
  }
  if (pending !== '') yield pending;
}

/**
 * `format`'s export of the whole corpus, in pieces of text made as they are asked for: a slow reader holds a page or
 * two (the store may read one ahead).
 * @throws what the store's reads throw (the store cuts an export when a load replaces the corpus under it), and
 *   Error for data outside the vocabulary, as the in-memory export does.
 */
export function laidOutText(format: LaidOutFormat, corpus: CorpusElements): AsyncGenerator<string> {
  return layoutText(LAID_OUT_FORMATS[format].layout, corpus);
}

/** `layout`'s text for the corpus, in pieces made as they are asked for. @throws as laidOutText. */
export async function* layoutText(layout: Layout, corpus: CorpusElements): AsyncGenerator<string> {
  let pending = '';
  for (const part of layout(await corpus.head())) {
    if (typeof part === 'string') {
      pending += part;
      continue;
    }
    // What came before the section goes out with its first page; its end, with what follows it.
    const section = 'articles' in part ? sectionText(part.articles, corpus.articles(), async () => NO_LOOKUPS) : 'nodes' in part ? sectionText(part.nodes, corpus.nodes(), async () => NO_LOOKUPS) : sectionText(part.edges, corpus.edges(), (page) => pageLookups(part.edges, page, corpus));
    for (;;) {
      const next = await section.next();
      if (next.done === true) {
        pending += next.value;
        break;
      }
      yield pending + next.value;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}

/** A section's text a page at a time, in pieces of about PIECE_CHARS; returns its end. */
async function* sectionText<T>(section: Section<T>, pages: AsyncIterable<readonly T[]>, lookupsOf: (page: readonly T[]) => Promise<Lookups>): AsyncGenerator<string, string> {
  let count = 0;
  for await (const page of pages) {
    const lookups = await lookupsOf(page);
    let text = '';
    for (const element of page) {
      const item = section.item(element, count++, lookups);
      if (typeof item === 'string') text += item;
      else {
        // An element in pieces is large: its text goes out as it is made, not held whole.
        for (const piece of item) {
          text += piece;
          if (text.length < PIECE_CHARS) continue;
          yield text;
          text = '';
        }
      }
      if (text.length >= PIECE_CHARS) {
        yield text;
        text = '';
      }
    }
    if (text !== '') yield text;
  }
  return section.end(count);
}

/** What the page's relations look up, fetched in two reads for the page. */
async function pageLookups(section: EdgeSection, page: readonly EdgeElement[], corpus: CorpusElements): Promise<Lookups> {
  const { refers } = section;
  if (refers === undefined) return NO_LOOKUPS;
  const entityIds = new Set<string>();
  const articleIds = new Set<string>();
  for (const edge of page) {
    const named = refers(edge);
    for (const id of named.entities) entityIds.add(id);
    for (const id of named.articles) articleIds.add(id);
  }
  const [entities, articles] = await Promise.all([
    entityIds.size === 0 ? new Map<string, EntityHead>() : corpus.entityHeads([...entityIds]),
    articleIds.size === 0 ? new Map<string, ArticleHead>() : corpus.articleHeads([...articleIds]),
  ]);
  return {
    entity: (id) => {
      const head = entities.get(id);
      if (head === undefined) throw new Error(`export: a relation names entity "${id}", which the store does not hold`);
      return head;
    },
    article: (id) => articles.get(id),
  };
}
