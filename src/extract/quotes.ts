/**
 * Evidence quotes computed by code, never typed: the exact words at the given offsets, as a plain string when
 * they occur once in the article, or with the shortest prefix (else suffix) that picks this occurrence, as the
 * builder's anchoring requires (build/anchor.ts). The work per quote is bounded by the words around it and by
 * MAX_CONTEXT_CHARS, whatever the article's length.
 */
import type { QuoteSource } from '../build/sourceModel.js';

/**
 * How far a quote's context may reach, in characters, before the extractor gives up picking its occurrence: past this,
 * the words and all this context repeat elsewhere in the article (a paragraph printed twice), and the quote is left
 * ambiguous for the builder to refuse, which drops the fact from the draft and says why (writeDraft.ts). A context of
 * every character back to the article's start made each such quote cost its position times its repeats, and one
 * repeated at the start of the article had no prefix at all ("no context picks the quote": the command failed).
 */
export const MAX_CONTEXT_CHARS = 1_000;

/** Every place `exact` starts in `text`, ascending. */
export type Occurrences = (exact: string) => readonly number[];

/**
 * The quote of `text` from `start` to `end`: its words alone when they occur once, else with the shortest context that
 * picks this occurrence: a few words before or after it, else up to MAX_CONTEXT_CHARS characters before, then after.
 * @param occurrences where a quote occurs (a scan of the text by default; drafts pass the article's OccurrenceIndex).
 */
export function quoteAt(text: string, start: number, end: number, occurrences: Occurrences = (exact) => scan(text, exact)): QuoteSource {
  const exact = text.slice(start, end);
  if (exact.length === 0) throw new Error(`empty quote at ${start}`);
  const others = occurrences(exact).filter((at) => at !== start);
  if (others.length === 0) return exact;
  // The context grows a word at a time, so that a reviewer reads words, not fragments. A longer context can only match
  // where a shorter one did, so each side keeps narrowing the occurrences left.
  const prefixes = contextSizes(text, start, 'before');
  const suffixes = contextSizes(text, end, 'after');
  let before = others;
  let after = others;
  for (let i = 0; i < Math.max(prefixes.length, suffixes.length); i++) {
    const n = prefixes[i];
    if (n !== undefined) {
      const prefix = text.slice(start - n, start);
      before = before.filter((at) => text.slice(at - n, at) === prefix);
      if (before.length === 0 && !/^\s/u.test(prefix)) return { exact, prefix };
    }
    const m = suffixes[i];
    if (m !== undefined) {
      const suffix = text.slice(end, end + m);
      after = after.filter((at) => text.slice(at + exact.length, at + exact.length + m) === suffix);
      if (after.length === 0 && !/\s$/u.test(suffix)) return { exact, suffix };
    }
  }
  // The shortest prefix, else suffix, that no other occurrence shares: one character longer than the longest stretch
  // any of them shares with this one, compared character by character up to the bound.
  let n = 1;
  for (const at of before) n = Math.max(n, 1 + sharedLength(text, start - 1, at - 1, -1, MAX_CONTEXT_CHARS));
  if (n <= Math.min(start, MAX_CONTEXT_CHARS)) return { exact, prefix: text.slice(start - n, start) };
  let m = 1;
  for (const at of after) m = Math.max(m, 1 + sharedLength(text, end, at + exact.length, 1, MAX_CONTEXT_CHARS));
  if (m <= Math.min(text.length - end, MAX_CONTEXT_CHARS)) return { exact, suffix: text.slice(end, end + m) };
  return exact;
}

/** How many characters from `a` and from `b` (walking by `step`) are the same, inside the text, at most `max`. */
function sharedLength(text: string, a: number, b: number, step: 1 | -1, max: number): number {
  let n = 0;
  while (n < max && a >= 0 && b >= 0 && a < text.length && b < text.length && text.charCodeAt(a) === text.charCodeAt(b)) {
    n++;
    a += step;
    b += step;
  }
  return n;
}

function scan(text: string, exact: string): number[] {
  const all: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) all.push(at);
  return all;
}

/**
 * Context lengths that end on word boundaries: 1 word, 2 words, ... up to 12, of the text before (or after) the
 * quote, each with the white space between it and the quote. A scan outwards from the quote: a regular expression
 * anchored at the end of the text before it (`\S+\s*$`) was tried at every position of that text, for every quote,
 * and a 250 KB article took 20 s to draft.
 */
function contextSizes(text: string, from: number, where: 'before' | 'after'): number[] {
  const forward = where === 'after';
  const step = forward ? 1 : -1;
  const sizes: number[] = [];
  let at = from;
  const more = (): boolean => (forward ? at < text.length : at > 0);
  const next = (): number => text.charCodeAt(forward ? at : at - 1);
  for (let i = 0; i < 12; i++) {
    while (more() && isSpace(next())) at += step;
    const word = at;
    while (more() && !isSpace(next())) at += step;
    if (at === word) break;
    sizes.push(Math.abs(at - from));
  }
  return sizes;
}

const SPACE = /\s/u;

/** Whether a UTF-16 code unit is white space as `\s` means it. */
function isSpace(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return SPACE.test(String.fromCharCode(code));
}
