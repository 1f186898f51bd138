/**
 * The encoder drops an anchor's words only when the text gives them back: `derives` answers that in place
 * (no anchor made) and must agree with making the anchor (`evidence`) for every offset, at the text's edges,
 * past them, and in texts with surrogate pairs, where code points are not UTF-16 units.
 */
import { expect, test } from '@jest/globals';
import type { ArticleRecord, Evidence } from '../../src/graph/types.js';
import { SnapshotArticles } from '../../src/build/snapshotArticles.js';
import { splitSentences } from '../../src/build/sentences.js';

function record(id: string, text: string): ArticleRecord {
  return { id, title: id, text, sentences: splitSentences(text) };
}

const plain = 'Ana met Bo in Oslo. They spoke of the treaty for an hour. Then the minister of Linia left for Duhaven by train.';
const astral = 'Ana 👋 met Bo in Oslo. 𝒳 spoke of the treaty 🇳🇴 for an hour. Then Linia left.';

/** What `derives` must say: the anchor made at the offsets has the same words and sentence. */
function expected(articles: SnapshotArticles, i: number, e: Evidence): boolean {
  const made = articles.evidence(i, e.start, e.end);
  return made !== undefined && made.exact === e.exact && made.prefix === e.prefix && made.suffix === e.suffix && made.sentence === e.sentence;
}

test.each([
  ['a text without surrogate pairs', plain],
  ['a text with emoji and astral letters', astral],
])('derives agrees with making the anchor, for %s', (_name, text) => {
  const articles = new SnapshotArticles([record('a0', text)]);
  const points = Array.from(text).length;
  let derived = 0;
  let refused = 0;
  for (let start = -2; start <= points + 2; start++) {
    for (let end = start; end <= Math.min(points + 3, start + 40); end += 3) {
      const made = articles.evidence(0, start, end);
      if (made === undefined) throw new Error('article 0 exists');
      // The anchor as made, then altered one field at a time: only the first may be dropped.
      const variants: Evidence[] = [
        made,
        { ...made, exact: `${made.exact}x` },
        { ...made, prefix: made.prefix.slice(1) },
        { ...made, suffix: `${made.suffix} ` },
        { ...made, sentence: made.sentence + 1 },
      ];
      for (const e of variants) {
        const answer = articles.derives(0, e);
        expect(answer).toBe(expected(articles, 0, e));
        if (answer) derived++;
        else refused++;
      }
    }
  }
  expect(derived).toBeGreaterThan(100);
  expect(refused).toBeGreaterThan(400);
});

test('an anchor of an article that does not exist is not derived', () => {
  const articles = new SnapshotArticles([record('a0', plain)]);
  const made = articles.evidence(0, 0, 3);
  if (made === undefined) throw new Error('article 0 exists');
  expect(articles.derives(0, made)).toBe(true);
  expect(articles.derives(1, made)).toBe(false);
  expect(articles.derives(0, { ...made, start: 0.5 })).toBe(expected(articles, 0, { ...made, start: 0.5 }));
});
