/**
 * The assembly index: what a full build leaves beside its build cache so that the next `newsgraph build` can
 * tell, from file sizes and times alone, whether one article changed since the snapshot it wrote, and then
 * patch that snapshot instead of building again (snapshotPatch.ts). It records the snapshot it describes (path,
 * file identity, body checksum), the builder's fingerprint, `entities.yaml`, every article in publication
 * order (its YAML and text files' identity, the cache key of its check, the text's hash) and three facts about the whole corpus that decide
 * whether relation ids can be renumbered locally and where an added article's relations go. Anything that does not match sends the build the full way.
 *
 * One JSON file per data directory and snapshot file, in the build cache's folder for the directory, replaced
 * atomically.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { threadId } from 'node:worker_threads';

export const ASSEMBLY_INDEX_FORMAT = 'newsgraph-assembly-index';
export const ASSEMBLY_INDEX_VERSION = 3;
const INDEX_PREFIX = 'assembly-index-';

/** A file's identity as git's index keeps it: size, modification and change times (ns), inode. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeNs: string;
  readonly ctimeNs: string;
  readonly ino: string;
}

export interface IndexedArticle {
  readonly id: string;
  readonly published?: string;
  /** Absolute path of the YAML file, and its stamp. */
  readonly yaml: string;
  readonly yamlStamp: FileStamp;
  /** The build cache key of its check (buildCache.ts keyOf). */
  readonly key: string;
  /** Absolute path of the text file, its stamp and SHA-256. */
  readonly text: string;
  readonly textStamp: FileStamp;
  readonly textSha256: string;
}

export interface AssemblyIndex {
  readonly format: typeof ASSEMBLY_INDEX_FORMAT;
  readonly version: number;
  readonly fingerprint: string;
  /** Absolute data directory. */
  readonly dataDir: string;
  /** The snapshot this index describes: absolute path, stamp when written, header's body checksum. */
  readonly snapshot: string;
  readonly snapshotStamp: FileStamp;
  readonly bodySha256: string;
  readonly entities: { readonly stamp: FileStamp; readonly sha256: string };
  /** In publication order: article number i of the snapshot is articles[i]. */
  readonly articles: readonly IndexedArticle[];
  /** True when some article writes a relation id (`id:`): derived ids then depend on them. */
  readonly explicitRelationIds: boolean;
  /** True when some node id contains "--", which makes a relation id's parts ambiguous. */
  readonly ambiguousIds: boolean;
  /** True when some article has `eventUpdates` (role relations of updates then follow every declared one). */
  readonly eventUpdates: boolean;
  /** When the index was written (ns since the epoch): a file changed in the same tick is read, not trusted. */
  readonly writtenAtNs: string;
}

export function stampOf(file: string): FileStamp {
  const s = statSync(file, { bigint: true });
  return { size: Number(s.size), mtimeNs: String(s.mtimeNs), ctimeNs: String(s.ctimeNs), ino: String(s.ino) };
}

export function sameStamp(a: FileStamp, b: FileStamp): boolean {
  return a.size === b.size && a.mtimeNs === b.mtimeNs && a.ctimeNs === b.ctimeNs && a.ino === b.ino;
}

/**
 * True when a file's stamp cannot vouch for its content: changed in the last second before the index was
 * written, a later write in the same clock tick would leave the same time (git's "racily clean" entries).
 */
export function racy(stamp: FileStamp, index: AssemblyIndex): boolean {
  return BigInt(stamp.mtimeNs) >= BigInt(index.writtenAtNs) - 1_000_000_000n || BigInt(stamp.ctimeNs) >= BigInt(index.writtenAtNs) - 1_000_000_000n;
}

export function sha256Hex(bytes: string | Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** One index per snapshot file a data directory is built into (`newsgraph build -o`, `serve --watch`'s own). */
export function indexFile(cacheFolder: string, snapshot: string): string {
  return join(cacheFolder, `${INDEX_PREFIX}${sha256Hex(resolve(snapshot)).slice(0, 16)}.json`);
}

/** The index in `cacheFolder`, or undefined when there is none or it is not one this builder wrote. */
export function readAssemblyIndex(cacheFolder: string, snapshot: string): AssemblyIndex | undefined {
  try {
    const index = JSON.parse(readFileSync(indexFile(cacheFolder, snapshot), 'utf8')) as AssemblyIndex;
    if (index.format !== ASSEMBLY_INDEX_FORMAT || index.version !== ASSEMBLY_INDEX_VERSION || !Array.isArray(index.articles)) return undefined;
    return index;
  } catch {
    return undefined;
  }
}

/** Writes the index atomically (a temporary file renamed); a failure only costs the next build a full one. */
export function writeAssemblyIndex(cacheFolder: string, index: AssemblyIndex): void {
  const file = indexFile(cacheFolder, index.snapshot);
  const temporary = `${file}.${process.pid}.${threadId}.tmp`;
  try {
    writeFileSync(temporary, JSON.stringify(index));
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}

/** Removes the index (before a snapshot it no longer describes is written, or when a build fails). */
export function removeAssemblyIndex(cacheFolder: string, snapshot: string): void {
  rmSync(indexFile(cacheFolder, snapshot), { force: true });
}
