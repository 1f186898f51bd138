/**
 * The documented limits of the data format (README, "Limits"), and the checks that refuse input beyond
 * them with a located problem. They keep the loader within a time and memory budget on any input
 * (issue 11): without them a 1 MB id or a megabyte scalar costs seconds in every message that quotes it.
 */

import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import type { InputDiagnosticCode } from '../errors.js';

/** Characters of one YAML file (an article's encoding, or entities.yaml). */
export const MAX_YAML_CHARS = 16 * 1024 * 1024;
/** Characters of one article's text (a long report or a book chapter fits many times over). */
export const MAX_ARTICLE_CHARS = 4 * 1024 * 1024;
/** Characters of one YAML string value (a quote, a name, a description). */
export const MAX_SCALAR_CHARS = 10_000;
/** Characters of an id (`id`, `subject`, `object`, `entity`, and the keys of `mentions`) or any other key. */
export const MAX_ID_CHARS = 200;
/** Alias expansions in one file (the `yaml` package's `maxAliasCount`): enough for reuse, not for a bomb. */
export const MAX_ALIAS_EXPANSIONS = 100;

/** Keys whose string values are ids, and so bounded by MAX_ID_CHARS. */
export const ID_KEYS: ReadonlySet<string> = new Set(['id', 'subject', 'object', 'entity']);

/**
 * The first character that has no place in a text file: C0 and C1 controls other than tab, line feed and
 * carriage return (YAML 1.2's printable set), lone surrogates, U+FFFE/U+FFFF, and U+FFFD, which is what
 * bytes that are not UTF-8 become when read. -1 when there is none.
 */
export function firstNonTextCharacter(text: string): number {
  const match = NON_TEXT.exec(text);
  return match ? match.index : -1;
}

const NON_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u0084\u0086-\u009f\ufffd\ufffe\uffff\ud800-\udfff]/u;
// With the u flag a well-formed surrogate pair is one code point, so the surrogate range matches lone ones only.

/** `U+0007`: how a character that cannot be shown is named in a message. */
export function describeCharacter(text: string, at: number): string {
  const code = text.codePointAt(at) ?? 0;
  const hex = `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  return code === 0xfffd ? `${hex} (bytes that are not UTF-8)` : hex;
}

export interface InputProblem {
  readonly code: InputDiagnosticCode;
  readonly message: string;
}

/** A path that is not a regular file (a device, a pipe, a socket, a directory): read whole, it may never end. */
export class NotRegularFileError extends Error {
  readonly code = 'ENOTREGULAR';
  constructor(file: string, directory: boolean) {
    super(`${file} is ${directory ? 'a directory' : 'not a regular file (a device, a pipe or a socket)'}`);
  }
}

/** How a NotRegularFileError, or the file system's error, reads in a problem: "it is a directory", "ENOENT". */
export function unreadableReason(error: unknown): string {
  if (error instanceof NotRegularFileError) return error.message.replace(/^.* is /su, 'it is ');
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/**
 * Opens `file` for reading; its descriptor and size, for the caller to read and close. Without blocking, since a FIFO
 * with no writer would hold the open (and a thread) forever; what is not a regular file is refused before a byte is read.
 * @throws NotRegularFileError; the file system's error when the file cannot be opened.
 */
export function openRegularFile(file: string): { fd: number; size: number; modified: Date } {
  const fd = openSync(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new NotRegularFileError(file, stats.isDirectory());
    return { fd, size: stats.size, modified: stats.mtime };
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

/** The whole of the regular file `file` (as text with an encoding). @throws as openRegularFile. */
export function readRegularFile(file: string): Buffer;
export function readRegularFile(file: string, encoding: 'utf8'): string;
export function readRegularFile(file: string, encoding?: 'utf8'): Buffer | string {
  const { fd } = openRegularFile(file);
  try {
    return encoding === undefined ? readFileSync(fd) : readFileSync(fd, encoding);
  } finally {
    closeSync(fd);
  }
}

/**
 * The text of a regular file of at most `maxChars` characters, or its size in bytes when that alone says it has more
 * (UTF-8 takes at most 3 bytes per UTF-16 unit): then it is not read. A file just over is for the caller to count.
 * @throws as openRegularFile.
 */
function readTextWithin(file: string, maxChars: number): { text: string } | { oversizeBytes: number } {
  const { fd, size } = openRegularFile(file);
  try {
    return size > maxChars * 3 ? { oversizeBytes: size } : { text: readFileSync(fd, 'utf8') };
  } finally {
    closeSync(fd);
  }
}

/**
 * The text of a YAML file, or a LIMIT_EXCEEDED problem when its size alone is over MAX_YAML_CHARS (the file is not
 * read); a file just over is refused after reading, by its characters (yamlSource.ts).
 * @throws as openRegularFile.
 */
export function readYamlFileText(file: string): { text: string } | { problem: InputProblem } {
  const read = readTextWithin(file, MAX_YAML_CHARS);
  if ('text' in read) return read;
  return { problem: { code: 'LIMIT_EXCEEDED', message: `this file has ${read.oversizeBytes} bytes, over the limit of ${MAX_YAML_CHARS} characters; split the article's encoding.` } };
}

/**
 * An article's text, or why it cannot be one: over MAX_ARTICLE_CHARS, or not text. A file far over the
 * limit is refused from its size, without reading it. Synchronous: a build reads thousands of small files,
 * where each asynchronous step (open, stat, read, close) costs a round trip to libuv's thread pool; the
 * build's reading runs in its own worker threads (checkPool.ts) or in a command that waits for it anyway.
 * @throws as openRegularFile.
 */
export function readArticleText(file: string): { text: string } | { problem: InputProblem } {
  const read = readTextWithin(file, MAX_ARTICLE_CHARS);
  if (!('text' in read)) return { problem: tooLong(read.oversizeBytes, 'bytes') };
  const { text } = read;
  if (text.length > MAX_ARTICLE_CHARS) return { problem: tooLong(text.length, 'characters') };
  const at = firstNonTextCharacter(text);
  if (at >= 0) {
    const line = text.slice(0, at).split('\n').length;
    return {
      problem: {
        code: 'NOT_TEXT',
        message: `the article text is not plain UTF-8 text: ${describeCharacter(text, at)} at line ${line}; save it as UTF-8 text without control characters.`,
      },
    };
  }
  return { text };
}

function tooLong(size: number, unit: string): InputProblem {
  return {
    code: 'LIMIT_EXCEEDED',
    message: `the article text has ${size} ${unit}, over the limit of ${MAX_ARTICLE_CHARS} characters; split it into several articles.`,
  };
}
