/**
 * The quads of buildQuads (quads.ts), in its order, from a store's pages (CorpusElements) instead of a graph in
 * memory: what the whole graph as Turtle, N-Triples or JSON-LD is written from by a server over PostgreSQL, in
 * memory that does not grow with the corpus.
 *
 * buildQuads groups the triples by subject, in the order subjects first appear, and two kinds of subject are given
 * triples by owners other than their own: an article is `schema:mentions`-ed by every entity whose articles hold it,
 * and an entity is the subject of the direct triples of its relations. In memory, quadStream.ts finds those in a
 * first pass and keeps them; here the store answers them for each page (namingEntities, relationEnds), so that
 * every owner's batch is whole when it is written, and is the same as quadStream.ts's; an owner of many evidence
 * anchors (a head of state's record) is written in slices instead of held whole (ownerBatches). A first pass still reads the
 * corpus once, for what must come before the first quad: the ng: terms the vocabulary declares, and every refusal
 * (data no IRI can carry), so that nothing is written of an export that cannot be finished.
 */
import type { Quad } from 'n3';
import { NewsgraphError } from '../../errors.js';
import type { CorpusElements } from '../../store/corpusElements.js';
import { addArticle } from './articleQuads.js';
import type { QuadContext } from './context.js';
import { addEntity, addMention, entitySteps } from './entityQuads.js';
import { RdfIris } from './iris.js';
import { QuadCollector } from './quadCollector.js';
import type { RdfExportOptions } from './quads.js';
import { addDirectTriples, addRelation, relationSteps } from './relationQuads.js';
import { runSteps } from '../steps.js';
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
      yield* ownerBatches({
        iris,
        owner: iris.entity(node),
        steps: (ctx) => entitySteps(ctx, attributes),
        anchors: attributes.evidence.length,
        // Its direct triples, after what it says of itself, as later owners (its relations) give them in memory.
        more: (ctx) => {
          for (const end of ends.get(node) ?? []) addDirectTriples(ctx, end, node);
        },
        // Its mentions went out with their articles.
        elsewhere: new Set(attributes.articles.map((article) => iris.article(article))),
      });
    }
  }
  for await (const page of corpus.edges()) {
    for (const { attributes } of page) {
      yield* ownerBatches({
        iris,
        owner: iris.relation(attributes.id),
        steps: (ctx) => relationSteps(ctx, attributes),
        anchors: attributes.evidence.length,
        // Its direct triples went out with the entity they are of.
        elsewhere: new Set([iris.entity(attributes.subject), iris.entity(attributes.object)]),
      });
    }
  }
}

/** One entity or relation to write, and what of it is written elsewhere. */
interface Owner {
  readonly iris: RdfIris;
  /** Its own IRI: the subject its steps give triples to throughout. */
  readonly owner: string;
  readonly steps: (ctx: QuadContext) => Generator<void>;
  /** Its evidence anchors: what its size grows with. */
  readonly anchors: number;
  /** Triples its own subject is given after its steps. */
  readonly more?: (ctx: QuadContext) => void;
  /** Subjects it gives triples to that are written with another owner. */
  readonly elsewhere: ReadonlySet<string>;
}

/**
 * An owner of at least this many evidence anchors is written in slices: a head of state's 29,132 anchors at 100,000
 * articles were 553,513 quads, 127 MB of heap held at once (the server's peak during a Turtle export: 627 MB).
 */
export const SLICED_FROM_ANCHORS = 1_000;

/** Quads per slice of an owner written in slices, about: whole steps, so a little more. */
const SLICE_QUADS = 4_000;

/**
 * The owner's quads as buildQuads groups them: its own subject's triples first, then each other subject's, in the
 * order they first appear. A small owner is collected whole. A large one is run twice: once for its own subject's
 * triples alone (its evidence links and derivations: a tenth of its quads), then for the others, handed out a slice
 * of steps at a time, since each of those subjects has all its triples within one step (entitySteps, relationSteps).
 */
function* ownerBatches({ iris, owner, steps, anchors, more, elsewhere }: Owner): Generator<Quad[]> {
  if (anchors < SLICED_FROM_ANCHORS) {
    const out = new QuadCollector();
    runSteps(steps({ iris, out }));
    more?.({ iris, out });
    yield quadsBut(out, elsewhere);
    return;
  }
  const own = new QuadCollector();
  const ownOnly: QuadContext = {
    iris,
    out: {
      add: (subject, predicate, object) => {
        if (subject === owner) own.add(subject, predicate, object);
      },
    },
  };
  runSteps(steps(ownOnly));
  more?.({ iris, out: own });
  yield own.quads();

  const done = new Set<string>([owner]); // subjects handed out: none may come again
  let slice = new QuadCollector();
  let count = 0;
  const take = (): Quad[] => {
    const quads: Quad[] = [];
    for (const [subject, group] of slice.groups()) {
      if (done.has(subject)) throw new Error(`Invariant: the subject ${subject} has triples in two steps of its owner.`);
      done.add(subject);
      for (const quad of group) quads.push(quad);
    }
    slice = new QuadCollector();
    count = 0;
    return quads;
  };
  const rest: QuadContext = {
    iris,
    out: {
      add: (subject, predicate, object) => {
        if (subject === owner || elsewhere.has(subject)) return;
        slice.add(subject, predicate, object);
        count += 1;
      },
    },
  };
  for (const _step of steps(rest)) if (count >= SLICE_QUADS) yield take();
  yield take();
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
