/**
 * What both stores share about a selected part of the graph (an export's `focus`/`depth`, `predicate` or `ids`):
 * the articles it needs and the errors for ids the graph does not have. The in-memory selection is
 * src/export/subgraph.ts; the database's is src/store/postgres/selectionGraph.ts.
 *
 * Both keep, of the graph's articles, those the selected relations quote, in graph order: the texts of the facts
 * selected, which their evidence offsets index into. Not every article: at 100,000 articles that is 168 MB of text
 * in the export of a dozen entities. Not the articles that mention the selected entities either: an entity's
 * mentions are its evidence, and a head of state's are most of the corpus (one entity of the 100,000-article
 * benchmark corpus is named in 36,908 articles, and a neighbourhood of 39 entities around a minor one, through
 * the heads of state among them, in 66,422: a 201 MB JSON export for 3,195 relations). A mention keeps its own
 * quote (exact, prefix and suffix) and names its article by id, whether or not the export carries the article.
 */
import { didYouMean } from '../didYouMean.js';
import { NewsgraphError } from '../errors.js';
import type { ArticleRecord, RelationAttributes } from './types.js';

/** A selection whose options are checked (src/export/subgraph.ts `checkSelection`): what is left is to find it. */
export interface Selection {
  /** The entity at the centre, with `depth` hops around it (1 when not given). */
  readonly focus?: string;
  readonly depth?: number;
  /** Upper-cased predicates and role names to keep; every relation when undefined. */
  readonly kept?: ReadonlySet<string>;
  /** Exactly these entities and the relations among them. */
  readonly ids?: readonly string[];
}

/** The ids of the articles the relations' evidence quotes. */
export function quotedArticleIds(relations: Iterable<RelationAttributes>): Set<string> {
  const quoted = new Set<string>();
  for (const relation of relations) for (const evidence of relation.evidence) quoted.add(evidence.article);
  return quoted;
}

/** Of `articles` (in graph order), those `quoted` names, in the same order. */
export function quotedArticles(articles: readonly ArticleRecord[], quoted: ReadonlySet<string>): ArticleRecord[] {
  return articles.filter((article) => quoted.has(article.id));
}

/** A focus that is not an entity id; `near` are the candidates for "did you mean". */
export function unknownFocus(focus: string, near: Iterable<string>): NewsgraphError {
  return new NewsgraphError('NOT_FOUND', `No entity has the id "${focus}".${didYouMean(focus, near)}`);
}

/** `ids` that name no entity (at least one); `near` are the candidates for "did you mean" the first of them. */
export function unknownIds(unknown: readonly string[], near: Iterable<string>): NewsgraphError {
  const first = unknown[0] ?? '';
  const more = unknown.length > 1 ? ` (nor ${unknown.length - 1} more of the ids given)` : '';
  return new NewsgraphError('NOT_FOUND', `No entity has the id "${first}"${more}.${didYouMean(first, near)}`);
}
