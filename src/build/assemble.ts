/**
 * Second gate and assembly: resolves every reference, checks the ontology (each predicate's domain and
 * range, each event role's fillers, predicate properties), anchors every quote in its article, and turns
 * the sources into entity and relation records. Problems are collected; nothing is built from a bad input.
 */
import type { Diagnostic } from '../errors.js';
import { EVENT_ROLES, roleAdmits, type EventRole } from '../ontology/index.js';
import type {
  ArticleRecord,
  ClaimAttributes,
  EntityAttributes,
  EventAttributes,
  Evidence,
  RelationAttributes,
} from '../graph/types.js';
import { anchorQuote, type AnchorableArticle } from './anchor.js';
import { CodePointIndex } from './codePoints.js';
import { Declarations } from './declarations.js';
import type { LoadedArticle, LoadedSources } from './loadSources.js';
import { projectEvent } from './projections.js';
import { RelationIds } from './relationIds.js';
import { splitSentences } from './sentences.js';
import { checkRelation } from './checkRelation.js';
import { quoteList, type ArticleFileSource, type EvidenceSource } from './sourceModel.js';
import type { SourcePath, YamlSource } from './yamlSource.js';

export interface Assembled {
  readonly entities: readonly EntityAttributes[];
  readonly relations: readonly RelationAttributes[];
  readonly articles: readonly ArticleRecord[];
}

interface ReadyArticle extends AnchorableArticle {
  readonly yaml: YamlSource;
  readonly data: ArticleFileSource;
}

export function assemble(sources: LoadedSources, problems: Diagnostic[]): Assembled {
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

  const anchor = (article: ReadyArticle, evidence: EvidenceSource, path: SourcePath): Evidence[] => {
    const quotes = quoteList(evidence);
    const found: Evidence[] = [];
    quotes.forEach((quote, i) => {
      const result = anchorQuote(article, quote);
      if (result.ok) found.push(result.evidence);
      else problems.push(article.yaml.problem(result.code, Array.isArray(evidence) ? [...path, i] : path, result.message));
    });
    return found;
  };

  // Mentions: where each article names an entity. They are the evidence of shared entities.
  const mentions = new Map<string, { evidence: Evidence[]; articles: string[] }>();
  for (const a of articles) {
    for (const [id, evidence] of Object.entries(a.data.mentions ?? {})) {
      if (!declarations.resolve(id, a.yaml, ['mentions', id], 'entity in mentions', { key: true })) continue;
      const entry = mentions.get(id) ?? { evidence: [], articles: [] };
      entry.evidence.push(...anchor(a, evidence, ['mentions', id]));
      if (!entry.articles.includes(a.id)) entry.articles.push(a.id);
      mentions.set(id, entry);
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

  const ids = new RelationIds();
  const relations: RelationAttributes[] = [];
  const roleEdges: RelationAttributes[] = [];
  const projections: RelationAttributes[] = [];
  for (const a of articles) {
    const own = (evidence: Evidence[], id: string) => {
      const mentioned = mentionsOf(id);
      return { evidence: [...evidence, ...mentioned.evidence], articles: [...new Set([a.id, ...mentioned.articles])] };
    };
    a.data.events?.forEach((e, i) => {
      const path = ['events', i];
      const { time, timeText, fatalities, properties: extra = {} } = e;
      const event: EventAttributes = {
        ...naming(e),
        kind: 'EVENT',
        // The typed fields come last: free-form properties cannot override them.
        properties: {
          ...extra,
          eventType: e.eventType,
          status: e.status,
          ...(time !== undefined ? { time } : {}),
          ...(timeText !== undefined ? { timeText } : {}),
          ...(fatalities !== undefined ? { fatalities } : {}),
        },
        ...own(anchor(a, e.evidence, [...path, 'evidence']), e.id),
        ...drafted(e),
      };
      entities.push(event);
      const roles: { role: EventRole; entity: string }[] = [];
      e.roles?.forEach((r, j) => {
        const rolePath = [...path, 'roles', j];
        const filler = declarations.resolve(r.entity, a.yaml, [...rolePath, 'entity'], `entity for role ${r.role}`);
        const evidence = r.evidence === undefined ? event.evidence.slice(0, 1) : anchor(a, r.evidence, [...rolePath, 'evidence']);
        if (!filler) return;
        if (!roleAdmits(r.role, filler.kind)) {
          problems.push(a.yaml.problem('ROLE_FILLER', [...rolePath, 'entity'], `role ${r.role} of event "${e.id}" takes ${EVENT_ROLES[r.role].fillers.join('/')}, but "${r.entity}" is a ${filler.kind}.`));
          return;
        }
        roles.push({ role: r.role, entity: r.entity });
        roleEdges.push({
          id: ids.derive(e.id, r.role, r.entity, false),
          predicate: r.role,
          subject: e.id,
          object: r.entity,
          negated: false,
          modality: 'asserted',
          properties: {},
          evidence,
          event: e.id,
          origin: 'role',
          symmetric: false,
          ...drafted(e),
        });
      });
      projections.push(...projectEvent(event, roles, ids).map((p) => ({ ...p, ...drafted(e) })));
    });
    a.data.claims?.forEach((c, i) => {
      const { time, timeText, properties: extra = {} } = c;
      const claim: ClaimAttributes = {
        ...naming(c),
        kind: 'CLAIM',
        properties: {
          ...extra,
          modality: c.modality ?? 'asserted',
          ...(time !== undefined ? { time } : {}),
          ...(timeText !== undefined ? { timeText } : {}),
        },
        ...own(anchor(a, c.evidence, ['claims', i, 'evidence']), c.id),
        ...drafted(c),
      };
      entities.push(claim);
    });
    a.data.relations?.forEach((r, i) => {
      const relation = checkRelation(a, r, ['relations', i], declarations, problems, ids);
      const evidence = anchor(a, r.evidence, ['relations', i, 'evidence']);
      if (relation) relations.push({ ...relation, evidence, ...drafted(r) });
    });
  }

  return {
    entities,
    relations: [...relations, ...roleEdges, ...projections],
    articles: articles.map((a) => ({
      id: a.id,
      title: a.data.article.title,
      ...(a.data.article.published !== undefined ? { published: a.data.article.published } : {}),
      ...(a.data.article.source !== undefined ? { source: a.data.article.source } : {}),
      text: a.text,
      sentences: a.sentences,
    })),
  };
}

/** `draft: true` for a fact that still carries its draft mark (newsgraph extract), nothing otherwise. */
function drafted(source: { readonly draft?: unknown }): { draft?: true } {
  return source.draft === undefined ? {} : { draft: true };
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

function prepareArticles(loaded: readonly LoadedArticle[], problems: Diagnostic[]): ReadyArticle[] {
  const ready: ReadyArticle[] = [];
  const seen = new Map<string, YamlSource>();
  for (const { yaml, data, text } of loaded) {
    if (!data || text === undefined) continue;
    const first = seen.get(data.article.id);
    if (first) {
      problems.push(yaml.problem('DUPLICATE_ID', ['article', 'id'], `duplicate article id "${data.article.id}": ${first.file} uses it too.`));
      continue;
    }
    seen.set(data.article.id, yaml);
    ready.push({ id: data.article.id, text, index: new CodePointIndex(text), sentences: splitSentences(text), yaml, data });
  }
  return ready;
}
