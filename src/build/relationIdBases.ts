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

/** Per snapshot: the part before `-N` of every node id that ends so (made once, from the node index). */
const suffixedPrefixes = new WeakMap<SnapshotLines, Set<string>>();
function prefixesOf(lines: SnapshotLines): Set<string> {
  let prefixes = suffixedPrefixes.get(lines);
  if (prefixes === undefined) {
    prefixes = new Set();
    for (const key of lines.nodeIndex().keys()) {
      const prefix = SUFFIX.exec(key)?.[1];
      if (prefix !== undefined) prefixes.add(prefix);
    }
    suffixedPrefixes.set(lines, prefixes);
  }
  return prefixes;
}

/**
 * Why the ids of `base` could be another base's, or undefined when they cannot: derived ids are `base-2`,
 * `base-3`, ..., so two bases interact only when one object id is another's plus `-N` (given that no id
 * contains "--", which the caller checks); `newIds` are the node ids a patch adds. Asked of a set made once per snapshot: a scan of the node lines
 * for each base cost 1.2 s for the thirty bases an added article touches, at 10,000 articles.
 */
export function baseCollision(base: string, lines: SnapshotLines, newIds: readonly string[] = []): string | undefined {
  const object = base.slice(base.lastIndexOf('--') + 2);
  const prefix = SUFFIX.exec(object)?.[1];
  const collides =
    (prefix !== undefined && (lines.nodeIndex().has(prefix) || newIds.includes(prefix))) ||
    prefixesOf(lines).has(object) ||
    newIds.some((id) => SUFFIX.exec(id)?.[1] === object);
  return collides ? `the relation id base ${base} could collide with another` : undefined;
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
