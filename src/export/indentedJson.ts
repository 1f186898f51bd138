/**
 * `JSON.stringify(value, null, 2)` written a piece at a time: an array of a whole corpus' nodes is one element per
 * piece, each stringified alone and indented to its depth. That is byte for byte the same text, because
 * JSON.stringify's indentation of a nested value is its own indentation with every line break followed by the
 * indent of the depth it sits at, and JSON strings never hold a raw line break. An element that holds a long list
 * (a head of state's evidence) is itself written in pieces, the list an item at a time.
 */
import { PIECES_FROM_ITEMS } from './columns.js';
import { joinedPieces, type Section } from './layout.js';

/** `value` as `JSON.stringify(value, null, 2)` writes it at a depth whose indent is `indent`. */
export function indentedJson(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}

/** What JSON.stringify writes as null in an array and leaves out of an object. */
export function isUnwritten(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** How deep in an element's objects a long list is looked for once it is known to hold one (indentedJsonParts). */
const LONG_LIST_DEPTH = 3;

/** An object JSON.stringify writes key by key: a plain object without a toJSON of its own. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return (prototype === Object.prototype || prototype === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function';
}

/** Whether `value` is, or holds in its plain objects `depth` levels down, a list of PIECES_FROM_ITEMS items or more. */
function holdsLongList(value: unknown, depth: number): boolean {
  if (Array.isArray(value)) return value.length >= PIECES_FROM_ITEMS;
  if (depth === 0 || !isPlainObject(value)) return false;
  for (const key in value) if (holdsLongList(value[key], depth - 1)) return true;
  return false;
}

/**
 * indentedJson's text in parts, a long list an item at a time (a head of state's evidence at 100,000 articles is tens
 * of megabytes of JSON): what holds no long list is written whole; a list or object that does, as JSON.stringify
 * indents it (`[` or `{`, a line break, each member at the inner indent, members separated by `,` and a line break,
 * a line break and the closing bracket at this indent; in an object, the members JSON.stringify leaves out left out).
 */
function* indentedJsonParts(value: unknown, indent: string, depth: number): Generator<string> {
  if (!holdsLongList(value, depth)) {
    yield indentedJson(value, indent);
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      yield `${index === 0 ? '[\n' : ',\n'}${inner}`;
      if (isUnwritten(item)) yield 'null';
      else yield* indentedJsonParts(item, inner, depth - 1);
    }
    yield `\n${indent}]`;
    return;
  }
  const members = Object.entries(value as Record<string, unknown>).filter(([, member]) => !isUnwritten(member));
  for (const [index, [key, member]] of members.entries()) {
    yield `${index === 0 ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
    yield* indentedJsonParts(member, inner, depth - 1);
  }
  yield `\n${indent}}`;
}

/**
 * A JSON array at the depth of `indent`, one element per piece, each element `write(element)` (layout.ts); an element
 * for which `isLong` is true (it holds a long list: columns.ts hasLongList) in pieces, its lists an item at a time.
 */
export function jsonArraySection<T>(indent: string, write: (element: T) => unknown, isLong?: (element: T) => boolean): Section<T> {
  const inner = `${indent}  `;
  return {
    item: (element, index) => {
      const value = write(element);
      const head = `${index === 0 ? '[\n' : ',\n'}${inner}`;
      if (isUnwritten(value)) return `${head}null`;
      // `isLong` asks the element's columns (cheap); looking through every element's objects cost 10-20% of the layout.
      if (isLong?.(element) !== true) return head + indentedJson(value, inner);
      return joinedPieces(
        (function* (): Generator<string> {
          yield head;
          yield* indentedJsonParts(value, inner, LONG_LIST_DEPTH);
        })(),
      );
    },
    end: (count) => (count === 0 ? '[]' : `\n${indent}]`),
  };
}
