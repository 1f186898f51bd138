/**
 * Exports too large for the response cache (more than half of it), kept on disk per snapshot and options, so that
 * asking for one again costs a file read, not a rebuild (a whole-corpus Turtle export at 10,000 articles is minutes
 * of work). One file per export: a header line (JSON: the cache key, snapshot id, ETag, length, headers) then the
 * body, written to a temporary sibling and renamed when whole and flushed, so that a file under its final name is
 * always whole; a file whose size is not its header's length (or any temporary file, left by a process that died
 * mid-write) is deleted, never served.
 *
 * An export is written here as it is built (`begin`), once it has outgrown what the server holds in memory: its head
 * line is reserved first (padded with spaces, which JSON allows) and written over once the ETag and length are known,
 * so that the body never has to be held whole, nor copied (the in-memory server's N-Triples of 10,000 articles is
 * 2.3 GB; held as parts, it took the server from 0.6 GB to 3.3 GB resident).
 *
 * Bounded: at most `maxBytes` in all and `maxEntries` files, least recently used out first, so that a stream of
 * distinct filters (each a new large export) cannot fill the disk; an export larger than the whole bound is not kept
 * (written all the same while it is built, it is sent from its temporary file, which the next export written, a
 * change of snapshot or `close` deletes).
 * Entries of another snapshot are never served (the snapshot id is part of the key) and are deleted as soon as a
 * request for a new snapshot comes. The directory is the server's: given, it is kept (and what it holds for the
 * snapshot served is used after a restart); not given, a fresh private one under the OS temporary directory is made
 * on first use and removed on close.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, rename, rm, stat, unlink } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { notModified } from './responseCache.js';

/** @default 2 GiB */
export const DEFAULT_EXPORT_CACHE_BYTES = 2 * 1024 ** 3;
/** @default 64 */
export const DEFAULT_EXPORT_CACHE_ENTRIES = 64;

export interface ExportDiskCacheOptions {
  /** Where the files go; kept across restarts. @default a fresh directory under the OS temporary directory, removed on close */
  readonly dir?: string;
  /** Bytes of all files together. @default DEFAULT_EXPORT_CACHE_BYTES */
  readonly maxBytes?: number;
  /** Files at most. @default DEFAULT_EXPORT_CACHE_ENTRIES */
  readonly maxEntries?: number;
}

/** What is kept of an export besides its body: enough to answer as the response cache does. */
export interface StoredExportHead {
  readonly key: string;
  readonly snapshotId: string;
  readonly etag: string;
  readonly length: number;
  /** Headers to replay (content-type, content-disposition, ...), without content-length and etag. */
  readonly headers: readonly (readonly [string, string])[];
}

/** An export on disk: its header and where its body is. */
export interface StoredExport {
  readonly head: StoredExportHead;
  readonly path: string;
  /** Bytes on disk: the header line and the body. */
  readonly size: number;
  /** Where the body starts in the file. */
  readonly offset: number;
}

/** An export's file while the export is built (ExportDiskCache.begin). */
export interface ExportFile {
  /** Appends to the body (written in the background, in order of the calls). */
  write(bytes: Uint8Array): void;
  /** Resolves once no more than MAX_QUEUED_BYTES wait to be written. @throws the error of a write that failed */
  drained(): Promise<void>;
  /**
   * Writes the head line over its reserved place, flushes, and puts the file under its final name within the bounds;
   * one over them, or of a snapshot no longer served, is left where it is to be sent once (see above).
   * @throws when a write failed, or when `length` is not the bytes written; the file is then deleted.
   */
  finish(etag: string, length: number): Promise<StoredExport>;
  /** Deletes what was written: the build failed or was abandoned. */
  abort(): Promise<void>;
}

/** What a build may have written but not yet on disk (the response's own backpressure, for a file). */
const MAX_QUEUED_BYTES = 8 * 1024 * 1024;

/** Room kept in the head line for the ETag and length, unknown while the body is written. */
const HEAD_ROOM = 128;

const FORMAT = 'newsgraph-export-cache 1 ';
const FILE_SUFFIX = '.export';
const TEMPORARY_PREFIX = '.partial-';
/** A header line longer than this is not one of ours (the key of 2,000 ids fits). */
const MAX_HEADER_BYTES = 1024 * 1024;

function fileName(key: string): string {
  return `${createHash('sha256').update(key).digest('hex')}${FILE_SUFFIX}`;
}

/** A file's head line, without its line break (and the spaces that may pad it). */
function headLine(head: StoredExportHead): string {
  return `${FORMAT}${JSON.stringify(head)}`;
}

function isHead(value: unknown): value is StoredExportHead {
  const head = value as Partial<StoredExportHead> | null;
  return (
    typeof head === 'object' && head !== null && typeof head.key === 'string' && typeof head.snapshotId === 'string' && typeof head.etag === 'string' &&
    typeof head.length === 'number' && Number.isSafeInteger(head.length) && Array.isArray(head.headers) &&
    head.headers.every((h) => Array.isArray(h) && h.length === 2 && typeof h[0] === 'string' && typeof h[1] === 'string')
  );
}

