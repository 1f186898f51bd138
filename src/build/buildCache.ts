/**
 * The incremental build's cache: each article's check (articleCheck.ts: parsed, schema- and vocabulary-
 * checked, sentences split, quotes anchored), kept between builds and keyed by content hashes, so that a
 * rebuild after one edit parses and checks one article and only assembles the rest.
 *
 * - Key: SHA-256 of the builder's fingerprint (builderFingerprint.ts: the package version and the code of the
 *   builder and the vocabulary), the YAML file's absolute path, and the YAML text. The entry also
 *   names the text file the YAML points to and the SHA-256 of that text: a hit is used only when the text
 *   read now has that hash. An article's check depends on nothing else: the shared entities and the other
 *   articles are read by the assembler at every build, so editing entities.yaml invalidates nothing here and
 *   still gives the graph a full build gives.
 * - Only checks without problems are kept (a file with a problem is checked again at each build, and its
 *   problems are reported afresh with their FILE:LINE:COL).
 * - Safe: an entry is a magic line, a header with its key and the SHA-256 of its body, and the body (JSON).
 *   Anything that is not exactly that (another format, a truncated or altered file, another key) is ignored
 *   and the article is checked again. Entries are written to a temporary name and renamed, so a reader never
 *   sees half of one; they are not flushed to disk, since a lost entry only costs a check.
 * - Where: one folder per data directory (by the hash of its absolute path) under the cache root, by default
 *   the user's cache folder (`$XDG_CACHE_HOME/newsgraph` or `~/.cache/newsgraph`; `NEWSGRAPH_CACHE_DIR`
 *   overrides it). After a build, the entries it did not use (deleted or edited articles) are removed.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';
import type { CheckedArticle } from './articleCheck.js';
import { BUILD_CACHE_FORMAT, builderFingerprint } from './builderFingerprint.js';

const MAGIC = 'NEWSGRAPH-BUILD-CACHE';
const ENTRY_SUFFIX = '.entry';
/** A temporary file older than this is a dead writer's; younger ones may belong to a build running now. */
const STALE_TEMPORARY_MS = 60 * 60 * 1000;

/** The default cache root: `NEWSGRAPH_CACHE_DIR`, else the platform's user cache folder + `newsgraph`. */
export function defaultCacheDir(): string {
  const explicit = process.env['NEWSGRAPH_CACHE_DIR'];
  if (explicit !== undefined && explicit !== '') return resolve(explicit);
  const xdg = process.env['XDG_CACHE_HOME'];
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, 'newsgraph');
  if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'newsgraph');
  if (process.platform === 'win32') return join(process.env['LOCALAPPDATA'] ?? join(homedir(), 'AppData', 'Local'), 'newsgraph', 'Cache');
  return join(homedir(), '.cache', 'newsgraph');
}

export class BuildCache {
  private readonly used = new Set<string>();

  private constructor(
    /** This data directory's folder of entries. */
    readonly dir: string,
  ) {}

  /** The cache of `dataDir`'s checks under `root`; undefined when the folder cannot be made (the build then runs without). */
  static open(root: string, dataDir: string): BuildCache | undefined {
    const dir = join(resolve(root), createHash('sha256').update(resolve(dataDir)).digest('hex').slice(0, 16));
    try {
      mkdirSync(dir, { recursive: true });
      // The Cache Directory Tagging convention: backup tools skip this folder.
      const tag = join(resolve(root), 'CACHEDIR.TAG');
      if (!exists(tag)) writeFileSync(tag, 'Signature: 8a477f597d28d172789f06886806bc55\n# newsgraph build cache: safe to delete (newsgraph build --no-cache builds without it).\n');
      return new BuildCache(dir);
    } catch {
      return undefined;
    }
  }

  /** The key of an article's check: its YAML file (absolute path) and text, under this builder. */
  keyOf(file: string, yamlText: string): string {
    return createHash('sha256').update(builderFingerprint()).update('\0').update(file).update('\0').update(yamlText).digest('hex');
  }

