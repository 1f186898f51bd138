/**
 * `JSON.stringify(value, null, 2)` written a piece at a time: an array of a whole corpus' nodes is one element per
 * piece, each stringified alone and indented to its depth. That is byte for byte the same text, because
 * JSON.stringify's indentation of a nested value is its own indentation with every line break followed by the
 * indent of the depth it sits at, and JSON strings never hold a raw line break.
 */

/** `value` as `JSON.stringify(value, null, 2)` writes it at a depth whose indent is `indent`. */
export function indentedJson(value: unknown, indent: string): string {
  const text = JSON.stringify(value, null, 2);
  return indent === '' ? text : text.replaceAll('\n', `\n${indent}`);
}

/** What JSON.stringify writes as null in an array and leaves out of an object. */
function isUnwritten(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol';
}

/** A JSON array of `items` at the depth of `indent`, one element per piece (lazy). */
export function* jsonArrayPieces(items: Iterable<unknown>, indent: string): Generator<string> {
  const inner = `${indent}  `;
  let first = true;
  for (const item of items) {
    yield `${first ? '[\n' : ',\n'}${inner}${isUnwritten(item) ? 'null' : indentedJson(item, inner)}`;
    first = false;
  }
  yield first ? '[]' : `\n${indent}]`;
}

/** A member of a JSON object written in pieces: its value's text at the member's depth, given that depth's indent. */
export type JsonMember = readonly [name: string, write: (indent: string) => Iterable<string>];

/** A member whose value is written whole. */
export function wholeMember(name: string, value: unknown): JsonMember {
  return [name, (indent) => [indentedJson(value, indent)]];
}

/** A JSON object of `members` (none undefined) at the depth of `indent`, its members' values in pieces (lazy). */
export function* jsonObjectPieces(members: Iterable<JsonMember>, indent: string): Generator<string> {
  const inner = `${indent}  `;
  let first = true;
  for (const [name, write] of members) {
    yield `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(name)}: `;
    yield* write(inner);
    first = false;
  }
  yield first ? '{}' : `\n${indent}}`;
}

/**
 * A plain object's members, each value an array written element by element when it is one, else whole; undefined
 * values left out, as JSON.stringify does. For objects of a few large arrays (the graph attributes' articles).
 */
export function arrayMembers(value: object): JsonMember[] {
  return Object.entries(value)
    .filter(([, member]) => !isUnwritten(member))
    .map(([name, member]): JsonMember => (Array.isArray(member) ? [name, (indent) => jsonArrayPieces(member, indent)] : wholeMember(name, member)));
}
