/**
 * The quads of buildQuads (quads.ts), in its order, from a store's pages (CorpusElements) instead of a graph in
 * memory: what the whole graph as Turtle, N-Triples or JSON-LD is written from by a server over PostgreSQL, in
 * memory that does not grow with the corpus.
 *
 * buildQuads groups the triples by subject, in the order subjects first appear, and two kinds of subject are given
 * triples by owners other than their own: an article is `schema:mentions`-ed by every entity whose articles hold it,
 * and an entity is the subject of the direct triples of its relations. In memory, quadStream.ts finds those in a
 * first pass and keeps them; here the store answers them for each page (namingEntities, relationEnds), so that
 * every owner's batch is whole when it is written, and is the same as quadStream.ts's. A first pass still reads the
 * corpus once, for what must come before the first quad: the ng: terms the vocabulary declares, and every refusal
 * (data no IRI can carry), so that nothing is written of an export that cannot be finished.
 */
import type { Quad } from 'n3';
import { NewsgraphError } from '../../errors.js';
import type { CorpusElements } from '../../store/corpusElements.js';
import { addArticle } from './articleQuads.js';
import { addEntity, addMention } from './entityQuads.js';
import { RdfIris } from './iris.js';
import { QuadCollector } from './quadCollector.js';
import type { RdfExportOptions } from './quads.js';
import { addDirectTriples, addRelation } from './relationQuads.js';
import { NgTermNotes, addVocabulary } from './vocabularyQuads.js';

/**
 * buildQuads' quads of the corpus, in its order, a batch per article, entity and relation (the vocabulary first),
 * read from the store as the batches are read. The first pass is made when this is called.
 * @throws NewsgraphError BAD_USER_INPUT for a bad base IRI, or when an entity mentions an article the corpus holds
 *   no record of; DATA_INVALID as buildQuads; what the store's reads throw.
 */
export async function storeQuadBatches(corpus: CorpusElements, options: RdfExportOptions = {}): Promise<AsyncIterable<Quad[]>> {
  const iris = new RdfIris(options.baseIri);
  // buildQuads would write such an article's triples among the first entity's that mentions it: not worth a third
  // way of ordering for a corpus that a build does not make (every mention is of an article of the data).
  const unrecorded = await corpus.unrecordedMention();
  if (unrecorded !== undefined) {
    throw new NewsgraphError(
      'BAD_USER_INPUT',
      `An entity of this corpus mentions the article "${unrecorded}", which the corpus holds no record of: export it as RDF with \`newsgraph export\` from its data or snapshot.`,
    );
  }
  const notes = new NgTermNotes();
  const noting = { iris, out: notes };
  for await (const page of corpus.articles()) for (const article of page) addArticle(noting, article);
  for await (const page of corpus.nodes()) for (const { attributes } of page) addEntity(noting, attributes);
  for await (const page of corpus.edges()) for (const { attributes } of page) addRelation(noting, attributes);
  const vocabulary = new QuadCollector();
  addVocabulary({ iris, out: vocabulary }, notes.terms());
  return secondPass(corpus, iris, vocabulary.quads());
}

async function* secondPass(corpus: CorpusElements, iris: RdfIris, vocabulary: Quad[]): AsyncGenerator<Quad[]> {
  yield vocabulary;
  for await (const page of corpus.articles()) {
    const naming = await corpus.namingEntities(page.map((article) => article.id));
    for (const article of page) {
      const out = new QuadCollector();
      const ctx = { iris, out };
      addArticle(ctx, article);
      for (const entity of naming.get(article.id) ?? []) addMention(ctx, article.id, entity);
      yield out.quads();
    }
  }
  for await (const page of corpus.nodes()) {
    const ends = await corpus.relationEnds(page.map(({ node }) => node));
    for (const { node, attributes } of page) {
      const out = new QuadCollector();
      const ctx = { iris, out };
      addEntity(ctx, attributes);
      for (const end of ends.get(node) ?? []) addDirectTriples(ctx, end, node);
      // Its mentions went out with their articles.
      yield quadsBut(out, new Set(attributes.articles.map((article) => iris.article(article))));
    }
  }
  for await (const page of corpus.edges()) {
    for (const { attributes } of page) {
      const out = new QuadCollector();
      addRelation({ iris, out }, attributes);
      // Its direct triples went out with the entity they are of.
      yield quadsBut(out, new Set([iris.entity(attributes.subject), iris.entity(attributes.object)]));
    }
  }
}

/** The collector's quads but those of the subjects in `skip`. */
function quadsBut(out: QuadCollector, skip: ReadonlySet<string>): Quad[] {
  const quads: Quad[] = [];
  for (const [subject, group] of out.groups()) {
    if (skip.has(subject)) continue;
    for (const quad of group) quads.push(quad); // not push(...group): a head of state's group is 10^5 quads
  }
  return quads;
}