  entryFile(key: string): string {
    return join(this.dir, `${key}${ENTRY_SUFFIX}`);
  }

  /** The check kept under `key`, or undefined when there is none, or it is not whole and valid. Marks the key used. */
  read(key: string): CheckedArticle | undefined {
    this.used.add(key);
    let content: Buffer;
    try {
      content = readFileSync(this.entryFile(key));
    } catch {
      return undefined;
    }
    return parseEntry(content, key);
  }

  /** Removes the entries this build did not use, and temporary files that dead writers left. */
  removeUnused(): void {
    let names: string[];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    const now = Date.now();
    for (const name of names) {
      const file = join(this.dir, name);
      try {
        if (name.endsWith(ENTRY_SUFFIX)) {
          if (!this.used.has(name.slice(0, -ENTRY_SUFFIX.length))) rmSync(file, { force: true });
        } else if (name.endsWith('.tmp') && now - statSync(file).mtimeMs > STALE_TEMPORARY_MS) {
          rmSync(file, { force: true });
        }
      } catch {
        // Another build removed it first.
      }
    }
  }
}

/** True when a check can be kept: no problem (see the module comment), and everything a hit needs. */
export function cacheable(checked: CheckedArticle): boolean {
  return checked.problems.length === 0 && !checked.excused.unreadable && checked.textSha256 !== undefined;
}

/** Writes the entry for `checked` under `key` (no-op when it cannot: the cache is only a saving). */
export function writeCacheEntry(file: string, key: string, checked: CheckedArticle): void {
  const body = JSON.stringify(checked);
  // JSON writes .inf and .nan of the YAML as null: an article with one is not kept (it is checked at each
  // build). Looked for only when the body has a null at all, which generated and typical data do not.
  if (body.includes('null') && hasNonFinite(checked.data)) return;
  const header = JSON.stringify({ format: BUILD_CACHE_FORMAT, key, bodySha256: createHash('sha256').update(body).digest('hex') });
  const temporary = `${file}.${process.pid}.${threadId}.tmp`;
  try {
    writeFileSync(temporary, `${MAGIC}\n${header}\n${body}`);
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}

function hasNonFinite(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value);
  if (value === null || typeof value !== 'object') return false;
  return Object.values(value).some(hasNonFinite);
}

/** The check in an entry's bytes; its body's checksum is taken over the bytes as read (no decoding first). */
function parseEntry(bytes: Buffer, key: string): CheckedArticle | undefined {
  const first = bytes.indexOf(10);
  const second = first < 0 ? -1 : bytes.indexOf(10, first + 1);
  if (second < 0 || bytes.toString('latin1', 0, first) !== MAGIC) return undefined;
  try {
    const header = JSON.parse(bytes.toString('utf8', first + 1, second)) as { format?: unknown; key?: unknown; bodySha256?: unknown };
    if (header.format !== BUILD_CACHE_FORMAT || header.key !== key) return undefined;
    const body = bytes.subarray(second + 1);
    if (createHash('sha256').update(body).digest('hex') !== header.bodySha256) return undefined;
    const checked = JSON.parse(body.toString('utf8')) as CheckedArticle;
    return looksChecked(checked) ? checked : undefined;
  } catch {
    return undefined;
  }
}

/** The shape a kept check has (the checksum vouches for the bytes; this, for a writer of this format). */
function looksChecked(value: CheckedArticle): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof value.file === 'string' &&
    Array.isArray(value.problems) &&
    value.problems.length === 0 &&
    typeof value.data === 'object' &&
    typeof value.textFile === 'string' &&
    typeof value.textSha256 === 'string' &&
    Array.isArray(value.sentences) &&
    typeof value.anchors === 'object' &&
    value.anchors !== null
  );
}

function exists(file: string): boolean {
  try {
    statSync(file);
    return true;
  } catch {
    return false;
  }
}
