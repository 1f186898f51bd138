/**
 * Sentence splitting that a reader would accept: a sentence ends at . ! or ? (and any closing quote or
 * bracket) followed by space and a capital, digit or opening quote, or at a line break. Abbreviations such
 * as "U.S." or "Mr." do not end a sentence; an initialism is trusted to end one only before a line break.
 */
import type { SentenceSpan } from '../graph/types.js';
import { CodePointIndex } from './codePoints.js';

const TITLE_ABBREVIATIONS = new Set(
  'mr mrs ms dr prof sen rep gov gen lt col maj capt sgt st jr sr inc ltd co corp vs no fig gen adm amb pres'.split(' '),
);
const MONTHS = new Set('jan feb mar apr jun jul aug sep sept oct nov dec'.split(' '));
const CLOSERS = '"\'”’»)]';
const TERMINATORS = '.!?';

/** Sentences of `text` as spans in code points, leading and trailing whitespace excluded. */
export function splitSentences(text: string): SentenceSpan[] {
  const index = new CodePointIndex(text);
  const spans: SentenceSpan[] = [];
  let start = -1;
  const close = (end: number) => {
    if (start >= 0) spans.push({ start: index.toPoint(start), end: index.toPoint(end) });
    start = -1;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\n' || ch === '\r') {
      close(trimEnd(text, i));
      continue;
    }
    if (start < 0 && !/\s/u.test(ch)) start = i;
    if (!TERMINATORS.includes(ch)) continue;
    let end = i + 1;
    while (end < text.length && CLOSERS.includes(text.charAt(end))) end++;
    if (endsSentence(text, i, end)) {
      close(end);
      i = end - 1;
    }
  }
  close(trimEnd(text, text.length));
  return spans;
}

function endsSentence(text: string, terminator: number, end: number): boolean {
  const rest = text.slice(end);
  if (/^[^\S\n]*(\n|$)/u.test(rest)) return true;
  if (!/^\s+["'“‘(\[]?[\p{Lu}\p{N}]/u.test(rest)) return false;
  if (text.charAt(terminator) !== '.') return true;
  const word = wordBefore(text, terminator + 1);
  if (/^(\p{L}\.){2,}$/u.test(word)) return false; // U.S., U.K., e.g.: an initialism
  if (/^\p{Lu}\.$/u.test(word)) return false; // a middle initial: "John F. Kennedy"
  const bare = word.replace(/\.$/u, '').toLowerCase();
  return !TITLE_ABBREVIATIONS.has(bare) && !MONTHS.has(bare);
}

/**
 * The run of letters and dots that ends at `end` (what /[\p{L}.]+$/u finds in text.slice(0, end)), found by
 * walking back: the regex on the prefix would cost the whole prefix at each full stop, quadratic in the article.
 */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0) {
    const previous = text.codePointAt(start - 1) ?? 0;
    // A low surrogate: the letter, if any, starts one unit earlier.
    const unitStart = previous >= 0xdc00 && previous <= 0xdfff && start >= 2 ? start - 2 : start - 1;
    const ch = String.fromCodePoint(text.codePointAt(unitStart) ?? 0);
    if (ch !== '.' && !/\p{L}/u.test(ch)) break;
    start = unitStart;
  }
  return text.slice(start, end);
}

function trimEnd(text: string, end: number): number {
  let e = end;
  while (e > 0 && /\s/u.test(text.charAt(e - 1))) e--;
  return e;
}

/** The index of the sentence that holds code point `point`; the nearest one before it if it falls between. */
export function sentenceAt(spans: readonly SentenceSpan[], point: number): number {
  let lo = 0;
  let hi = spans.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const span = spans[mid];
    if (span === undefined) break;
    if (span.start <= point) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
