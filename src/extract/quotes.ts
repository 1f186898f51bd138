/**
 * Evidence quotes computed by code, never typed: the exact words at the given offsets, as a plain string when
 * they occur once in the article, or with the shortest prefix (else suffix) that picks this occurrence, as the
 * builder's anchoring requires (build/anchor.ts).
 */
import type { QuoteSource } from '../build/sourceModel.js';

export function quoteAt(text: string, start: number, end: number): QuoteSource {
  const exact = text.slice(start, end);
  if (exact.length === 0) throw new Error(`empty quote at ${start}`);
  const all: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) all.push(at);
  if (all.length === 1) return exact;
  for (let n = 1; n <= start; n++) {
    const prefix = text.slice(start - n, start);
    if (all.filter((at) => text.slice(at - n, at) === prefix).length === 1) return { exact, prefix };
  }
  for (let n = 1; end + n <= text.length; n++) {
    const suffix = text.slice(end, end + n);
    if (all.filter((at) => text.slice(at + exact.length, at + exact.length + n) === suffix).length === 1) return { exact, suffix };
  }
  throw new Error(`no context picks the quote at ${start}`);
}
