/**
 * What changed in a data directory since the build the assembly index describes (assemblyIndex.ts), told from
 * file stamps as git's index tells it: every YAML and text file is stat'ed, and only a file whose stamp
 * differs (or is racily recent) is read, its content hash deciding. The answer is "nothing", "this one
 * article", "these articles were added" (or "deleted", every other one unchanged), or "build the full way"
 * with the reason; never a guess.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { builderFingerprint } from './builderFingerprint.js';
import type { BuildCache } from './buildCache.js';
import { racy, sameStamp, sha256Hex, stampOf, type AssemblyIndex, type FileStamp } from './assemblyIndex.js';
import { LAYER_FILE } from './layers.js';
import { ARTICLES_DIR, ENTITIES_FILE } from './loadSources.js';
import { readRegularFile } from './inputLimits.js';

export type DetectedEdit =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'one'; readonly position: number; readonly yamlText: string }
  /** New article files (absolute YAML paths, sorted), every other article unchanged. */
  | { readonly kind: 'added'; readonly files: readonly { readonly yaml: string; readonly yamlText: string }[] }
  /** Articles whose YAML file is gone (their numbers), every other article unchanged. */
  | { readonly kind: 'deleted'; readonly positions: readonly number[] }
  | { readonly kind: 'full'; readonly reason: string };

/** At most this many articles added (or deleted) are patched in, one after the other; more build in full. */
export const MAX_PATCHED_ARTICLES = 8;

function full(reason: string): DetectedEdit {
  return { kind: 'full', reason };
}

/** The stamp of `file`, or undefined when it cannot be stat'ed. */
function stampOrNothing(file: string): FileStamp | undefined {
  try {
    return stampOf(file);
  } catch {
    return undefined;
  }
}

/** True when the file's content is what the index says (by stamp, or by hash when the stamp cannot vouch). */
function unchanged(file: string, indexed: FileStamp, sha256: string | undefined, index: AssemblyIndex): boolean {
  const now = stampOrNothing(file);
  if (now === undefined) return false;
  if (sameStamp(now, indexed) && !racy(now, index)) return true;
  if (sha256 === undefined) return false;
  try {
    return sha256Hex(readRegularFile(file)) === sha256;
  } catch {
    return false;
  }
}

export function detectEdit(index: AssemblyIndex, dataDir: string, snapshotFile: string, cache: BuildCache): DetectedEdit {
  const root = resolve(dataDir);
  if (index.fingerprint !== builderFingerprint()) return full('the builder changed');
  if (index.dataDir !== root) return full('the index is for another data directory');
  if (index.snapshot !== resolve(snapshotFile)) return full('the last build wrote another snapshot file');
  const snapshotStamp = stampOrNothing(index.snapshot);
  if (snapshotStamp === undefined || !sameStamp(snapshotStamp, index.snapshotStamp)) return full('the snapshot is not the one the last build wrote');
  if (stampOrNothing(join(root, LAYER_FILE)) !== undefined) return full(`${LAYER_FILE} layers this directory on others`);
  if (!unchanged(join(root, ENTITIES_FILE), index.entities.stamp, index.entities.sha256, index)) return full(`${ENTITIES_FILE} changed`);

  let names: string[];
  try {
    names = readdirSync(join(root, ARTICLES_DIR)).filter((n) => n.endsWith('.yaml') || n.endsWith('.yml'));
  } catch {
    return full('the articles folder cannot be listed');
  }
  const indexed = new Set(index.articles.map((a) => a.yaml));
  const present = new Set(names.map((name) => join(root, ARTICLES_DIR, name)));
  const added = [...present].filter((file) => !indexed.has(file)).sort();
  const deleted: number[] = [];
  index.articles.forEach((a, position) => {
    if (!present.has(a.yaml)) deleted.push(position);
  });
  if (added.length > 0 && deleted.length > 0) return full(`articles were added and deleted at once (the patch takes additions, or deletions)`);
  if (added.length > MAX_PATCHED_ARTICLES || deleted.length > MAX_PATCHED_ARTICLES) {
    return full(`${Math.max(added.length, deleted.length)} articles were ${added.length > 0 ? 'added' : 'deleted'} (the patch takes up to ${MAX_PATCHED_ARTICLES} at once)`);
  }
  const gone = new Set(deleted);

  const changed: { position: number; yamlText: string }[] = [];
  for (let position = 0; position < index.articles.length; position++) {
    const article = index.articles[position];
    if (article === undefined || gone.has(position)) continue;
    const yamlStamp = stampOrNothing(article.yaml);
    if (yamlStamp === undefined) return full(`${article.yaml} cannot be read`);
    let yamlText: string | undefined;
    if (!sameStamp(yamlStamp, article.yamlStamp) || racy(yamlStamp, index)) {
      try {
        yamlText = readRegularFile(article.yaml, 'utf8');
      } catch {
        return full(`${article.yaml} cannot be read`);
      }
      if (cache.keyOf(article.yaml, yamlText) === article.key) yamlText = undefined;
    }
    const textUnchanged = unchanged(article.text, article.textStamp, article.textSha256, index);
    if (yamlText === undefined && textUnchanged) continue;
    if (yamlText === undefined) {
      try {
        yamlText = readRegularFile(article.yaml, 'utf8');
      } catch {
        return full(`${article.yaml} cannot be read`);
      }
    }
    changed.push({ position, yamlText });
    if (changed.length > 1) return full('more than one article changed');
    if (added.length + deleted.length > 0) return full(`an article was ${added.length > 0 ? 'added' : 'deleted'} and another changed (the patch takes one kind of change at a time)`);
  }
  if (added.length > 0) {
    const files: { yaml: string; yamlText: string }[] = [];
    for (const yaml of added) {
      try {
        files.push({ yaml, yamlText: readRegularFile(yaml, 'utf8') });
      } catch {
        return full(`${yaml} cannot be read`);
      }
    }
    return { kind: 'added', files };
  }
  if (deleted.length > 0) return { kind: 'deleted', positions: deleted };
  const [one] = changed;
  return one === undefined ? { kind: 'unchanged' } : { kind: 'one', ...one };
}
