/**
 * Articles read without their text: the lean path of the answers that list articles, kept apart from the store's
 * public `article`/`articles`, which always hand out whole articles.
 *
 * Most answers that list articles print their title, date and outlet (a relation's `articles { title published source }`,
 * an evidence's `article { id }`), and an article's record is mostly its text and its sentence spans: at 100,000
 * articles 1.7 KB of JSON on average, of which the title, date, outlet and URL are about 160 bytes. "Who said what about
 * Crimea" with the corpus's place read 253 articles per request (430 KB of JSON, some 4,000 sentence spans parsed into
 * objects) for an answer of 49 KB that prints none of the text (docs/design-choices.md, `pgseveral`).
 *
 * So a store may offer `articleWithoutText` and `articlesWithoutText` (ReadsArticlesWithoutText), typed as what they
 * return (ArticleWithoutText: no `text`, no `sentences`), and `wholeArticle` to complete one. The resolvers read
 * articles through `articleWithoutText(store, id)` and `articlesWithoutText(store, ids, first)` here, and the fields
 * that print the text complete the article first (`withWholeArticle`). A store without those methods (the in-memory
 * one) is asked `article`/`articles`, whose whole articles are ArticleWithoutText too, and nothing is read again.
 * A library user who calls `store.article(id)` gets the whole article its type promises (docs/design-choices.md,
 * `libtypes`).
 */
import type { ArticleRecord } from '../graph/types.js';
import type { GraphStore } from './types.js';

/** An article's id, title, date, outlet and URL: an ArticleRecord that may lack its `text` and `sentences`. */
export type ArticleWithoutText = Omit<ArticleRecord, 'text' | 'sentences'> & { readonly text?: string; readonly sentences?: ArticleRecord['sentences'] };

/** A store that reads articles without their text for the answers that list them, and whole on demand. */
export interface ReadsArticlesWithoutText {
  /** The article with this id without its text and sentences, or null. */
  articleWithoutText(id: string): Promise<ArticleWithoutText | null>;
  /** The first `first` of these articles in publication order (each once, unknown ids left out), without their text. */
  articlesWithoutText(ids: readonly string[], first: number): Promise<ArticleWithoutText[]>;
  /** The article with its text and sentences: the same object when it has them, else the whole record read again. */
  wholeArticle(article: ArticleWithoutText): ArticleRecord | Promise<ArticleRecord>;
}

/** Whether the article carries its text and sentences. */
export function isWholeArticle(article: ArticleWithoutText): article is ArticleRecord {
  return typeof article.text === 'string' && Array.isArray(article.sentences);
}

function leanReaderOf(store: GraphStore): ReadsArticlesWithoutText | undefined {
  const candidate = store as GraphStore & Partial<ReadsArticlesWithoutText>;
  return typeof candidate.articleWithoutText === 'function' && typeof candidate.articlesWithoutText === 'function' && typeof candidate.wholeArticle === 'function'
    ? (candidate as GraphStore & ReadsArticlesWithoutText)
    : undefined;
}

/** The article with this id for an answer that may not print its text: without it where the store can, else whole. */
export function articleWithoutText(store: GraphStore, id: string): Promise<ArticleWithoutText | null> {
  return leanReaderOf(store)?.articleWithoutText(id) ?? store.article(id);
}

/** The first `first` of these articles in publication order, without their text where the store can, else whole. */
export function articlesWithoutText(store: GraphStore, ids: readonly string[], first: number): Promise<ArticleWithoutText[]> {
  return leanReaderOf(store)?.articlesWithoutText(ids, first) ?? store.articles({ ids }, first);
}

/** `read(article)` on the whole article: at once when it is whole (always, for a store without the lean reads), else once it is read. */
export function withWholeArticle<R>(store: GraphStore, article: ArticleWithoutText, read: (article: ArticleRecord) => R): R | Promise<R> {
  if (isWholeArticle(article)) return read(article);
  const reader = leanReaderOf(store);
  if (reader === undefined) throw new Error(`article "${article.id}" came without its text from a store that cannot read it whole`);
  const whole = reader.wholeArticle(article);
  return whole instanceof Promise ? whole.then(read) : read(whole);
}
