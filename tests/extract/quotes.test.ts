/**
 * Quotes the extractor computes (src/extract/quotes.ts): the builder's own anchoring puts each at its own occurrence,
 * whatever repeats in the article; a passage repeated whole is left ambiguous for the builder to refuse (the draft then
 * drops that fact) instead of failing the command; and the drafts of articles that repeat a paragraph validate.
 */
import { describe, expect, test } from '@jest/globals';
import { createRandom } from '../../bench/corpus/random.mjs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { anchorQuote } from '../../src/build/anchor.js';
import { CodePointIndex } from '../../src/build/codePoints.js';
import { splitSentences, validateData } from '../../src/build/index.js';
import type { QuoteSource } from '../../src/build/sourceModel.js';
import { extractIntoDirectory } from '../../src/extract/index.js';
import { MAX_CONTEXT_CHARS, quoteAt } from '../../src/extract/quotes.js';
import { FIXTURES, copyData, removeDir } from '../utils/fixtures.js';
import { BASE } from './devSet.js';

/**
 * Where the builder anchors the quote (build/anchor.ts, the code that reads drafts): the one place it picks, or `null`
 * when the quote stays ambiguous. The texts here are ASCII, so code points and UTF-16 offsets agree.
 */
function anchoredAt(text: string, quote: QuoteSource): number | null {
  const article = { id: 'a', text, index: new CodePointIndex(text), sentences: splitSentences(text) };
  const result = anchorQuote(article, typeof quote === 'string' ? { exact: quote } : quote);
  if (result.ok) return result.evidence.start;
  expect(result.code).toBe('AMBIGUOUS_QUOTE');
  return null;
}

describe('quoteAt', () => {
  test('in texts of few words and many repeats, every quote picks its own place, or is left ambiguous only when nothing within the bound can', () => {
    const next = createRandom(7).next;
    const words = ['Russia', 'met', 'Ukraine', 'in', 'Geneva', 'and', 'said', 'talks'];
    let ambiguous = 0;
    for (let round = 0; round < 40; round++) {
      const paragraph = Array.from({ length: 30 }, () => words[Math.floor(next() * words.length)]).join(' ');
      // Paragraphs repeated at the start and later, or three times over (whose middle one nothing tells apart).
      const other = Array.from({ length: 20 }, () => words[Math.floor(next() * words.length)]).join(' ');
      const text = (round % 2 === 0 ? [paragraph, other, paragraph, paragraph.slice(40)] : [paragraph, paragraph, paragraph]).join('. ');
      for (let q = 0; q < 25; q++) {
        const start = Math.floor(next() * (text.length - 12));
        const end = start + 1 + Math.floor(next() * 12);
        const quote = quoteAt(text, start, end);
        const at = anchoredAt(text, quote);
        if (at !== null) expect(at).toBe(start);
        else {
          // Left ambiguous: no prefix nor suffix within the bound (or the text's ends) tells the places apart.
          expect(quote).toBe(text.slice(start, end));
          ambiguous++;
        }
      }
    }
    expect(ambiguous).toBeGreaterThan(0); // the case was met, not only the easy ones
  });

  test('a quote in a paragraph printed at the start and again at the end: the first gets a suffix, the second a prefix', () => {
    const paragraph = 'Qatar and Egypt presented a new ceasefire proposal for Gaza on Monday.';
    const text = `${paragraph}\nIsrael has not endorsed it.\n${paragraph}\n`;
    const first = quoteAt(text, text.indexOf('a new ceasefire'), text.indexOf('a new ceasefire') + 'a new ceasefire proposal'.length);
    const second = quoteAt(text, text.lastIndexOf('a new ceasefire'), text.lastIndexOf('a new ceasefire') + 'a new ceasefire proposal'.length);
    expect(typeof first !== 'string' && first.suffix !== undefined && first.prefix === undefined).toBe(true);
    expect(typeof second !== 'string' && second.prefix !== undefined).toBe(true);
    expect(anchoredAt(text, first)).toBe(text.indexOf('a new ceasefire'));
    expect(anchoredAt(text, second)).toBe(text.lastIndexOf('a new ceasefire'));
  });

  test('a context longer than the bound is not searched: a repeat of more than MAX_CONTEXT_CHARS each side stays ambiguous', () => {
    const block = 'x '.repeat(MAX_CONTEXT_CHARS);
    const text = `${block}Russia met Ukraine ${block}|${block}Russia met Ukraine ${block}`;
    const at = text.indexOf('Russia met');
    expect(quoteAt(text, at, at + 'Russia met'.length)).toBe('Russia met');
  });
});

describe('drafts of articles that repeat themselves', () => {
  test('the first paragraph printed again at the end (a live page\'s summary): drafted, and the directory still validates', async () => {
    const text = readFileSync(join(FIXTURES, 'extraction', 'texts', 'gaza-ceasefire-talks.txt'), 'utf8');
    const first = text.split('\n').find((line) => line.trim() !== '') ?? '';
    const copy = copyData(BASE);
    try {
      // Before: "no context picks the quote at 15", and nothing was written.
      const result = await extractIntoDirectory(copy, `${text.trimEnd()}\n\n${first}\n`, { id: 'repeated-summary', title: 't' });
      expect(result.draft.article.relations?.length).toBeGreaterThan(0);
      expect(await validateData(copy)).toEqual([]);
    } finally {
      removeDir(copy);
    }
  });
});
