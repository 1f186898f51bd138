/**
 * The extraction development set (tests/fixtures/extraction): texts, hand-checked gold encodings, and the
 * known-actor corpus (base/) a draft starts from. `draftDirectory` runs the real extractor over every text
 * of a set into a fresh copy of base/.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { extractIntoDirectory } from '../../src/extract/index.js';
import { FIXTURES, copyData } from '../utils/fixtures.js';

export const EXTRACTION = join(FIXTURES, 'extraction');
export const BASE = join(EXTRACTION, 'base');
export const DEV_TEXTS = join(EXTRACTION, 'texts');
export const DEV_GOLD = join(EXTRACTION, 'gold');
export const HELDOUT_TEXTS = join(EXTRACTION, 'heldout-texts');
export const HELDOUT_GOLD = join(EXTRACTION, 'heldout');
export const UNSEEN_TEXTS = join(EXTRACTION, 'unseen-texts');
export const UNSEEN_GOLD = join(EXTRACTION, 'unseen');
/** Six articles whose gold was written by hand before the extractor ran on them; measured, never tuned on. */
export const BLIND_TEXTS = join(EXTRACTION, 'blind-texts');
export const BLIND_GOLD = join(EXTRACTION, 'blind');

export function textsOf(dir: string): { id: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ id: basename(f, '.txt'), text: readFileSync(join(dir, f), 'utf8') }));
}

/** A copy of base/ with every text of `textsDir` drafted into it. */
export async function draftDirectory(textsDir: string): Promise<string> {
  const dir = copyData(BASE);
  for (const { id, text } of textsOf(textsDir)) await extractIntoDirectory(dir, text, { id, title: id, published: '2025-06-01' });
  return dir;
}
