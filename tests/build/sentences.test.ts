import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { splitSentences } from '../../src/build/index.js';
import { SEED_DATA } from '../utils/fixtures.js';

const sentencesOf = (text: string) => {
  const points = Array.from(text);
  return splitSentences(text).map((s) => points.slice(s.start, s.end).join(''));
};

test('the seed article has 17 sentences, and "U.S." ends none of them', () => {
  const text = readFileSync(join(SEED_DATA, 'articles', 'ukraine-peace-talks-2025-04.txt'), 'utf8');
  const sentences = sentencesOf(text);
  expect(sentences).toHaveLength(17);
  for (const s of sentences) {
    expect(s).toMatch(/[.!?]$/u);
    expect(s).not.toMatch(/U\.S\.$/u);
  }
  expect(sentences.filter((s) => s.includes('U.S.'))).toHaveLength(3);
});

test.each([
  ['Talks resumed. They failed.', ['Talks resumed.', 'They failed.']],
  ['The U.S. President spoke. Then he left.', ['The U.S. President spoke.', 'Then he left.']],
  ['Mr. Lind met Dr. Berg. It went well!', ['Mr. Lind met Dr. Berg.', 'It went well!']],
  ['He said: "It is over." She disagreed.', ['He said: "It is over."', 'She disagreed.']],
  ['A 3.5 percent rise. Really?', ['A 3.5 percent rise.', 'Really?']],
  ['A headline\nThe body begins here.', ['A headline', 'The body begins here.']],
  ['John F. Kennedy spoke in Jan. 1961 there.', ['John F. Kennedy spoke in Jan. 1961 there.']],
])('%j', (text, expected) => {
  expect(sentencesOf(text)).toEqual(expected);
});
