/**
 * What a snapshot derives instead of storing: an evidence anchor's exact words, its prefix and suffix, and
 * its sentence all follow from the article text and the anchor's code-point offsets, exactly as the builder
 * computed them (anchor.ts). Shared by the encoder (which checks that an anchor is derivable before dropping
 * its words) and the decoder (which derives them).
 */
import type { ArticleRecord, Evidence } from '../graph/types.js';
import { CONTEXT_POINTS } from './anchor.js';
import { CodePointIndex } from './codePoints.js';
import { sentenceAt } from './sentences.js';

/** The key order of an anchor as the builder writes it; an anchor in another order is stored whole. */
export const EVIDENCE_KEYS = 'article,exact,prefix,suffix,start,end,sentence';

export class SnapshotArticles {
  readonly records: readonly ArticleRecord[];
  private readonly indexById = new Map<string, number>();
  /** Code-point slicing of each article's text, made on first use (tables only for texts with surrogate pairs). */
  private readonly indexes = new Map<number, CodePointIndex>();

  constructor(records: readonly ArticleRecord[]) {
    this.records = records;
    records.forEach((record, i) => this.indexById.set(record.id, i));
  }

  indexOf(id: string): number | undefined {
    return this.indexById.get(id);
  }

  /** Code-point slicing of article `i`: one index per article, made once. */
  private indexOfText(i: number, text: string): CodePointIndex {
    // Testing the whole text for surrogates at every slice made encoding a snapshot cost (anchors x text
    // length). Without surrogate pairs the index is only the text itself.
    let index = this.indexes.get(i);
    if (index === undefined) {
      index = new CodePointIndex(text);
      this.indexes.set(i, index);
    }
    return index;
  }

  /** The text from code point `start` to `end` of article `i` (clamped, as CodePointIndex.slice is). */
  private slice(i: number, text: string, start: number, end: number): string {
    return this.indexOfText(i, text).slice(start, end);
  }

  /** The anchor at code points `start`..`end` of article `i`, as the builder makes it. */
  evidence(i: number, start: number, end: number): Evidence | undefined {
    const record = this.records[i];
    if (record === undefined) return undefined;
    const { text } = record;
    return {
      article: record.id,
      exact: this.slice(i, text, start, end),
      prefix: this.slice(i, text, start - CONTEXT_POINTS, start),
      suffix: this.slice(i, text, end, end + CONTEXT_POINTS),
      start,
      end,
      sentence: sentenceAt(record.sentences, start),
    };
  }

  /**
   * True when `e`'s words, prefix, suffix and sentence are those `evidence(i, e.start, e.end)` gives: what the
   * encoder asks of every anchor. Compared in place in a text without surrogate pairs (no string is made);
   * otherwise by making the anchor.
   */
  derives(i: number, e: Evidence): boolean {
    const record = this.records[i];
    if (record === undefined) return false;
    const { text } = record;
    const { start, end } = e;
    if (e.sentence !== sentenceAt(record.sentences, start)) return false;
    if (this.indexOfText(i, text).unitsArePoints && Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end >= start && end <= text.length) {
      return (
        isSliceOf(text, start, end, e.exact) &&
        isSliceOf(text, Math.max(0, start - CONTEXT_POINTS), start, e.prefix) &&
        isSliceOf(text, end, Math.min(text.length, end + CONTEXT_POINTS), e.suffix)
      );
    }
    const derived = this.evidence(i, start, end);
    return derived !== undefined && derived.exact === e.exact && derived.prefix === e.prefix && derived.suffix === e.suffix;
  }
}

/** `text.slice(from, to) === value`, for 0 <= from <= to <= text.length, without making the slice. */
function isSliceOf(text: string, from: number, to: number, value: unknown): boolean {
  return typeof value === 'string' && value.length === to - from && text.startsWith(value, from);
}
