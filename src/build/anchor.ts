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
import { OccurrenceIndex } from './occurrenceIndex.js';
import { closestPassage, HINT_PATTERN_UNITS, WordIndex } from './textDistance.js';

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
  const all = occurrences(article, quote.exact);
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
      message: `quote "${shownQuote(quote.exact)}" occurs ${all.length} time(s) in article "${article.id}", but never with the given ${describeContext(quote)}; copy the text right before or after it exactly.`,
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
      message: `ambiguous quote: "${shownQuote(quote.exact)}" occurs ${matching.length} times in article "${article.id}" (sentences ${where}); pick one with a longer quote or {exact, prefix} / {exact, suffix}, e.g. { exact: ${JSON.stringify(quote.exact)}, prefix: ${hint} }.`,
    };
  }
  return { ok: true, evidence: toEvidence(article, first, first + quote.exact.length) };
}

function toEvidence(article: AnchorableArticle, startUnit: number, endUnit: number): Evidence {
  return evidenceAt(article, article.index.toPoint(startUnit), article.index.toPoint(endUnit));
}

/** The anchor of code points `start`..`end` of the article: its words, context and sentence, from the text. */
export function evidenceAt(article: AnchorableArticle, start: number, end: number): Evidence {
  const { index } = article;
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

/** Articles from this many UTF-16 units are searched through an index; shorter ones by a scan. */
const INDEXED_ARTICLE_UNITS = 65_536;

function occurrences(article: AnchorableArticle, exact: string): number[] {
  const { text } = article;
  if (text.length >= INDEXED_ARTICLE_UNITS) {
    const state = hintState(article);
    state.occurrences ??= new OccurrenceIndex(text);
    return state.occurrences.find(exact);
  }
  const found: number[] = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) found.push(at);
  return found;
}

function describeContext(quote: QuoteSpec): string {
  return [quote.prefix === undefined ? '' : `prefix "${quote.prefix}"`, quote.suffix === undefined ? '' : `suffix "${quote.suffix}"`]
    .filter(Boolean)
    .join(' and ');
}

/** How many quotes of one article get a closest-passage search; the rest get a shorter message. */
export const HINTS_PER_ARTICLE = 200;
/** Characters of a quote repeated in a message; a longer one is shortened (the location shows it whole). */
const SHOWN_QUOTE_UNITS = 300;

/** What the lookups for one article reuse, built once: its occurrence index, its typographically folded text, its word index. */
interface HintState {
  occurrences?: OccurrenceIndex;
  folded?: string;
  words?: WordIndex;
  hints: number;
}
const hintStates = new WeakMap<AnchorableArticle, HintState>();

function hintState(article: AnchorableArticle): HintState {
  let state = hintStates.get(article);
  if (!state) {
    state = { hints: 0 };
    hintStates.set(article, state);
  }
  return state;
}

/** Typographic characters people type as ASCII: the most common reason a quote is not verbatim. */
const TYPOGRAPHIC: readonly [RegExp, string][] = [
  [/[‘’‛′]/gu, "'"],
  [/[“”„″]/gu, '"'],
  [/[‐‑‒–—―]/gu, '-'],
  [/\u00a0/gu, ' '],
];

/** Each typographic character as its ASCII look-alike; one unit for one unit, so offsets are kept. */
export function asciiFold(s: string): string {
  return TYPOGRAPHIC.reduce((acc, [pattern, replacement]) => acc.replace(pattern, replacement), s);
}

const NAMES: Readonly<Record<string, string>> = { "'": 'apostrophe', '"': 'quotation mark', '-': 'dash', ' ': 'space' };

/** `’ vs '`, `– vs -`: each pair of characters where the article and the quote differ, article first. */
export function typographicDifferences(inArticle: string, inQuote: string): string[] {
  const pairs = new Map<string, string>();
  for (let i = 0; i < inArticle.length && i < inQuote.length; i++) {
    const a = inArticle.charAt(i);
    const q = inQuote.charAt(i);
    if (a === q) continue;
    const shown = (c: string) => (c === '\u00a0' ? 'no-break space (U+00A0)' : c === ' ' ? 'space' : c);
    pairs.set(`${a}${q}`, `${shown(a)} vs ${shown(q)} (${NAMES[asciiFold(a)] ?? 'character'})`);
  }
  return [...pairs.values()];
}

function shownQuote(exact: string): string {
  if (exact.length <= SHOWN_QUOTE_UNITS) return exact;
  return `${exact.slice(0, SHOWN_QUOTE_UNITS)}… (${exact.length} characters)`;
}

function notVerbatim(article: AnchorableArticle, exact: string): string {
  const head = `quote is not verbatim in article "${article.id}": "${shownQuote(exact)}".`;
  const state = hintState(article);
  state.folded ??= asciiFold(article.text);
  // Only the quote marks, apostrophes or dashes differ: say which, at the place the quote meant.
  const at = state.folded.indexOf(asciiFold(exact));
  if (at >= 0) {
    const closest = article.text.slice(at, at + exact.length);
    const sentence = sentenceAt(article.sentences, article.index.toPoint(at));
    const differences = typographicDifferences(closest, exact).join(', ');
    return `${head} Only the typography differs (article vs quote: ${differences}) from sentence ${sentence}: "${shownQuote(closest)}"; copy the quote marks, apostrophes and dashes from the article.`;
  }
  state.hints += 1;
  if (state.hints > HINTS_PER_ARTICLE) {
    return `${head} (No closest passage searched: over ${HINTS_PER_ARTICLE} quotes of this article are not verbatim; fix the first ones, then validate again.)`;
  }
  const passage = closestPassage(article.text, exact, () => (state.words ??= new WordIndex(article.text)));
  if (passage === undefined) return `${head} No passage of the article shares a word with it.`;
  const closest = article.text.slice(passage.start, passage.end);
  const sentence = sentenceAt(article.sentences, article.index.toPoint(passage.start));
  const scope = passage.partial ? `closest to its first ${HINT_PATTERN_UNITS} characters` : 'closest passage';
  return `${head} ${scope[0]?.toUpperCase()}${scope.slice(1)} (sentence ${sentence}, ${passage.distance} edit(s) away): "${shownQuote(closest)}".`;
}
