/**
 * Reading a snapshot file: its head is checked before the rest is read, so that a file that is not a snapshot (a
 * 2 GB corpus export given by mistake, a device, a pipe) is refused at once with what it is, instead of after
 * minutes of reading, or never (`/dev/zero`, a FIFO with no writer).
 */
import { closeSync, readFile, readSync } from 'node:fs';
import { promisify } from 'node:util';
import { NewsgraphError } from '../errors.js';
import { NotRegularFileError, openRegularFile, unreadableReason } from './inputLimits.js';
import { readHead, SNAPSHOT_HEAD_BYTES } from './snapshotFormat.js';

/** fs.readFile of an open descriptor, from its start, in libuv's thread pool. */
const readWhole = promisify(readFile) as (fd: number) => Promise<Buffer>;

/** The bytes of the snapshot `file` (its head checked first) and when it was written. */
export interface SnapshotFile {
  readonly bytes: Buffer;
  readonly written: Date;
}

function cannotRead(where: string, why: string, cause?: unknown, hint = `Write one with "newsgraph build -o ${where}".`): NewsgraphError {
  return new NewsgraphError('SNAPSHOT_INVALID', `${where}: cannot read the snapshot: ${why}. ${hint}`, { cause });
}

/**
 * Reads `file` whole once its head (magic, version, header, length) is a snapshot's; `where` names it in errors.
 * The checksum is left to readHeader, which needs every byte anyway. Opened and its head read at once (a few
 * kilobytes); the rest, up to a gigabyte, without holding the event loop.
 * @throws {NewsgraphError} SNAPSHOT_INVALID when the file cannot be read, is not a regular file, or its head is not a snapshot's.
 */
export async function readSnapshotFile(file: string, where: string): Promise<SnapshotFile> {
  let opened;
  try {
    opened = openRegularFile(file);
  } catch (error) {
    if (!(error instanceof NotRegularFileError)) throw cannotRead(where, (error as Error).message, error);
    const what = unreadableReason(error).replace(/^it is a directory$/u, 'it is a directory (a data directory is given as --data DIR)');
    throw cannotRead(where, what, undefined, 'Give the file `newsgraph build DATA_DIR -o FILE` wrote.');
  }
  const { fd, size, modified } = opened;
  try {
    const head = Buffer.alloc(Math.min(size, SNAPSHOT_HEAD_BYTES));
    readHead(head.subarray(0, readSync(fd, head, 0, head.length, 0)), size, where);
    const bytes = await readWhole(fd);
    return { bytes, written: modified };
  } catch (error) {
    if (error instanceof NewsgraphError) throw error;
    throw cannotRead(where, (error as Error).message, error);
  } finally {
    closeSync(fd);
  }
}
