/**
 * Generated corpora for the serving tests: written by the real generator (bench/corpus) into a temporary
 * directory, once per size and seed within a test file.
 */
import { join } from 'node:path';
import { generateCorpus } from '../../bench/corpus/generate.mjs';
import { tempDir } from '../utils/fixtures.js';

const made = new Map<string, string>();

/** A data directory of `articles` generated articles (seed `seed`). */
export function generatedCorpus(articles: number, seed: string | number = 1): string {
  const key = `${articles}/${seed}`;
  let dir = made.get(key);
  if (dir === undefined) {
    dir = join(tempDir('newsgraph-corpus-'), 'data');
    generateCorpus({ articles, seed, out: dir });
    made.set(key, dir);
  }
  return dir;
}
