/**
 * Articles handed out without their text. Most answers that list articles print their title, date and outlet (a
 * relation's `articles { title published source }`, an evidence's `article { id }`), and an article's record is
 * mostly its text and its sentence spans: at 100,000 articles 1.7 KB of JSON on average, of which the title, date,
 * outlet and URL are about 160 bytes. "Who said what about Crimea" with the corpus's place read 253 articles per
 * request (430 KB of JSON, some 4,000 sentence spans parsed into objects) for an answer of 49 KB that prints none of
 * the text. A store may hand out an article without `text` and `sentences` (`isSlimArticle`); the fields that read
 * them ask the store to complete it first (`withWholeArticle`). A store whose articles are always whole (the
 * in-memory one) has no `wholeArticle`, and those fields read the record as they always did, with no promise between.
 */
import type { ArticleRecord } from '../graph/types.js';
import type { GraphStore } from './types.js';

/** A store whose articles may lack their text and sentences, and which reads the whole article on demand. */
export interface CompletesArticles {
  /** The article with its text and sentences: the same object when it has them, else the whole record read again. */
  wholeArticle(article: ArticleRecord): ArticleRecord | Promise<ArticleRecord>;
}

/** Whether the article was handed out without its text and sentences. */
export function isSlimArticle(article: ArticleRecord): boolean {
  return (article as Partial<ArticleRecord>).text === undefined;
}

function completerOf(store: GraphStore): CompletesArticles | undefined {
  const candidate = store as GraphStore & Partial<CompletesArticles>;
  return typeof candidate.wholeArticle === 'function' ? (candidate as GraphStore & CompletesArticles) : undefined;
}

/** `read(article)` on the whole article: at once when it is whole (always, for a store without `wholeArticle`), else once it is read. */
export function withWholeArticle<R>(store: GraphStore, article: ArticleRecord, read: (article: ArticleRecord) => R): R | Promise<R> {
  const completer = completerOf(store);
  if (completer === undefined || !isSlimArticle(article)) return read(article);
  const whole = completer.wholeArticle(article);
  return whole instanceof Promise ? whole.then(read) : read(whole);
}
