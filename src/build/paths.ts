/**
 * Where things are: the package's own data/ (the seed article) and version, and how file names are shown to people.
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: this module is two levels below it, as src/build/paths.ts and as dist/build/paths.js. */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The package's version (package.json), or 'unknown' when the file cannot be read. */
export function packageVersion(): string {
  try {
    const { version } = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version?: unknown };
    return String(version);
  } catch {
    return 'unknown';
  }
}

/** The data directory shipped with the package: the seed article and its encoding. */
export function defaultDataDir(): string {
  return resolve(PACKAGE_ROOT, 'data');
}

/** A path as people want it in messages: relative to the working directory when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}
