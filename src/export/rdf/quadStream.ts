/**
 * The quads of buildQuads (quads.ts), in the same order, a batch at a time, without ever holding them all: what
 * lets N-Triples and Turtle of a whole corpus be written in memory that grows with the graph, not with the
 * export (the quads of 500 articles take about 230 MB of heap; the graph itself about 30 MB).
 *
 * buildQuads groups the triples by subject, in the order subjects first appear, and a subject can be given
 * triples by more than one owner: an article is `schema:mentions`-ed by every entity that mentions it, an entity
 * is the subject of the direct triples of its relations. So this makes two passes over the graph:
 *  1. every owner (article, entity, relation, in buildQuads' order) writes its quads into a collector of its own,
 *     which is thrown away but for: the ng terms used (for the vocabulary, written first), which owner first
 *     gave each subject a triple, and the triples given to a subject by a later owner ("late" triples, few:
 *     mentions and direct triples, not the evidence and text that make up most of the export);
 *  2. every owner writes its quads again, and each subject it was first to name is handed out whole: its own
 *     triples, then its late ones, duplicates dropped as buildQuads' set does.
 * The tests hold the result to buildQuads' quads, serialized by n3, byte for byte.
 */
import type { Quad } from 'n3';
import type { NewsGraph } from '../../graph/types.js';
import { addArticle } from './articleQuads.js';
import type { QuadContext } from './context.js';
import { addEntity } from './entityQuads.js';
import { RdfIris } from './iris.js';
import { QuadCollector, tripleKey } from './quadCollector.js';
import type { RdfExportOptions } from './quads.js';
import { addRelation } from './relationQuads.js';
import { addVocabulary, usedNgTerms } from './vocabularyQuads.js';
import { runSteps } from '../steps.js';

type Owner = (ctx: QuadContext) => void;

/** The owners of triples in buildQuads' order: articles, entities, relations. */
function* owners(graph: NewsGraph): Generator<Owner> {
  for (const article of graph.getAttribute('articles') ?? []) yield (ctx) => addArticle(ctx, article);
  for (const { attributes } of graph.nodeEntries()) yield (ctx) => addEntity(ctx, attributes);
  for (const { attributes } of graph.edgeEntries()) yield (ctx) => addRelation(ctx, attributes);
}

interface FirstPass {
  readonly vocabulary: Quad[];
  /** Subject → the index of the owner that gave it its first triple. */
  readonly firstOwner: Map<string, number>;
  /** Subject → the triples later owners gave it, in their order. */
  readonly late: Map<string, Quad[]>;
}

/**
 * The first pass: runs every owner once, so a bad base IRI or data no IRI can carry is refused before any
 * quad is handed out. An empty batch after every owner: a point where a reader may stop (streamQuadsInSteps).
 * @throws NewsgraphError as buildQuads.
 */
function* firstPass(graph: NewsGraph, iris: RdfIris): Generator<Quad[], FirstPass> {
  const used = new Set<string>();
  const firstOwner = new Map<string, number>();
  const late = new Map<string, Quad[]>();
  let index = 0;
  for (const owner of owners(graph)) {
    const out = new QuadCollector();
    owner({ iris, out });
    for (const [subject, triples] of out.groups()) {
      for (const term of usedNgTerms(triples)) used.add(term);
      const first = firstOwner.get(subject);
      if (first === undefined) {
        firstOwner.set(subject, index);
      } else {
        const list = late.get(subject) ?? [];
        list.push(...triples);
        late.set(subject, list);
      }
    }
    index += 1;
    yield [];
  }
  const vocabulary = { iris, out: new QuadCollector() };
  addVocabulary(vocabulary, [...used].sort());
  return { vocabulary: vocabulary.out.quads(), firstOwner, late };
}

/**
 * buildQuads' quads, in its order, in batches (one per owner, the vocabulary first).
 * @throws NewsgraphError as buildQuads, when called (before the first batch).
 */
export function streamQuads(graph: NewsGraph, options: RdfExportOptions = {}): Iterable<Quad[]> {
  const iris = new RdfIris(options.baseIri);
  const first = runSteps(firstPass(graph, iris));
  return secondPass(graph, iris, first);
}

/**
 * As streamQuads, but the first pass too is run as the batches are read, an empty batch after each owner: for a
 * reader that must be able to stop between any two steps (the server, steps.ts). Data no IRI can carry is then
 * refused while the batches are read; a bad base IRI still when this is called.
 * @throws NewsgraphError BAD_USER_INPUT for a bad base IRI.
 */
export function streamQuadsInSteps(graph: NewsGraph, options: RdfExportOptions = {}): Iterable<Quad[]> {
  const iris = new RdfIris(options.baseIri);
  return (function* (): Generator<Quad[]> {
    const first = yield* firstPass(graph, iris);
    yield* secondPass(graph, iris, first);
  })();
}

function* secondPass(graph: NewsGraph, iris: RdfIris, { vocabulary, firstOwner, late }: FirstPass): Generator<Quad[]> {
  yield vocabulary;
  let index = 0;
  for (const owner of owners(graph)) {
    const out = new QuadCollector();
    owner({ iris, out });
    const batch: Quad[] = [];
    for (const [subject, triples] of out.groups()) {
      if (firstOwner.get(subject) !== index) continue; // an earlier owner's subject: handed out with its triples
      batch.push(...triples);
      const later = late.get(subject);
      if (later === undefined) continue;
      late.delete(subject);
      const seen = new Set(triples.map(tripleKey));
      for (const triple of later) {
        const key = tripleKey(triple);
        if (seen.has(key)) continue;
        seen.add(key);
        batch.push(triple);
      }
    }
    yield batch;
    index += 1;
  }
}
