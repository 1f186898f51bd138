/**
 * Relations, their evidence and the articles quoted: the types through which every answer traces back
 * to the exact words it came from. A fact stated by several articles is one relation whose evidence
 * quotes each; `articles` and `articleCount` are derived from that evidence.
 */
import { sliceArticle } from '../../graph/articleText.js';
import type { Evidence, RelationAttributes, RelationOrigin } from '../../graph/index.js';
import type { GraphStore, NeighborRecord, Page, StoredEntity, StoredRelation } from '../../store/index.js';
import { DEFAULT_FIRST } from '../listSizes.js';
import { relationArticleCount, relationArticleIds, relationEvidence } from '../../store/partialRecords.js';
import { entityAtHand } from '../../store/entitiesAtHand.js';
import { articlesWithoutText, articleWithoutText, withWholeArticle, type ArticleWithoutText } from '../../store/partialArticles.js';
import { checkFirst, entityAt, entityOrNull, firstOf, pageRequest, type ConnectionArgs, type FirstArgs } from './common.js';
import { syncReadsOf } from './syncReads.js';

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

function quoted(article: ArticleWithoutText | null, evidence: Evidence): ArticleWithoutText {
  if (article === null) throw new Error(`evidence quotes article "${evidence.article}", which the graph does not hold`);
  return article;
}

/** The article an anchor quotes: at once when the store reads synchronously (syncReads.ts), else without its text. */
function articleOf(store: GraphStore, evidence: Evidence): ArticleWithoutText | Promise<ArticleWithoutText> {
  const reads = syncReadsOf(store);
  if (reads !== undefined) return quoted(reads.articleNow(evidence.article), evidence);
  return articleWithoutText(store, evidence.article).then((article) => quoted(article, evidence));
}

export function relationResolvers(store: GraphStore) {
  return {
    Relation: {
      // At once when the store read them with the relation's page (store/entitiesAtHand.ts), else looked up.
      subject: (relation: RelationAttributes) => entityAtHand(store, relation.subject) ?? entityAt(store, relation.subject),
      object: (relation: RelationAttributes) => entityAtHand(store, relation.object) ?? entityAt(store, relation.object),
      attributedTo: (relation: RelationAttributes) => (relation.attributedTo === undefined ? null : entityOrNull(store, relation.attributedTo)),
      event: (relation: RelationAttributes) => (relation.event === undefined ? null : entityOrNull(store, relation.event)),
      time: (relation: RelationAttributes): string | null => relation.time ?? null,
      properties: (relation: RelationAttributes) => relation.properties ?? {},
      // The fields that read the evidence list ask the store for what they return (store/partialRecords.ts): a store
      // may hand out a hub's record without its evidence, and answer a page of it or its count without reading it whole.
      evidence: (relation: RelationAttributes, args: FirstArgs): readonly Evidence[] | Promise<readonly Evidence[]> =>
        relationEvidence(store, relation, checkFirst(args.first, DEFAULT_FIRST.evidence)),
      articles: (relation: RelationAttributes, args: FirstArgs): Promise<ArticleWithoutText[]> => {
        const first = checkFirst(args.first, DEFAULT_FIRST.articles);
        return Promise.resolve(relationArticleIds(store, relation, first)).then((ids) => articlesWithoutText(store, ids, first));
      },
      articleCount: (relation: RelationAttributes): number | Promise<number> => relationArticleCount(store, relation),
      draft: (relation: RelationAttributes): boolean => relation.draft === true,
      origin: (relation: RelationAttributes): RelationOriginName => originName(relation.origin),
      symmetric: (relation: RelationAttributes): boolean => relation.symmetric === true,
    },
    Evidence: {
      article: (evidence: Evidence) => articleOf(store, evidence),
      sentenceText: async (evidence: Evidence): Promise<string> => {
        // The article was read without its text (store/partialArticles.ts).
        const article = await withWholeArticle(store, await articleOf(store, evidence), (whole) => whole);
        const span = article.sentences[evidence.sentence];
        if (span === undefined) throw new Error(`evidence names sentence ${evidence.sentence} of "${article.id}", which has ${article.sentences.length}`);
        return sliceArticle(article, span.start, span.end);
      },
    },
    Article: {
      published: (article: ArticleWithoutText): string | null => article.published ?? null,
      source: (article: ArticleWithoutText): string | null => article.source ?? null,
      url: (article: ArticleWithoutText): string | null => article.url ?? null,
      // The text and sentences of an article read without them are read when asked (store/partialArticles.ts).
      text: (article: ArticleWithoutText): string | Promise<string> => withWholeArticle(store, article, (whole) => whole.text),
      sentences: (article: ArticleWithoutText): string[] | Promise<string[]> =>
        withWholeArticle(store, article, (whole) => whole.sentences.map((s) => sliceArticle(whole, s.start, s.end))),
      // At once from a store that reads synchronously (syncReads.ts): a list of articles asks for a page of each.
      relations: (article: ArticleWithoutText, args: ConnectionArgs): Page<StoredRelation> | Promise<Page<StoredRelation>> => {
        const page = pageRequest(args);
        const reads = syncReadsOf(store);
        return reads !== undefined ? reads.articleRelationsNow(article.id, page) : store.articleRelations(article.id, page);
      },
      entities: (article: ArticleWithoutText, args: ConnectionArgs): Page<StoredEntity> | Promise<Page<StoredEntity>> => {
        const page = pageRequest(args);
        const reads = syncReadsOf(store);
        return reads !== undefined ? reads.articleEntitiesNow(article.id, page) : store.articleEntities(article.id, page);
      },
    },
    Neighbor: {
      via: (neighbor: NeighborRecord, args: FirstArgs): readonly StoredRelation[] => firstOf(neighbor.via, args, DEFAULT_FIRST.via),
    },
  };
}
