/**
 * A pretty-printing XML writer that writes what graphology-gexf's writer (xml-writer, indent of two spaces) writes,
 * byte for byte, but hands its text out as it goes (`take`), so that a GEXF document of a whole corpus can be read
 * an element at a time (gexf.ts). Only what the GEXF writer uses: the XML declaration, elements, attributes.
 * - an element starts on a new line indented by its depth; one with no child is closed as `<name .../>`, one with
 *   children gets its end tag on a line of its own;
 * - attribute values escape `&`, `<`, `"`, tab, line feed and carriage return; an empty value (or a boolean) is not
 *   written, as xml-writer skips any value that is falsy and not a number.
 */

import { PIECE_CHARS } from './layout.js';

interface Open {
  readonly name: string;
  hasChild: boolean;
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/"/g, '&quot;')
    .replace(/\t/g, '&#x9;')
    .replace(/\n/g, '&#xA;')
    .replace(/\r/g, '&#xD;');
}

export class PrettyXml {
  private out: string[] = [];
  private readonly stack: Open[] = [];
  /** The start tag of the innermost element is still open (attributes may follow). */
  private tagOpen = false;

  /** The XML declaration, first. */
  declaration(version: string, encoding: string): this {
    this.out.push(`<?xml version="${escapeAttribute(version)}" encoding="${escapeAttribute(encoding)}"?>`);
    return this;
  }

  start(name: string): this {
    if (this.tagOpen) this.out.push('>');
    const parent = this.stack.at(-1);
    if (parent !== undefined) parent.hasChild = true;
    this.stack.push({ name, hasChild: false });
    this.newline(this.stack.length);
    this.out.push(`<${name}`);
    this.tagOpen = true;
    return this;
  }

  attribute(name: string, value: string | number): this {
    if (typeof value !== 'number' && value === '') return this;
    this.out.push(` ${name}="${escapeAttribute(String(value))}"`);
    return this;
  }

  /**
   * An attribute whose value comes in parts, for a value too long to be one string: each part escaped as it comes
   * (escaping is character by character), the text so far handed out (as `take` returns it) every PIECE_CHARS or so.
   * The caller writes nothing else into this writer until the parts are read to the end.
   */
  *attributeInParts(name: string, parts: Iterable<string>): Generator<string> {
    this.out.push(` ${name}="`);
    let chars = 0;
    for (const part of parts) {
      const escaped = escapeAttribute(part);
      this.out.push(escaped);
      chars += escaped.length;
      if (chars < PIECE_CHARS) continue;
      yield this.take();
      chars = 0;
    }
    this.out.push('"');
  }

  end(): this {
    const element = this.stack.pop();
    if (element === undefined) return this;
    if (this.tagOpen) {
      this.out.push('/>');
      this.tagOpen = false;
    } else {
      if (element.hasChild) this.newline(this.stack.length + 1);
      this.out.push(`</${element.name}>`);
    }
    return this;
  }

  /** The text written since the last call (an open start tag stays open). */
  take(): string {
    const text = this.out.join('');
    this.out = [];
    return text;
  }

  /** Closes every open element. */
  finish(): this {
    while (this.stack.length > 0) this.end();
    return this;
  }

  private newline(depth: number): void {
    this.out.push(`\n${'  '.repeat(depth - 1)}`);
  }
}
