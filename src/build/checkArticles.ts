/**
 * Every article's check (articleCheck.ts), the cheapest way there is: from the cache when the article, its
 * text and the builder are unchanged (buildCache.ts), else in worker threads for a corpus (checkPool.ts),
 * else in this thread. Results come back in the order of the input whatever thread made them, so the
 * assembler, and so the graph, cannot tell how they were made.
 */
import { availableParallelism } from 'node:os';
import { dirname, resolve } from 'node:path';
import { checkArticle, sha256Text, type ArticleCheckResult } from './articleCheck.js';
import { cacheable, writeCacheEntry, type BuildCache } from './buildCache.js';
import { BATCH, checkInWorkers } from './checkPool.js';
import { readArticleText } from './inputLimits.js';
import { displayPath } from './paths.js';

/** An article to check; `cacheEntry`: where to keep its check (when there is a cache). */
export interface ArticleInput {
  readonly file: string;
  readonly yamlText: string;
  readonly cacheEntry?: { readonly file: string; readonly key: string };
}

export interface CheckOptions {
  readonly cache?: BuildCache | undefined;
  /**
   * Threads that check articles: 1 checks in this thread only; N also starts N - 1 worker threads. By
   * default os.availableParallelism() when at least WORKERS_FROM articles need checking, else 1.
   */
  readonly threads?: number | undefined;
  /** Told how many checks came from the cache and how many were made. */
  readonly onChecked?: ((counts: CheckCounts) => void) | undefined;
}

export interface CheckCounts {
  readonly fromCache: number;
  readonly checked: number;
  /** The threads that made the checks (1: this thread alone). */
  readonly threads: number;
}

/** Below this many articles to check, starting workers (each loads the builder) costs more than it saves. */
export const WORKERS_FROM = 500;

/** Checks one article and keeps the check in the cache when it can be kept. What a worker runs. */
export function checkAndKeep(input: ArticleInput): ArticleCheckResult {
  const result = checkArticle(input.file, input.yamlText);
  if (input.cacheEntry && cacheable(result.checked)) writeCacheEntry(input.cacheEntry.file, input.cacheEntry.key, result.checked);
  return result;
}

export async function checkArticles(articles: readonly { readonly file: string; readonly yamlText: string }[], options: CheckOptions = {}): Promise<ArticleCheckResult[]> {
  const results: (ArticleCheckResult | undefined)[] = new Array(articles.length);
  const misses: { index: number; input: ArticleInput }[] = [];
  const { cache } = options;
  articles.forEach(({ file, yamlText }, index) => {
    if (!cache) {
      misses.push({ index, input: { file, yamlText } });
      return;
    }
    // Keyed by the absolute path, not the name messages show (relative to the working directory): a build
    // from another directory finds the same entries. A kept check has no problem, so no message names it.
    const key = cache.keyOf(file, yamlText);
    const hit = fromCache(cache, key, file);
    if (hit) results[index] = hit;
    else misses.push({ index, input: { file, yamlText, cacheEntry: { file: cache.entryFile(key), key } } });
  });

  const threads = options.threads ?? (misses.length >= WORKERS_FROM ? availableParallelism() : 1);
  const inputs = misses.map((m) => m.input);
  const used = Math.min(threads, Math.ceil(inputs.length / BATCH));
  const inWorkers = used > 1 ? await checkInWorkers(inputs, used, checkAndKeep) : undefined;
  const checked = inWorkers ?? inputs.map(checkAndKeep);
  misses.forEach(({ index }, i) => {
    results[index] = checked[i];
  });
  cache?.removeUnused();
  options.onChecked?.({ fromCache: articles.length - misses.length, checked: misses.length, threads: inWorkers ? used : 1 });
  return results.map((r, i) => {
    if (r === undefined) throw new Error(`invariant: article ${i} was not checked`);
    return r;
  });
}

/** The kept check of `file`, with its text, when the text the check read is still the text on disk. */
function fromCache(cache: BuildCache, key: string, file: string): ArticleCheckResult | undefined {
  const checked = cache.read(key);
  if (checked?.textFile === undefined) return undefined;
  try {
    const read = readArticleText(resolve(dirname(file), checked.textFile));
    if ('problem' in read || sha256Text(read.text) !== checked.textSha256) return undefined;
    return { checked: { ...checked, file: displayPath(file) }, text: read.text };
  } catch {
    return undefined;
  }
}
