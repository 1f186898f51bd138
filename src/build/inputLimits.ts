/**
 * The documented limits of the data format (README, "Limits"), and the checks that refuse input beyond
 * them with a located problem. They keep the loader within a time and memory budget on any input
 * (issue 11): without them a 1 MB id or a megabyte scalar costs seconds in every message that quotes it.
 */

import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
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

/**
 * An article's text, or why it cannot be one: over MAX_ARTICLE_CHARS, or not text. A file far over the
 * limit is refused from its size, without reading it. Synchronous: a build reads thousands of small files,
 * where each asynchronous step (open, stat, read, close) costs a round trip to libuv's thread pool; the
 * build's reading runs in its own worker threads (checkPool.ts) or in a command that waits for it anyway.
 * @throws the file system's error when the file cannot be read.
 */
export function readArticleText(file: string): { text: string } | { problem: InputProblem } {
  const fd = openSync(file, 'r');
  let text: string;
  try {
    const { size } = fstatSync(fd);
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (size > MAX_ARTICLE_CHARS * 3) return { problem: tooLong(size, 'bytes') };
    text = readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
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
