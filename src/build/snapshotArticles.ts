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

  /** The text from code point `start` to `end` of article `i` (clamped, as CodePointIndex.slice is). */
  private slice(i: number, text: string, start: number, end: number): string {
    // One index per article, made once: testing the whole text for surrogates at every slice made encoding
    // a snapshot cost (anchors x text length). Without surrogate pairs the index is only the text itself.
    let index = this.indexes.get(i);
    if (index === undefined) {
      index = new CodePointIndex(text);
      this.indexes.set(i, index);
    }
    return index.slice(start, end);
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
}
