/**
 * `JSON.stringify(value, null, 2)` written a piece at a time: an array of a whole corpus' nodes is one element per
 * piece, each stringified alone and indented to its depth. That is byte for byte the same text, because
 * JSON.stringify's indentation of a nested value is its own indentation with every line break followed by the
 * indent of the depth it sits at, and JSON strings never hold a raw line break.
 */
import type { Section } from './layout.js';

/** `value` as `JSON.stringify(value, null, 2)` writes it at a depth whose indent is `indent`. */
export function indentedJson(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}

/** What JSON.stringify writes as null in an array and leaves out of an object. */
export function isUnwritten(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** A JSON array at the depth of `indent`, one element per piece, each element `write(element)` (layout.ts). */
export function jsonArraySection<T>(indent: string, write: (element: T) => unknown): Section<T> {
  const inner = `${indent}  `;
  return {
    item: (element, index) => {
      const value = write(element);
      return `${index === 0 ? '[\n' : ',\n'}${inner}${isUnwritten(value) ? 'null' : indentedJson(value, inner)}`;
    },
    end: (count) => (count === 0 ? '[]' : `\n${indent}]`),
  };
}