export class ExportDiskCache {
  readonly maxBytes: number;
  readonly maxEntries: number;
  private readonly givenDir: string | undefined;
  private dir: Promise<string> | undefined;
  /** By file path, least recently used first (Map order). */
  private readonly entries = new Map<string, StoredExport>();
  private bytes = 0;
  private snapshotId: string | undefined;
  private closed = false;
  /** Files written but not kept (ExportFile.finish), deleted at the next one, a change of snapshot or close. */
  private readonly unkept: string[] = [];

  constructor(options: ExportDiskCacheOptions = {}) {
    this.givenDir = options.dir;
    this.maxBytes = options.maxBytes ?? DEFAULT_EXPORT_CACHE_BYTES;
    this.maxEntries = options.maxEntries ?? DEFAULT_EXPORT_CACHE_ENTRIES;
  }

  /** What the cache holds now (for tests and logs). */
  stats(): { readonly entries: number; readonly bytes: number; readonly dir: string | undefined } {
    return { entries: this.entries.size, bytes: this.bytes, dir: this.givenDir };
  }

  /** The directory, made (and, when given, read: whole files kept, partial ones deleted) on first use. */
  directory(): Promise<string> {
    this.dir ??= this.givenDir === undefined ? mkdtemp(join(tmpdir(), 'newsgraph-exports-')) : this.adopt(this.givenDir);
    return this.dir;
  }

  /** The stored export of `key`, or undefined; a hit counts as a use. Entries of another snapshot go first. */
  async get(snapshotId: string, key: string): Promise<StoredExport | undefined> {
    const dir = await this.directory();
    await this.serving(snapshotId);
    const path = join(dir, fileName(key));
    const entry = this.entries.get(path);
    if (entry === undefined || entry.head.key !== key) return undefined;
    this.entries.delete(path);
    this.entries.set(path, entry);
    return entry;
  }

  /**
   * Starts the file of `head.key`'s export, its ETag and length to come (ExportFile.finish): a temporary sibling,
   * put in place when finished.
   */
  async begin(head: Omit<StoredExportHead, 'etag' | 'length'>): Promise<ExportFile> {
    const dir = await this.directory();
    await this.serving(head.snapshotId);
    const reserved = Buffer.byteLength(headLine({ ...head, etag: '', length: 0 })) + HEAD_ROOM;
    if (reserved > MAX_HEADER_BYTES) throw new Error(`export cache: a head line of ${reserved} bytes`);
    const temporary = join(dir, `${TEMPORARY_PREFIX}${randomUUID()}`);
    const handle = await open(temporary, 'wx', 0o600);
    let written = 0;
    let queued = 0;
    let failure: unknown;
    let writing: Promise<void> = Promise.resolve();
    const discard = async (): Promise<void> => {
      await writing;
      await handle.close().catch(() => undefined);
      await unlink(temporary).catch(() => undefined);
    };
    const settled = async (): Promise<void> => {
      await writing;
      if (failure !== undefined) throw failure;
    };
    return {
      write: (bytes) => {
        const position = reserved + written;
        written += bytes.length;
        queued += bytes.length;
        writing = writing.then(async () => {
          try {
            if (failure === undefined) await handle.write(bytes, 0, bytes.length, position);
          } catch (error) {
            failure = error;
          } finally {
            queued -= bytes.length;
          }
        });
      },
      drained: async () => {
        if (queued > MAX_QUEUED_BYTES || failure !== undefined) await settled();
      },
      finish: async (etag, length) => {
        const whole = { ...head, etag, length };
        try {
          await settled();
          if (written !== length) throw new Error(`export cache: wrote ${written} bytes of ${length}`);
          const line = headLine(whole);
          const room = reserved - Buffer.byteLength(line);
          if (room < 1) throw new Error(`export cache: a head line longer than the ${reserved} bytes reserved`);
          await handle.write(Buffer.from(`${line}${' '.repeat(room - 1)}\n`, 'utf8'), 0, reserved, 0);
          await handle.sync();
        } catch (error) {
          await discard();
          throw error;
        }
        await handle.close();
        return this.place(whole, temporary, reserved + length, reserved);
      },
      abort: discard,
    };
  }

  /**
   * A finished file: renamed under its final name once there is room (the files under their final names never
   * exceed the bounds), or, over the bounds, of another snapshot or after `close`, left to be sent once.
   */
  private async place(head: StoredExportHead, temporary: string, size: number, offset: number): Promise<StoredExport> {
    await this.dropUnkept();
    if (this.closed || this.snapshotId !== head.snapshotId || size > this.maxBytes || this.maxEntries < 1) {
      this.unkept.push(temporary);
      return { head, path: temporary, size, offset };
    }
    const path = join(await this.directory(), fileName(head.key));
    this.forget(path);
    await this.evict(size);
    await rename(temporary, path);
    const entry = { head, path, size, offset };
    this.entries.set(path, entry);
    this.bytes += size;
    return entry;
  }

