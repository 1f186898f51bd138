/**
 * An article's text between two offsets. Evidence and sentence spans count Unicode code points, not the
 * UTF-16 units that JavaScript strings index, so the text is split into code points once per article and kept.
 */
import type { ArticleRecord } from './types.js';

const codePointsCache = new WeakMap<ArticleRecord, readonly string[]>();

function codePoints(article: ArticleRecord): readonly string[] {
  let points = codePointsCache.get(article);
  if (points === undefined) {
    points = Array.from(article.text);
    codePointsCache.set(article, points);
  }
  return points;
}

/** The text of `article` from code point `start` up to, not including, code point `end`. */
export function sliceArticle(article: ArticleRecord, start: number, end: number): string {
  return codePoints(article).slice(start, end).join('');
}
