/**
 * Reading a snapshot file: its head is checked before the rest is read, so that a file that is not a snapshot (a
 * 2 GB corpus export given by mistake, a device, a pipe) is refused at once with what it is, instead of after
 * minutes of reading, or never (`/dev/zero`, a FIFO with no writer).
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { NewsgraphError } from '../errors.js';
import { readHead, SNAPSHOT_HEAD_BYTES } from './snapshotFormat.js';

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
 * The checksum is left to readHeader, which needs every byte anyway.
 * @throws {NewsgraphError} SNAPSHOT_INVALID when the file cannot be read, is not a regular file, or its head is not a snapshot's.
 */
export async function readSnapshotFile(file: string, where: string): Promise<SnapshotFile> {
  let handle;
  try {
    // Non-blocking: opened for reading, a FIFO with no writer would hold the open (and a thread of libuv's) forever.
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw cannotRead(where, (error as Error).message, error);
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) {
      const what = info.isDirectory() ? 'a directory (a data directory is given as --data DIR)' : 'not a regular file (a device, a pipe or a socket)';
      throw cannotRead(where, `it is ${what}`, undefined, 'Give the file `newsgraph build DATA_DIR -o FILE` wrote.');
    }
    const head = Buffer.alloc(Math.min(info.size, SNAPSHOT_HEAD_BYTES));
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    readHead(head.subarray(0, bytesRead), info.size, where);
    const bytes = await handle.readFile();
    return { bytes, written: info.mtime };
  } catch (error) {
    if (error instanceof NewsgraphError) throw error;
    throw cannotRead(where, (error as Error).message, error);
  } finally {
    await handle.close();
  }
}
