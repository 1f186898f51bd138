/**
 * Relations, their evidence and the articles quoted: the types through which every answer traces back
 * to the exact words it came from.
 */
import { graphIndex, sliceArticle } from '../../graph/index.js';
import type { ArticleRecord, EntityAttributes, Evidence, NewsGraph, RelationAttributes, RelationOrigin } from '../../graph/index.js';
import { entityAt, findEntity } from './common.js';

export type RelationOriginName = 'STATED' | 'ROLE' | 'PROJECTION';

export function originName(origin: RelationOrigin): RelationOriginName {
  switch (origin) {
    case 'stated':
      return 'STATED';
    case 'role':
      return 'ROLE';
    case 'projection':
      return 'PROJECTION';
    default: {
      const unreachable: never = origin;
      throw new Error(`unknown relation origin ${String(unreachable)}`);
    }
  }
}

function articleOf(graph: NewsGraph, evidence: Evidence): ArticleRecord {
  const article = graphIndex(graph).articles.get(evidence.article);
  if (article === undefined) throw new Error(`evidence quotes article "${evidence.article}", which the graph does not hold`);
  return article;
}

export function relationResolvers(graph: NewsGraph) {
  return {
    Relation: {
      subject: (relation: RelationAttributes): EntityAttributes => entityAt(graph, relation.subject),
      object: (relation: RelationAttributes): EntityAttributes => entityAt(graph, relation.object),
      attributedTo: (relation: RelationAttributes): EntityAttributes | null =>
        relation.attributedTo === undefined ? null : findEntity(graph, relation.attributedTo),
      event: (relation: RelationAttributes): EntityAttributes | null =>
        relation.event === undefined ? null : findEntity(graph, relation.event),
      time: (relation: RelationAttributes): string | null => relation.time ?? null,
      properties: (relation: RelationAttributes) => relation.properties ?? {},
      origin: (relation: RelationAttributes): RelationOriginName => originName(relation.origin),
      symmetric: (relation: RelationAttributes): boolean => relation.symmetric === true,
    },
    Evidence: {
      article: (evidence: Evidence): ArticleRecord => articleOf(graph, evidence),
      sentenceText: (evidence: Evidence): string => {
        const article = articleOf(graph, evidence);
        const span = article.sentences[evidence.sentence];
        if (span === undefined) throw new Error(`evidence names sentence ${evidence.sentence} of "${article.id}", which has ${article.sentences.length}`);
        return sliceArticle(article, span.start, span.end);
      },
    },
    Article: {
      published: (article: ArticleRecord): string | null => article.published ?? null,
      source: (article: ArticleRecord): string | null => article.source ?? null,
      sentences: (article: ArticleRecord): string[] => article.sentences.map((s) => sliceArticle(article, s.start, s.end)),
    },
  };
}
