/**
 * The API's evidence offsets count Unicode code points; the DOM (String indices, Range offsets) counts UTF-16
 * code units. An emoji outside the Basic Multilingual Plane is one code point and two units, so slicing the text
 * with the API's offsets directly would highlight the wrong characters after it.
 */

/** The UTF-16 index in `text` of code point `codePoint` (the text's length when past its end). */
export function utf16Offset(text: string, codePoint: number): number {
  let units = 0;
  let points = 0;
  while (points < codePoint && units < text.length) {
    const unit = text.charCodeAt(units);
    // A high surrogate followed by a low one is one code point of two units.
    const pair = unit >= 0xd800 && unit <= 0xdbff && units + 1 < text.length && (text.charCodeAt(units + 1) & 0xfc00) === 0xdc00;
    units += pair ? 2 : 1;
    points += 1;
  }
  return units;
}

/** The UTF-16 span of the code-point span [start, end). */
export function utf16Span(text: string, start: number, end: number): { start: number; end: number } {
  const from = utf16Offset(text, start);
  return { start: from, end: from + utf16Offset(text.slice(from), end - start) };
}
