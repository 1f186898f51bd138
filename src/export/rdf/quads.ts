/**
 * The graph as RDF quads, built once with n3's DataFactory; Turtle, N-Triples and JSON-LD only serialize them,
 * so the three formats hold the same triples by construction (and the tests check that parsers agree).
 * Order: the vocabulary the data uses, then articles, entities (each with the direct triples it is the subject
 * of), relations; deterministic for a given graph.
 */
import type { Quad } from 'n3';
import type { NewsGraph } from '../../graph/types.js';
import { addArticle } from './articleQuads.js';
import { addEntity } from './entityQuads.js';
import { RdfIris } from './iris.js';
import { QuadCollector } from './quadCollector.js';
import { addRelation } from './relationQuads.js';
import { addVocabulary, usedNgTerms } from './vocabularyQuads.js';

export interface RdfExportOptions {
  /**
   * The absolute IRI under which entities, relations and articles are named.
   * @default "https://newsgraph.dev/id/"
   */
  readonly baseIri?: string;
}

/** @throws NewsgraphError BAD_USER_INPUT for a base IRI that is not absolute; DATA_INVALID for data no IRI can carry. */
export function buildQuads(graph: NewsGraph, options: RdfExportOptions = {}): Quad[] {
  const iris = new RdfIris(options.baseIri);
  const data = { iris, out: new QuadCollector() };
  for (const article of graph.getAttribute('articles') ?? []) addArticle(data, article);
  graph.forEachNode((_key, entity) => addEntity(data, entity));
  graph.forEachEdge((_key, relation) => addRelation(data, relation));
  const dataQuads = data.out.quads();

  const vocabulary = { iris, out: new QuadCollector() };
  addVocabulary(vocabulary, usedNgTerms(dataQuads));
  return [...vocabulary.out.quads(), ...dataQuads];
}
