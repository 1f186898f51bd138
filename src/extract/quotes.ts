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
  // The context grows a word at a time, so that a reviewer reads words, not fragments.
  const prefixes = contextSizes(text.slice(0, start), 'before');
  const suffixes = contextSizes(text.slice(end), 'after');
  for (let i = 0; i < Math.max(prefixes.length, suffixes.length); i++) {
    const n = prefixes[i];
    if (n !== undefined) {
      const prefix = text.slice(start - n, start);
      if (!/^\s/u.test(prefix) && all.filter((at) => text.slice(at - n, at) === prefix).length === 1) return { exact, prefix };
    }
    const m = suffixes[i];
    if (m !== undefined) {
      const suffix = text.slice(end, end + m);
      if (!/\s$/u.test(suffix) && all.filter((at) => text.slice(at + exact.length, at + exact.length + m) === suffix).length === 1) return { exact, suffix };
    }
  }
  for (let n = 1; n <= start; n++) {
    const prefix = text.slice(start - n, start);
    if (all.filter((at) => text.slice(at - n, at) === prefix).length === 1) return { exact, prefix };
  }
  throw new Error(`no context picks the quote at ${start}`);
}

/** Context lengths that end on word boundaries: 1 word, 2 words, ... of the text before (or after) the quote. */
function contextSizes(side: string, where: 'before' | 'after'): number[] {
  const sizes: number[] = [];
  const re = where === 'before' ? /\S+\s*$/u : /^\s*\S+/u;
  let rest = side;
  let total = 0;
  for (let i = 0; i < 12 && rest.length > 0; i++) {
    const m = re.exec(rest);
    if (!m) break;
    total += m[0].length;
    sizes.push(total);
    rest = where === 'before' ? rest.slice(0, rest.length - m[0].length) : rest.slice(m[0].length);
  }
  return sizes;
}
