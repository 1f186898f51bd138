/**
 * Second gate and assembly: resolves every reference, checks the ontology (each predicate's domain and
 * range, each event role's fillers, predicate properties), anchors every quote in its article, and turns
 * the sources into entity and relation records. Problems are collected; nothing is built from a bad input.
 */
import type { Diagnostic } from '../errors.js';
import type { ArticleRecord, ClaimAttributes, EntityAttributes, Evidence, RelationAttributes, SentenceSpan } from '../graph/types.js';
import { evidenceAt, type AnchorableArticle } from './anchor.js';
import { anchorKey, type AnchorOutcome } from './articleCheck.js';
import { assembleEvents } from './assembleEvents.js';
import { CodePointIndex } from './codePoints.js';
import { Declarations } from './declarations.js';
import type { LoadedArticle, LoadedSources } from './loadSources.js';
import { drafted } from './drafts.js';
import { mergeFacts, type Statement } from './mergeFacts.js';
import { byPublication } from './publication.js';
import { RelationIds } from './relationIds.js';
import { checkRelation } from './checkRelation.js';
import type { ArticleFileSource, EvidenceSource } from './sourceModel.js';
import type { SourceLocator } from './sourceLocator.js';
import type { SourcePath } from './yamlSource.js';

export interface Assembled {
  readonly entities: readonly EntityAttributes[];
  readonly relations: readonly RelationAttributes[];
  /** In publication order (src/build/publication.ts). */
  readonly articles: readonly ArticleRecord[];
}

interface ReadyArticle extends AnchorableArticle {
  readonly yaml: SourceLocator;
  readonly data: ArticleFileSource;
  /** Its evidence fields, anchored when the article was checked (articleCheck.ts). */
  readonly anchors: Readonly<Record<string, readonly AnchorOutcome[]>>;
}

/** What to assemble. */
export interface AssembleOptions {
  /**
   * Leave out drafted statements before facts are merged, so that a drafted statement of a fact another
   * article states as reviewed adds neither its evidence nor its article to it (`build --reviewed-only`).
   */
  readonly reviewedOnly?: boolean;
}