  /** Deletes the files written but not kept, sent by now. */
  private async dropUnkept(): Promise<void> {
    const paths = this.unkept.splice(0);
    await Promise.all(paths.map((path) => unlink(path).catch(() => undefined)));
  }

  /**
   * Sends a stored export as the response cache sends its entries: same headers, 304 on a matching ETag; `state`
   * says whether it was found here or built for this request (`newsgraph-cache`).
   */
  async send(req: IncomingMessage, res: ServerResponse, entry: StoredExport, state: 'hit' | 'miss' = 'hit'): Promise<void> {
    const { head } = entry;
    if (notModified(req, head.etag)) {
      // As sendCached: the validator and the caching rules, not the body's type or length.
      const cacheControl = head.headers.find(([name]) => name === 'cache-control')?.[1];
      res.writeHead(304, { etag: head.etag, 'newsgraph-cache': state, ...(cacheControl === undefined ? {} : { 'cache-control': cacheControl }) });
      res.end();
      return;
    }
    res.writeHead(200, { ...Object.fromEntries(head.headers), etag: head.etag, 'content-length': head.length, 'newsgraph-cache': state });
    if ((req.method ?? 'GET').toUpperCase() === 'HEAD') {
      res.end();
      return;
    }
    // Opened now: a file evicted since `get` is still readable through this descriptor once open (POSIX).
    await pipeline(createReadStream(entry.path, { start: entry.offset, end: entry.offset + head.length - 1 }), res);
  }

  /** Deletes the files (the whole directory when this cache made it). Safe to call twice. */
  async close(): Promise<void> {
    this.closed = true;
    await this.dropUnkept();
    if (this.dir === undefined) return;
    const dir = await this.dir.catch(() => undefined);
    if (dir === undefined) return;
    if (this.givenDir === undefined) await rm(dir, { recursive: true, force: true });
    this.entries.clear();
    this.bytes = 0;
  }

  /** The snapshot now served: another's entries are deleted. */
  private async serving(snapshotId: string): Promise<void> {
    if (this.snapshotId === snapshotId) return;
    this.snapshotId = snapshotId;
    await this.dropUnkept();
    const stale = [...this.entries.values()].filter((entry) => entry.head.snapshotId !== snapshotId);
    for (const entry of stale) this.forget(entry.path);
    await Promise.all(stale.map((entry) => unlink(entry.path).catch(() => undefined)));
  }

  private forget(path: string): void {
    const entry = this.entries.get(path);
    if (entry === undefined) return;
    this.entries.delete(path);
    this.bytes -= entry.size;
  }

  /** Deletes the least recently used files until `incoming` more bytes (and one more file, if any) fit. */
  private async evict(incoming = 0): Promise<void> {
    const more = incoming > 0 ? 1 : 0;
    const victims: string[] = [];
    for (const path of this.entries.keys()) {
      if (this.bytes + incoming <= this.maxBytes && this.entries.size + more <= this.maxEntries) break;
      victims.push(path);
      this.forget(path);
    }
    await Promise.all(victims.map((path) => unlink(path).catch(() => undefined)));
  }

  /** A given directory: made if absent; its whole files adopted (oldest first), partial or foreign ones deleted. */
  private async adopt(dir: string): Promise<string> {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const found: { entry: StoredExport; mtime: number }[] = [];
    for (const name of await readdir(dir)) {
      const path = join(dir, name);
      if (name.startsWith(TEMPORARY_PREFIX)) {
        await unlink(path).catch(() => undefined); // left by a process that died mid-write
        continue;
      }
      if (!name.endsWith(FILE_SUFFIX)) continue;
      const entry = await readStoredExport(path);
      if (entry === undefined || fileName(entry.entry.head.key) !== name) await unlink(path).catch(() => undefined);
      else found.push(entry);
    }
    found.sort((a, b) => a.mtime - b.mtime);
    for (const { entry } of found) {
      this.entries.set(entry.path, entry);
      this.bytes += entry.size;
    }
    await this.evict();
    return dir;
  }
}

/** The entry of a cache file, or undefined when it is not a whole one of ours. */
async function readStoredExport(path: string): Promise<{ entry: StoredExport; mtime: number } | undefined> {
  const handle = await open(path, 'r');
  try {
    const { size, mtimeMs } = await stat(path);
    const buffer = Buffer.alloc(Math.min(size, MAX_HEADER_BYTES));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const end = buffer.subarray(0, bytesRead).indexOf(0x0a);
    if (end < 0) return undefined;
    const line = buffer.subarray(0, end).toString('utf8');
    if (!line.startsWith(FORMAT)) return undefined;
    const head: unknown = JSON.parse(line.slice(FORMAT.length));
    if (!isHead(head) || end + 1 + head.length !== size) return undefined;
    return { entry: { head, path, size, offset: end + 1 }, mtime: mtimeMs };
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}
