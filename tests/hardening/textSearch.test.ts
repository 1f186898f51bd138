import { describe, expect, it } from '@jest/globals';
import { OccurrenceIndex } from '../../src/build/occurrenceIndex.js';
import { closestPassage, HINT_PATTERN_UNITS } from '../../src/build/textDistance.js';
import { anchorQuote } from '../../src/build/anchor.js';
import { CodePointIndex } from '../../src/build/codePoints.js';
import { splitSentences } from '../../src/build/sentences.js';
import { suggestions, MAX_SUGGESTED_INPUT } from '../../src/didYouMean.js';

/** A seeded generator, so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function scan(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

function article(text: string) {
  return { id: 'a', text, index: new CodePointIndex(text), sentences: splitSentences(text) };
}

describe('the occurrence index finds what a scan finds', () => {
  it('on random texts over a small alphabet, for every length of quote', () => {
    const next = random(11);
    const alphabet = ['a', 'b', ' ', '’', '😀'];
    for (let round = 0; round < 20; round++) {
      const text = Array.from({ length: 2000 }, () => alphabet[Math.floor(next() * alphabet.length)]).join('');
      const index = new OccurrenceIndex(text);
      for (let q = 0; q < 50; q++) {
        const at = Math.floor(next() * text.length);
        const exact = text.slice(at, at + 1 + Math.floor(next() * 12));
        expect(index.find(exact)).toEqual(scan(text, exact));
      }
      expect(index.find('zzzz')).toEqual([]);
    }
  });
});

describe('the closest passage', () => {
  it('shows the passage a typo meant', () => {
    const text = 'Berg rejected the plan on Monday. Others agreed.';
    const found = closestPassage(text, 'Berg rejectd the plan');
    expect(text.slice(found?.start, found?.end)).toBe('Berg rejected the plan');
    expect(found?.distance).toBe(1);
  });

  it('is found in a long article around the words of a long quote, matched by its start', () => {
    const filler = Array.from({ length: 20_000 }, (_, i) => `Filler sentence number ${i} says nothing.`).join(' ');
    const meant = 'The minister said that the negotiations would resume in Geneva next week, after the holidays.';
    const text = `${filler} ${meant} ${filler}`;
    const quote = `${meant.replace('resume', 'resumed')} ${'and more words that the article never had '.repeat(10)}`;
    const found = closestPassage(text, quote);
    expect(found?.partial).toBe(quote.length > HINT_PATTERN_UNITS);
    expect(text.slice(found?.start, found?.end)).toContain('negotiations would resume in Geneva');
  });
});

describe('the quote hint names a typographic difference', () => {
  it('’ vs \', “ vs " and – vs -', () => {
    const text = 'Zelensky said: “Ukraine’s position is clear – no recognition.” Then he left.';
    const result = anchorQuote(article(text), { exact: '"Ukraine\'s position is clear - no recognition."' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.code).toBe('QUOTE_NOT_VERBATIM');
    expect(result.message).toContain("’ vs '");
    expect(result.message).toContain('“ vs "');
    expect(result.message).toContain('– vs -');
    expect(result.message).toContain('”');
  });
});

describe('did you mean is bounded by its input', () => {
  it('suggests near names, and nothing for an argument of kilobytes', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `entity-${i}`).concat(['donald-trump']);
    expect(suggestions('donald-trunp', ids)).toEqual(['donald-trump']);
    expect(suggestions('x'.repeat(MAX_SUGGESTED_INPUT + 1), ids)).toEqual([]);
    expect(suggestions(`donald-trump${'x'.repeat(90_000)}`, ids)).toEqual([]);
  });
});
