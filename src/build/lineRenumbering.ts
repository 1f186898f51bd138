/**
 * Article and node numbers changed in snapshot lines without parsing them: when an article is added or
 * deleted before others, every anchor `[article, start, end]` and every `articles` list after it names another
 * number, and when its events and claims come or go, so does every edge end after them. Most of the body is
 * then rewritten, and parsing and writing 100 MB of JSON again costs more than the patch may (8 s measured at
 * 10,000 articles on the loaded machine). This scanner walks each line's bytes once, as the encoder wrote them
 * (JSON.stringify, no spaces): it skips the key, maps an edge's two ends, and in the record's top-level object
 * maps the first number of each array in `evidence` and each number in `articles`; everything else (strings
 * with their escapes, nested values) is skipped, and every byte between two changed numbers is copied as is.
 */

/** How numbers change: each function is called with an old number and returns the new one. */
export interface Renumbering {
  readonly article: (a: number) => number;
  readonly node: (n: number) => number;
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const NEWLINE = 10;
const EVIDENCE = Buffer.from('"evidence"');
const ARTICLES = Buffer.from('"articles"');

/** Writes into a growing buffer: slices of the input and numbers. */
class Output {
  buffer: Buffer;
  length = 0;
  constructor(size: number) {
    this.buffer = Buffer.allocUnsafe(size);
  }
  private reserve(more: number): void {
    if (this.length + more <= this.buffer.length) return;
    const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.length + more));
    this.buffer.copy(grown, 0, 0, this.length);
    this.buffer = grown;
  }
  copy(from: Buffer, start: number, end: number): void {
    this.reserve(end - start);
    this.length += from.copy(this.buffer, this.length, start, end);
  }
  number(value: number): void {
    const text = String(value);
    this.reserve(text.length);
    this.length += this.buffer.write(text, this.length, 'latin1');
  }
}

/** The index after the string that starts (with its quote) at `at`. */
function skipString(bytes: Buffer, at: number): number {
  // A loop over bytes: most strings are a few bytes long, where a native indexOf call costs more than it saves.
  const length = bytes.length;
  for (let j = at + 1; j < length; j++) {
    const c = bytes[j];
    if (c === QUOTE) return j + 1;
    if (c === BACKSLASH) j++;
  }
  throw new Error('invariant: an unterminated string in a snapshot line');
}

/** The index after the JSON value that starts at `at`. */
function skipValue(bytes: Buffer, at: number): number {
  const c = bytes[at];
  if (c === QUOTE) return skipString(bytes, at);
  if (c === OPEN_BRACE || c === OPEN_BRACKET) {
    let depth = 0;
    let j = at;
    for (;;) {
      const d = bytes[j];
      if (d === QUOTE) {
        j = skipString(bytes, j);
        continue;
      }
      if (d === OPEN_BRACE || d === OPEN_BRACKET) depth++;
      else if (d === CLOSE_BRACE || d === CLOSE_BRACKET) {
        depth--;
        if (depth === 0) return j + 1;
      } else if (d === undefined) throw new Error('invariant: an unterminated value in a snapshot line');
      j++;
    }
  }
  let j = at;
  while (j < bytes.length && bytes[j] !== COMMA && bytes[j] !== CLOSE_BRACE && bytes[j] !== CLOSE_BRACKET) j++;
  return j;
}

/** Whether bytes at `at` are `word` (compared in JS: the keys are short, and most differ at their first letter). */
function startsWith(bytes: Buffer, at: number, word: Buffer): boolean {
  for (let k = 0; k < word.length; k++) if (bytes[at + k] !== word[k]) return false;
  return true;
}

/**
 * The node and edge lines of `bytes` from `start` to `end` (whole lines) with their numbers changed by `r`.
 * Lines of another kind are copied as they are.
 */
export function renumberLines(bytes: Buffer, start: number, end: number, r: Renumbering): Buffer {
  const out = new Output(end - start + 1024);
  let copied = start;
  /** Replaces the whole number at `at` by its new value; returns the index after it. */
  const replaceNumber = (at: number, map: (n: number) => number): number => {
    let j = at;
    let value = 0;
    for (let c = bytes[j] ?? 0; c >= 48 && c <= 57; c = bytes[++j] ?? 0) value = value * 10 + (c - 48);
    if (j === at) return skipValue(bytes, at);
    const mapped = map(value);
    if (mapped !== value) {
      out.copy(bytes, copied, at);
      out.number(mapped);
      copied = j;
    }
    return j;
  };
  for (let line = start; line < end; ) {
    const next = bytes.indexOf(NEWLINE, line) + 1;
    const tag = bytes[line + 2];
    if (tag !== 69 && tag !== 78) {
      line = next;
      continue;
    }
    // `["E",` or `["N",`, then the key.
    let j = skipString(bytes, line + 5);
    if (tag === 69) {
      j = replaceNumber(j + 1, r.node);
      j = replaceNumber(j + 1, r.node);
    }
    j++;
    if (bytes[j] !== OPEN_BRACE) {
      line = next;
      continue;
    }
    // The record's top-level object: "key":value pairs.
    j++;
    while (bytes[j] === QUOTE) {
      const key = j;
      j = skipString(bytes, j) + 1;
      const isEvidence = bytes[j] === OPEN_BRACKET && j - key === EVIDENCE.length + 1 && startsWith(bytes, key, EVIDENCE);
      const isArticles = bytes[j] === OPEN_BRACKET && j - key === ARTICLES.length + 1 && startsWith(bytes, key, ARTICLES);
      if (isEvidence || isArticles) {
        j++;
        while (bytes[j] !== CLOSE_BRACKET) {
          if (isEvidence && bytes[j] === OPEN_BRACKET) {
            replaceNumber(j + 1, r.article);
            j = skipValue(bytes, j);
          } else if (isArticles) j = replaceNumber(j, r.article);
          else j = skipValue(bytes, j);
          if (bytes[j] === COMMA) j++;
        }
        j++;
      } else j = skipValue(bytes, j);
      if (bytes[j] === COMMA) j++;
    }
    line = next;
  }
  out.copy(bytes, copied, end);
  return out.buffer.subarray(0, out.length);
}
