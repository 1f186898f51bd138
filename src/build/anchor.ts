/**
 * Anchors an evidence quote in its article: finds the one place where the words occur and records it as a
 * W3C Web Annotation anchor (TextQuoteSelector + TextPositionSelector, code points). A quote that is not
 * verbatim, or that occurs more than once without a prefix/suffix to pick one, is refused with a message
 * that shows how to fix it.
 */
import type { DiagnosticCode } from '../errors.js';
import type { Evidence, SentenceSpan } from '../graph/types.js';
import { CodePointIndex } from './codePoints.js';
import { sentenceAt } from './sentences.js';
import { closestPassage } from './textDistance.js';

/** What the data says: the exact words, and optionally the text right before and after them. */
export interface QuoteSpec {
  readonly exact: string;
  readonly prefix?: string;
  readonly suffix?: string;
}

/** How many code points of context the published anchor keeps on each side. */
export const CONTEXT_POINTS = 32;

export interface AnchorableArticle {
  readonly id: string;
  readonly text: string;
  readonly index: CodePointIndex;
  readonly sentences: readonly SentenceSpan[];
}

export type AnchorResult = { readonly ok: true; readonly evidence: Evidence } | { readonly ok: false; readonly code: DiagnosticCode; readonly message: string };

export function anchorQuote(article: AnchorableArticle, quote: QuoteSpec): AnchorResult {
  const { text } = article;
  const all = occurrences(text, quote.exact);
  if (all.length === 0) return { ok: false, code: 'QUOTE_NOT_VERBATIM', message: notVerbatim(article, quote.exact) };
  const matching = all.filter(
    (at) =>
      (quote.prefix === undefined || text.slice(at - quote.prefix.length, at) === quote.prefix) &&
      (quote.suffix === undefined || text.startsWith(quote.suffix, at + quote.exact.length)),
  );
  if (matching.length === 0) {
    return {
      ok: false,
      code: 'QUOTE_CONTEXT_MISMATCH',
      message: `quote "${quote.exact}" occurs ${all.length} time(s) in article "${article.id}", but never with the given ${describeContext(quote)}; copy the text right before or after it exactly.`,
    };
  }
  const [first, second] = matching;
  if (first === undefined) throw new Error('unreachable: matching is not empty');
  if (second !== undefined) {
    const where = matching.map((at) => sentenceAt(article.sentences, article.index.toPoint(at))).join(', ');
    const hint = JSON.stringify(text.slice(Math.max(0, first - 20), first));
    return {
      ok: false,
      code: 'AMBIGUOUS_QUOTE',
      message: `ambiguous quote: "${quote.exact}" occurs ${matching.length} times in article "${article.id}" (sentences ${where}); pick one with a longer quote or {exact, prefix} / {exact, suffix}, e.g. { exact: ${JSON.stringify(quote.exact)}, prefix: ${hint} }.`,
    };
  }
  return { ok: true, evidence: toEvidence(article, first, first + quote.exact.length) };
}

function toEvidence(article: AnchorableArticle, startUnit: number, endUnit: number): Evidence {
  const { index } = article;
  const start = index.toPoint(startUnit);
  const end = index.toPoint(endUnit);
  return {
    article: article.id,
    exact: index.slice(start, end),
    prefix: index.slice(start - CONTEXT_POINTS, start),
    suffix: index.slice(end, end + CONTEXT_POINTS),
    start,
    end,
    sentence: sentenceAt(article.sentences, start),
  };
}

function occurrences(text: string, exact: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

function describeContext(quote: QuoteSpec): string {
  return [quote.prefix === undefined ? '' : `prefix "${quote.prefix}"`, quote.suffix === undefined ? '' : `suffix "${quote.suffix}"`]
    .filter(Boolean)
    .join(' and ');
}

/** Typographic characters people type as ASCII: the most common reason a quote is not verbatim. */
const TYPOGRAPHIC: readonly [RegExp, string][] = [
  [/[‘’‛′]/gu, "'"],
  [/[“”„″]/gu, '"'],
  [/[‐‑‒–—―]/gu, '-'],
  [/\u00a0/gu, ' '],
];

function asciiFold(s: string): string {
  return TYPOGRAPHIC.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), s);
}

function notVerbatim(article: AnchorableArticle, exact: string): string {
  const passage = closestPassage(article.text, exact);
  const closest = article.text.slice(passage.start, passage.end);
  const sentence = sentenceAt(article.sentences, article.index.toPoint(passage.start));
  const typography =
    asciiFold(closest) === asciiFold(exact)
      ? ' The difference is typographic: copy the apostrophes, quotes and dashes from the article.'
      : '';
  return `quote is not verbatim in article "${article.id}": "${exact}". Closest passage (sentence ${sentence}, ${passage.distance} edit(s) away): "${closest}".${typography}`;
}
