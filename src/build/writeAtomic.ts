/**
 * Writes a file, or a folder of files, so that readers only ever see the old whole output or the new whole
 * output: write a temporary sibling, flush it, then rename over the target (rename is atomic within a file
 * system). A writer killed midway leaves its temporary sibling; the next write to the same target removes
 * what dead writers left (their process id is in the name), so leftovers do not pile up.
 */
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** `.NAME.PID.STAMP.tmp` (being written) or `.NAME.PID.STAMP.old` (a folder being replaced). */
const SIBLING = /^\.(.+)\.(\d+)\.(\d+)\.(tmp|old)$/;

let counter = 0;
function siblingName(target: string, suffix: 'tmp' | 'old'): string {
  counter += 1;
  return join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}${String(counter).padStart(4, '0')}.${suffix}`);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Removes the temporary siblings of `target` that writers which are no longer running left behind. A folder
 * writer killed between its two renames leaves no target but the old folder as `.old`: that is put back.
 */
export async function removeStaleSiblings(target: string): Promise<string[]> {
  const dir = dirname(target);
  const name = basename(target);
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch {
    return [];
  }
  const stale = entries
    .map((entry) => ({ entry, match: SIBLING.exec(entry) }))
    .filter(({ match }) => match !== null && match[1] === name && !isAlive(Number(match[2])))
    .sort((x, y) => Number(y.match?.[3]) - Number(x.match?.[3])); // newest first
  const removed: string[] = [];
  for (const { entry, match } of stale) {
    const path = join(dir, entry);
    if (match?.[4] === 'old' && !(await exists(target))) {
      await rename(path, target);
      continue;
    }
    await rm(path, { recursive: true, force: true });
    removed.push(path);
  }
  return removed;
}

/** A file's content: whole, or a chunk at a time (written as they come). */
export type FileContent = string | Uint8Array | AsyncIterable<string | Uint8Array>;

async function writeFlushed(file: string, content: FileContent): Promise<void> {
  const handle = await open(file, 'w');
  try {
    if (typeof content === 'string' || content instanceof Uint8Array) await handle.writeFile(content);
    // writeFile on a handle writes all of the chunk at the current position (write() may write less).
    else for await (const chunk of content) await handle.writeFile(chunk);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Flushes a folder's entry list, so that a rename into or out of it survives a crash of the machine. */
async function syncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic for processes.
  } finally {
    await handle.close();
  }
}

export async function writeFileAtomic(file: string, content: string | Uint8Array): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  await removeStaleSiblings(file);
  const temporary = siblingName(file, 'tmp');
  try {
    await writeFlushed(temporary, content);
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

/**
 * Replaces the folder `dir` by one holding exactly `files` (name → content, possibly read a chunk at a time): they
 * are written into a sibling folder, which is then swapped in; the old folder is removed after. A reader sees the
 * old folder or the new one, never a mix of old and new files; an error while a file's chunks are read leaves `dir`.
 */
export async function writeFolderAtomic(dir: string, files: Readonly<Record<string, FileContent>>): Promise<void> {
  const parent = dirname(dir);
  await mkdir(parent, { recursive: true });
  await removeStaleSiblings(dir);
  const temporary = siblingName(dir, 'tmp');
  const old = siblingName(dir, 'old');
  try {
    await mkdir(temporary);
    for (const [name, content] of Object.entries(files)) await writeFlushed(join(temporary, name), content);
    await syncDir(temporary);
    const hadOld = await exists(dir);
    if (hadOld) await rename(dir, old);
    await rename(temporary, dir);
    await syncDir(parent);
    if (hadOld) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(temporary, { recursive: true, force: true });
    if (!(await exists(dir)) && (await exists(old))) await rename(old, dir);
    throw error;
  }
}

/**
 * As `writeFileAtomic`, for content read a chunk at a time (an export too large for one string): the chunks are
 * written to the temporary sibling as they come, and the target is replaced only when the last one is written
 * and flushed. An error while reading the chunks (or writing them) removes the sibling and leaves the target
 * as it was: nothing half-written. Returns the number of bytes written.
 */
export async function writeChunksAtomic(file: string, chunks: Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>): Promise<number> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true });
  await removeStaleSiblings(file);
  const temporary = siblingName(file, 'tmp');
  try {
    const handle = await open(temporary, 'w');
    let bytes = 0;
    try {
      for await (const chunk of chunks) {
        // writeFile on a handle writes all of the chunk at the current position (write() may write less).
        await (typeof chunk === 'string' ? handle.writeFile(chunk, 'utf8') : handle.writeFile(chunk));
        bytes += Buffer.byteLength(chunk);
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, file);
    return bytes;
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
