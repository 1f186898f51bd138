/**
 * Offsets in Unicode code points. JavaScript strings index UTF-16 units; the W3C anchors we publish count
 * code points, so an emoji is one position, not two. This maps one to the other in O(1) after O(n) setup.
 * A text without surrogate pairs (nearly every article) has one unit per code point: it gets no tables at
 * all, since a table per article (a Uint32Array and an array of one-character strings) kept for the whole
 * build was a large part of the heap, and of the garbage collector's time, at corpus scale.
 */
export class CodePointIndex {
  readonly text: string;
  /** pointAt[u] = number of code points before UTF-16 unit u (for u in 0..length); undefined when units are points. */
  private readonly pointAt: Uint32Array | undefined;
  /** The text split into code points once, for slicing by code-point offsets; undefined when units are points. */
  private readonly points: readonly string[] | undefined;

  constructor(text: string) {
    this.text = text;
    if (!SURROGATE.test(text)) {
      this.pointAt = undefined;
      this.points = undefined;
      return;
    }
    const pointAt = new Uint32Array(text.length + 1);
    let points = 0;
    for (let unit = 0; unit < text.length; unit++) {
      pointAt[unit] = points;
      const code = text.charCodeAt(unit);
      const isHighSurrogate = code >= 0xd800 && code <= 0xdbff;
      if (!isHighSurrogate) points++;
    }
    pointAt[text.length] = points;
    this.pointAt = pointAt;
    this.points = Array.from(text);
  }

  /** True when the text has no surrogate pair: a code-point offset is then a UTF-16 offset. */
  get unitsArePoints(): boolean {
    return this.pointAt === undefined;
  }

  get length(): number {
    return this.pointAt === undefined ? this.text.length : (this.pointAt[this.text.length] ?? 0);
  }

  toPoint(unit: number): number {
    if (this.pointAt === undefined) return unit >= 0 && unit <= this.text.length && Number.isInteger(unit) ? unit : this.length;
    return this.pointAt[unit] ?? this.length;
  }

  /** The text from code point `start` up to, not including, code point `end`. */
  slice(start: number, end: number): string {
    if (this.points === undefined) return this.text.slice(Math.max(0, start), end);
    return this.points.slice(Math.max(0, start), end).join('');
  }
}

/** Any UTF-16 surrogate: a text without one has exactly one unit per code point. */
const SURROGATE = /[\uD800-\uDFFF]/;
