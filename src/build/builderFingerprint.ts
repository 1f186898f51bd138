/**
 * The builder's fingerprint: what a cached article check (buildCache.ts) was made by. It hashes the package
 * version and the code that checks an article, read from the files of this module's own folder and of the
 * vocabulary's (build/ and ontology/, as compiled .js in the package, as .ts under the test runner), plus the
 * two modules they share with the rest (errors, didYouMean). Any change to the builder or the vocabulary, a
 * new predicate, a property, a reworded message, makes another fingerprint, and so misses every cached entry:
 * a stale check is never used, without anyone having to remember to bump a version.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersion } from './paths.js';

/** Bumped when the cache's own layout changes (buildCache.ts). */
export const BUILD_CACHE_FORMAT = 1;

let computed: string | undefined;

/** The fingerprint of this builder (hex SHA-256), computed once per process. */
export function builderFingerprint(): string {
  computed ??= computeFingerprint();
  return computed;
}

function computeFingerprint(): string {
  const here = fileURLToPath(new URL('.', import.meta.url));
  return fingerprintOf(here, extname(fileURLToPath(import.meta.url))); // '.js' in the package, '.ts' under the test runner
}

/** The fingerprint of the builder whose code is in `buildDir` (and its sibling folders), files ending in `extension`. */
export function fingerprintOf(buildDir: string, extension: string): string {
  const hash = createHash('sha256');
  hash.update(`newsgraph-build-cache ${BUILD_CACHE_FORMAT}\n`);
  hash.update(packageVersion());
  const files = [
    ...codeFiles(buildDir, extension),
    ...codeFiles(join(buildDir, '..', 'ontology'), extension),
    ...['errors', 'didYouMean'].map((name) => join(buildDir, '..', `${name}${extension}`)),
  ];
  for (const file of files) {
    hash.update(`\n${relative(buildDir, file)}\n`);
    hash.update(readFileSync(file));
  }
  return hash.digest('hex');
}

function codeFiles(dir: string, extension: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(extension) && !name.endsWith(`.d${extension}`))
    .sort()
    .map((name) => join(dir, name));
}
