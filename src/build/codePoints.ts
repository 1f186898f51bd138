/**
 * Offsets in Unicode code points. JavaScript strings index UTF-16 units; the W3C anchors we publish count
 * code points, so an emoji is one position, not two. This maps one to the other in O(1) after O(n) setup.
 */
export class CodePointIndex {
  readonly text: string;
  /** pointAt[u] = number of code points before UTF-16 unit u (for u in 0..length). */
  private readonly pointAt: Uint32Array;

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
  }

  get length(): number {
    return this.pointAt[this.text.length] ?? 0;
  }

  toPoint(unit: number): number {
    return this.pointAt[unit] ?? this.length;
  }
}

/** The substring between two code-point offsets. */
export function sliceCodePoints(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}
