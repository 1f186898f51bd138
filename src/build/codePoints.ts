/**
 * Offsets in Unicode code points. JavaScript strings index UTF-16 units; the W3C anchors we publish count
 * code points, so an emoji is one position, not two. This maps one to the other in O(1) after O(n) setup.
 */
export class CodePointIndex {
  readonly text: string;
  /** pointAt[u] = number of code points before UTF-16 unit u (for u in 0..length). */
  private readonly pointAt: Uint32Array;
  /** The text split into code points once, for slicing by code-point offsets. */
  private readonly points: readonly string[];

  constructor(text: string) {
    this.text = text;
    this.pointAt = new Uint32Array(text.length + 1);
    let points = 0;
    for (let unit = 0; unit < text.length; unit++) {
      this.pointAt[unit] = points;
      const code = text.charCodeAt(unit);
      const isHighSurrogate = code >= 0xd800 && code <= 0xdbff;
      if (!isHighSurrogate) points++;
    }
    this.pointAt[text.length] = points;
    this.points = Array.from(text);
  }

  get length(): number {
    return this.pointAt[this.text.length] ?? 0;
  }

  toPoint(unit: number): number {
    return this.pointAt[unit] ?? this.length;
  }

  /** The text from code point `start` up to, not including, code point `end`. */
  slice(start: number, end: number): string {
    return this.points.slice(Math.max(0, start), end).join('');
  }
}
