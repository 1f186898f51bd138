/**
 * An article beside its encoding, sentence by sentence: for each sentence, the facts whose evidence is in it
 * (stated relations, events with their roles, claims) and the entities it names. What `newsgraph show`
 * prints, so that a reviewer reads the text and what was drawn from it side by side.
 */
import { sliceArticle } from './articleText.js';
import { graphIndex } from './indices.js';
import type { Modality } from '../ontology/index.js';
import type { ArticleRecord, JsonObject, NewsGraph } from './types.js';

export interface ReviewedRelation {
  readonly id: string;
  readonly predicate: string;
  readonly subject: string;
  readonly object: string;
  readonly negated: boolean;
  readonly modality: Modality;
  readonly attributedTo?: string;
  readonly properties: JsonObject;
  readonly draft: boolean;
}

export interface ReviewedEvent {
  readonly id: string;
  readonly name: string;
  readonly eventType: string;
  readonly status: string;
  /** The resolved time, else the text's own words for it, when given. */
  readonly when?: string;
  readonly roles: readonly { readonly role: string; readonly entity: string }[];
  readonly draft: boolean;
}

export interface ReviewedClaim {
  readonly id: string;
  readonly name: string;
  readonly modality: string;
  readonly draft: boolean;
}

export interface ReviewedSentence {
  readonly index: number;
  readonly text: string;
  readonly relations: readonly ReviewedRelation[];
  readonly events: readonly ReviewedEvent[];
  readonly claims: readonly ReviewedClaim[];
  /** The shared entities the sentence names (their mentions); `draft` while a drafted entity is not accepted. */
  readonly names: readonly { readonly id: string; readonly draft: boolean }[];
}

export interface ArticleReview {
  readonly article: Omit<ArticleRecord, 'text' | 'sentences'>;
  readonly sentences: readonly ReviewedSentence[];
}

/** The review of one article, or undefined when the graph has no article with this id. */
export function reviewArticle(graph: NewsGraph, articleId: string): ArticleReview | undefined {
  // The index's lists of this article's relations and entities, not a walk over the whole corpus.
  const index = graphIndex(graph);
  const article = index.articles.get(articleId);
  if (!article) return undefined;
  const sentences = article.sentences.map((span, index) => ({
    index,
    text: sliceArticle(article, span.start, span.end),
    relations: [] as ReviewedRelation[],
    events: [] as ReviewedEvent[],
    claims: [] as ReviewedClaim[],
    names: [] as { id: string; draft: boolean }[],
  }));
  const sentencesOf = (evidence: readonly { article: string; sentence: number }[]) =>
    [...new Set(evidence.filter((e) => e.article === articleId).map((e) => e.sentence))].flatMap((i) => sentences[i] ?? []);

  for (const r of index.relationsByArticle.get(articleId) ?? []) {
    // Role edges and projections are shown with their event; here, what the encoding states.
    if (r.origin !== 'stated') continue;
    for (const s of sentencesOf(r.evidence)) {
      s.relations.push({
        id: r.id,
        predicate: r.predicate,
        subject: r.subject,
        object: r.object,
        negated: r.negated,
        modality: r.modality,
        ...(r.attributedTo !== undefined ? { attributedTo: r.attributedTo } : {}),
        properties: r.properties,
        draft: r.draft ?? false,
      });
    }
  }
  for (const e of index.entitiesByArticle.get(articleId) ?? []) {
    const { id } = e;
    const where = sentencesOf(e.evidence);
    switch (e.kind) {
      case 'EVENT': {
        const roles = graph
          .outEdges(id)
          .map((edge) => graph.getEdgeAttributes(edge))
          .filter((r) => r.origin === 'role')
          .map((r) => ({ role: r.predicate, entity: r.object }));
        for (const s of where) {
          const when = e.properties.time ?? e.properties.timeText;
          s.events.push({ id, name: e.name, eventType: e.properties.eventType, status: e.properties.status, ...(when !== undefined ? { when } : {}), roles, draft: e.draft ?? false });
        }
        break;
      }
      case 'CLAIM':
        for (const s of where) s.claims.push({ id, name: e.name, modality: e.properties.modality, draft: e.draft ?? false });
        break;
      default:
        for (const s of where) s.names.push({ id, draft: e.draft ?? false });
    }
  }
  const { text: _text, sentences: _spans, ...header } = article;
  return { article: header, sentences };
}
