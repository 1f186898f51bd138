/**
 * Relation id bases (relationIds.ts): `subject--verb--object`, whose facts take `base`, `base-2`, `base-3`, ...
 * in edge order. What the patcher (snapshotPatch.ts) needs to give a base's ids again after a fact joined or
 * left it: the base of a relation, the edge lines that hold its ids, and whether its ids could meet another's.
 */
import type { SnapshotLines } from './snapshotLines.js';

/** The id base of a relation (relationIds.ts): `subject--verb--object`. */
export function baseOf(subject: string, predicate: string, object: string, negated: boolean): string {
  return `${subject}--${negated ? 'not-' : ''}${predicate.toLowerCase().replace(/_/g, '-')}--${object}`;
}

const SUFFIX = /^(.*)-([2-9]|[1-9]\d+)$/su;

/**
 * Why the ids of `base` could be another base's, or undefined when they cannot: derived ids are `base-2`,
 * `base-3`, ..., so two bases interact only when one object id is another's plus `-N` (given that no id
 * contains "--", which the caller checks).
 */
export function baseCollision(base: string, lines: SnapshotLines): string | undefined {
  const object = base.slice(base.lastIndexOf('--') + 2);
  const suffixed = SUFFIX.exec(object);
  if (suffixed && lines.nodeNumber(suffixed[1] ?? '') !== undefined) return `the relation id base ${base} could collide with another`;
  for (const key of lines.nodeKeysStartingWith(`${object}-`)) {
    if (SUFFIX.exec(key)?.[1] === object) return `the relation id base ${base} could collide with another`;
  }
  return undefined;
}

/** The edge lines whose ids are `base`, `base-2`, `base-3`, ... in turn, as long as there is one. */
export function linesOfBase(base: string, lines: SnapshotLines): number[] {
  const found: number[] = [];
  for (let n = 1; ; n++) {
    const line = lines.edgeLine(n === 1 ? base : `${base}-${n}`);
    if (line === undefined) return found;
    found.push(line);
  }
}