export function assemble(sources: LoadedSources, problems: Diagnostic[], options: AssembleOptions = {}): Assembled {
  const declarations = new Declarations(problems);
  const sharedEntities = sources.entities?.data?.entities ?? [];
  const entitiesYaml = sources.entities?.yaml;
  if (entitiesYaml) {
    sharedEntities.forEach((e, i) => declarations.declare({ id: e.id, kind: e.kind, yaml: entitiesYaml, path: ['entities', i] }));
  }
  const articles = prepareArticles(sources.articles, problems);
  for (const a of articles) {
    a.data.events?.forEach((e, i) => declarations.declare({ id: e.id, kind: 'EVENT', yaml: a.yaml, path: ['events', i] }));
    a.data.claims?.forEach((c, i) => declarations.declare({ id: c.id, kind: 'CLAIM', yaml: a.yaml, path: ['claims', i] }));
  }

  // The quotes were anchored when the article was checked; their problems count only where they are asked for
  // (a mention of an unknown id is reported as that, not also for its quote), as when anchoring was done here.
  const anchor = (article: ReadyArticle, _evidence: EvidenceSource, path: SourcePath): Evidence[] => {
    const outcomes = article.anchors[anchorKey(path)];
    if (outcomes === undefined) throw new Error(`invariant: the evidence at ${anchorKey(path)} of ${article.yaml.file} was not anchored when it was checked`);
    const found: Evidence[] = [];
    for (const outcome of outcomes) {
      if (isAnchored(outcome)) found.push(evidenceAt(article, outcome[0], outcome[1]));
      else problems.push(outcome);
    }
    return found;
  };

  // Mentions: where each article names an entity. They are the evidence of shared entities.
  // An entity named by thousands of articles: its articles are gathered in a set (a list's `includes` was
  // quadratic in them), in the order they first name it.
  const mentions = new Map<string, { evidence: Evidence[]; articles: string[]; seen: Set<string> }>();
  for (const a of articles) {
    for (const [id, evidence] of Object.entries(a.data.mentions ?? {})) {
      if (!declarations.resolve(id, a.yaml, ['mentions', id], 'entity in mentions', { key: true })) continue;
      let entry = mentions.get(id);
      if (entry === undefined) {
        entry = { evidence: [], articles: [], seen: new Set() };
        mentions.set(id, entry);
      }
      for (const e of anchor(a, evidence, ['mentions', id])) entry.evidence.push(e);
      if (!entry.seen.has(a.id)) {
        entry.seen.add(a.id);
        entry.articles.push(a.id);
      }
    }
  }
  const mentionsOf = (id: string) => mentions.get(id) ?? { evidence: [], articles: [] };

  const entities: EntityAttributes[] = [];
  sharedEntities.forEach((e, i) => {
    const { evidence, articles: seenIn } = mentionsOf(e.id);
    if (evidence.length === 0 && entitiesYaml) {
      problems.push(entitiesYaml.problem('NO_EVIDENCE', ['entities', i, 'id'], `entity "${e.id}" has no evidence: no article mentions it. Add it under "mentions:" in the article that names it, with the words that name it.`));
    }
    entities.push({
      ...naming(e),
      kind: e.kind,
      ...(e.wikidata !== undefined ? { wikidata: e.wikidata } : {}),
      properties: e.properties ?? {},
      evidence,
      articles: seenIn,
      ...drafted(e),
    });
  });

  // Explicit relation ids are checked for uniqueness here; the ids of merged facts are given by mergeFacts.
  const explicitIds = new RelationIds();
  const stated: Statement[] = [];
  const { events, roleEdges, projections } = assembleEvents({ articles, declarations, problems, anchor, mentionsOf });
  const placed = new Set<string>();
  for (const a of articles) {
    // Each event once, where it is first declared (a duplicate declaration was reported).
    a.data.events?.forEach((e) => {
      const event = events.get(e.id);
      if (event && !placed.has(e.id)) entities.push(event);
      placed.add(e.id);
    });
    a.data.claims?.forEach((c, i) => {
      const { time, timeText, properties: extra = {} } = c;
      const { evidence, articles: seenIn } = mentionsOf(c.id);
      const claim: ClaimAttributes = {
        ...naming(c),
        kind: 'CLAIM',
        properties: {
          ...extra,
          modality: c.modality ?? 'asserted',
          ...(time !== undefined ? { time } : {}),
          ...(timeText !== undefined ? { timeText } : {}),
        },
        evidence: [...anchor(a, c.evidence, ['claims', i, 'evidence']), ...evidence],
        articles: [...new Set([a.id, ...seenIn])],
        ...drafted(c),
      };
      entities.push(claim);
    });
    a.data.relations?.forEach((r, i) => {
      const relation = checkRelation(a, r, ['relations', i], declarations, problems, explicitIds);
      const evidence = anchor(a, r.evidence, ['relations', i, 'evidence']);
      if (!relation) return;
      const { id: _derived, ...statement } = relation;
      stated.push({ ...statement, evidence, ...(r.id !== undefined ? { explicitId: r.id } : {}), ...drafted(r) });
    });
  }

  return {
    entities,
    relations: mergeFacts([...(options.reviewedOnly === true ? stated.filter((r) => r.draft !== true) : stated), ...roleEdges, ...projections]),
    articles: articles.map((a) => ({
      id: a.id,
      title: a.data.article.title,
      ...(a.data.article.published !== undefined ? { published: a.data.article.published } : {}),
      ...(a.data.article.source !== undefined ? { source: a.data.article.source } : {}),
      ...(a.data.article.url !== undefined ? { url: a.data.article.url } : {}),
      text: a.text,
      sentences: a.sentences,
    })),
  };
}

/** What every entity record starts with: its id and how it is named. */
function naming(source: { id: string; name: string; aliases?: readonly string[]; description?: string }) {
  return {
    id: source.id,
    name: source.name,
    aliases: source.aliases ?? [],
    ...(source.description !== undefined ? { description: source.description } : {}),
  };
}

/** The articles that can be assembled (read, with their text), each id once, in publication order. Dates and urls were checked with the article. */
function prepareArticles(loaded: readonly LoadedArticle[], problems: Diagnostic[]): ReadyArticle[] {
  const ready: ReadyArticle[] = [];
  const seen = new Map<string, SourceLocator>();
  for (const { yaml, data, text, checked } of loaded) {
    if (!data || text === undefined || checked.sentences === undefined || checked.anchors === undefined) continue;
    const first = seen.get(data.article.id);
    if (first) {
      problems.push(yaml.problem('DUPLICATE_ID', ['article', 'id'], `duplicate article id "${data.article.id}": ${first.file} uses it too.`));
      continue;
    }
    seen.set(data.article.id, yaml);
    ready.push({ id: data.article.id, text, index: new CodePointIndex(text), sentences: sentenceSpans(checked.sentences), yaml, data, anchors: checked.anchors });
  }
  // Publication order: an event's history, its current status and each fact's first wording follow it.
  return ready.sort((x, y) => byPublication({ id: x.id, published: x.data.article.published }, { id: y.id, published: y.data.article.published }));
}

function isAnchored(outcome: AnchorOutcome): outcome is readonly [number, number] {
  return Array.isArray(outcome);
}

function sentenceSpans(flat: readonly number[]): SentenceSpan[] {
  const spans: SentenceSpan[] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) spans.push({ start: flat[i] ?? 0, end: flat[i + 1] ?? 0 });
  return spans;
}
