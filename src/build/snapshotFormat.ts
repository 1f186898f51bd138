/**
 * The snapshot file's framing: a magic line, a JSON header line, then the body (see snapshotEncode.ts).
 * The header names the format version and carries the body's length and SHA-256, so that a file from
 * another version, a truncated copy or a flipped byte is refused with a clear error, never half-loaded.
 */
import { createHash } from 'node:crypto';
import { NewsgraphError } from '../errors.js';

export const SNAPSHOT_MAGIC = 'NEWSGRAPH-SNAPSHOT';
export const SNAPSHOT_VERSION = 1;

export interface SnapshotHeader {
  readonly format: 'newsgraph-snapshot';
  readonly version: number;
  /** The graph's content hash (graph/identity.ts): the same as for the graph built in-process. */
  readonly id: string;
  readonly articles: number;
  readonly nodes: number;
  readonly edges: number;
  readonly bodyBytes: number;
  readonly bodySha256: string;
}

export function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The two first lines of the file. */
export function headerBytes(header: SnapshotHeader): Buffer {
  return Buffer.from(`${SNAPSHOT_MAGIC} ${SNAPSHOT_VERSION}\n${JSON.stringify(header)}\n`, 'utf8');
}

function invalid(where: string, what: string): NewsgraphError {
  return new NewsgraphError('SNAPSHOT_INVALID', `${where}: ${what} Rebuild it with "newsgraph build -o ${where}".`);
}

/** How many first bytes hold the magic and header lines of any snapshot (its header is about 300 bytes). */
export const SNAPSHOT_HEAD_BYTES = 4096;

/**
 * Checks the magic, version and header of a snapshot from its first bytes (`head`: the whole file, or at least
 * its first SNAPSHOT_HEAD_BYTES) and the file's length; returns the header and where the body starts. What this
 * refuses is refused before the rest of the file is read.
 * @throws {NewsgraphError} SNAPSHOT_INVALID for another format or version, a truncated or corrupt head, a length
 *   that is not the header's.
 */
export function readHead(head: Buffer, fileBytes: number, where: string): { header: SnapshotHeader; bodyStart: number } {
  const firstEnd = head.indexOf(10);
  const first = head.toString('utf8', 0, firstEnd < 0 ? Math.min(head.length, 64) : Math.min(firstEnd, 64));
  if (!first.startsWith(`${SNAPSHOT_MAGIC} `)) {
    const looksLikeJson = first.trimStart().startsWith('{');
    throw invalid(
      where,
      looksLikeJson
        ? 'this is graphology JSON (an older newsgraph snapshot, or "newsgraph export --format json"), not a snapshot of this version.'
        : 'not a newsgraph snapshot (it does not start with "NEWSGRAPH-SNAPSHOT").',
    );
  }
  const version = Number(first.slice(SNAPSHOT_MAGIC.length + 1));
  if (version !== SNAPSHOT_VERSION) {
    throw invalid(where, `snapshot format version ${first.slice(SNAPSHOT_MAGIC.length + 1)}; this newsgraph reads version ${SNAPSHOT_VERSION}.`);
  }
  const secondEnd = head.indexOf(10, firstEnd + 1);
  if (secondEnd < 0) throw invalid(where, head.length < fileBytes ? 'the snapshot header is too long: the file is corrupt.' : 'the snapshot is truncated (no header line).');
  let header: SnapshotHeader;
  try {
    header = JSON.parse(head.toString('utf8', firstEnd + 1, secondEnd)) as SnapshotHeader;
  } catch {
    throw invalid(where, 'the snapshot header is not valid JSON: the file is corrupt.');
  }
  const bodyStart = secondEnd + 1;
  if (typeof header.bodyBytes !== 'number' || typeof header.bodySha256 !== 'string' || typeof header.id !== 'string') {
    throw invalid(where, 'the snapshot header lacks its body length, checksum or id: the file is corrupt.');
  }
  if (fileBytes - bodyStart !== header.bodyBytes) {
    throw invalid(where, `the snapshot is ${fileBytes - bodyStart < header.bodyBytes ? 'truncated' : 'longer than written'}: its body has ${fileBytes - bodyStart} bytes, the header says ${header.bodyBytes}.`);
  }
  return { header, bodyStart };
}

/**
 * Reads and checks the header of `file`'s bytes, the body's checksum included; returns it and where the body starts.
 * @throws {NewsgraphError} SNAPSHOT_INVALID for another format or version, a truncated or corrupt file.
 */
export function readHeader(bytes: Buffer, where: string): { header: SnapshotHeader; bodyStart: number } {
  const { header, bodyStart } = readHead(bytes, bytes.length, where);
  if (sha256(bytes.subarray(bodyStart)) !== header.bodySha256) {
    throw invalid(where, 'the snapshot body does not match its checksum: the file is corrupt.');
  }
  return { header, bodyStart };
}
