/**
 * What the extractor reads, bounded: an empty text, or one over MAX_DRAFT_CHARS, is refused before anything is drafted or written, and
 * a sentence over MAX_DRAFT_SENTENCE_CHARS is left undrafted and listed while the rest of the article is drafted.
 */
import { describe, expect, test } from '@jest/globals';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { validateData } from '../../src/build/index.js';
import { NewsgraphError } from '../../src/errors.js';
import { draftArticle, extractIntoDirectory, MAX_DRAFT_CHARS, MAX_DRAFT_SENTENCE_CHARS } from '../../src/extract/index.js';
import { copyData, removeDir } from '../utils/fixtures.js';
import { BASE } from './devSet.js';

const known = [
  { id: 'russia', kind: 'GOVERNMENT' as const, name: 'Russia' },
  { id: 'ukraine', kind: 'GOVERNMENT' as const, name: 'Ukraine' },
];

describe('the extractor\'s bounds', () => {
  test('a text over the limit is refused with its length, the limit and what to do; nothing is written', async () => {
    const copy = copyData(BASE);
    try {
      const text = `${'Russia criticized Ukraine on Monday. '.repeat(Math.ceil(MAX_DRAFT_CHARS / 37))}`;
      expect(text.length).toBeGreaterThan(MAX_DRAFT_CHARS);
      const attempt = extractIntoDirectory(copy, text, { id: 'too-long', title: 't' });
      await expect(attempt).rejects.toThrow(NewsgraphError);
      await expect(attempt).rejects.toThrow(/has [\d,]+ characters; newsgraph extract drafts at most 200,000 .* Split it into articles/u);
      expect(existsSync(join(copy, 'articles', 'too-long.yaml'))).toBe(false);
      expect(existsSync(join(copy, 'articles', 'too-long.txt'))).toBe(false);
      expect(await validateData(copy)).toEqual([]);
    } finally {
      removeDir(copy);
    }
  });

  test('an empty text (or only white space) is refused; nothing is written', async () => {
    const copy = copyData(BASE);
    try {
      for (const text of ['', ' \n\t\n']) {
        await expect(extractIntoDirectory(copy, text, { id: 'empty', title: 't' })).rejects.toThrow(/the text is empty .* nothing to draft/u);
      }
      expect(existsSync(join(copy, 'articles', 'empty.yaml'))).toBe(false);
      expect(existsSync(join(copy, 'articles', 'empty.txt'))).toBe(false);
    } finally {
      removeDir(copy);
    }
  });

  test('a sentence over the limit is listed and not read; the sentences around it are drafted', () => {
    const runOn = `Russia criticized Ukraine ${'and said the talks would go on '.repeat(Math.ceil(MAX_DRAFT_SENTENCE_CHARS / 31))}today.`;
    expect(runOn.length).toBeGreaterThan(MAX_DRAFT_SENTENCE_CHARS);
    const text = `Russia criticized Ukraine on Monday. ${runOn} Ukraine criticized Russia on Tuesday.`;
    const draft = draftArticle(text, { id: 'a', title: 'A' }, known);
    expect(draft.longSentences).toEqual([1]);
    const criticisms = (draft.article.relations ?? []).filter((r) => r.predicate === 'CRITICIZED').map((r) => `${r.subject}>${r.object}`);
    expect(criticisms.sort()).toEqual(['russia>ukraine', 'ukraine>russia']);
    // Nothing drafted quotes the run-on sentence.
    const quotes = (draft.article.relations ?? []).map((r) => JSON.stringify(r.evidence));
    expect(quotes.some((q) => q.includes('and said the talks'))).toBe(false);
    // Just under the limit, the same sentence is read.
    const shorter = `Russia criticized Ukraine ${'and said the talks would go on '.repeat(Math.floor((MAX_DRAFT_SENTENCE_CHARS - 40) / 31))}today.`;
    expect(draftArticle(shorter, { id: 'b', title: 'B' }, known).longSentences).toEqual([]);
  });
});
