/**
 * The `reach` table: for each entity, how many distinct entities one traversable relation reaches from it (itself
 * left out). That is the size of the first ring a path search expands from it (paths.ts `shortestPath`, which
 * follows traversable relations in either direction), known without reading a hub's relations: the search
 * compares the two frontiers' sizes to choose which side to expand, and around a hub (77,000 distinct neighbours at
 * 100,000 articles) reading them to count them was most of a path's time (traversals.ts).
 *
 * Counted here from the plan's compact arrays: each traversable relation gives two (entity, other) keys, sorted as
 * numbers, and each entity's distinct others are its run of distinct keys (40 MB for 2.5M relations, no Set).
 */
import { TRAVERSABLE, type CorpusPlan } from './corpusPlan.js';
import type { CopyValue } from './copyText.js';

/** Distinct entities one traversable relation reaches from each entity (by position), itself left out. */
export function distinctNeighbourCounts(plan: Pick<CorpusPlan, 'entityIds' | 'relationSubject' | 'relationObject' | 'relationFlags'>): Int32Array {
  const { entityIds, relationSubject, relationObject, relationFlags } = plan;
  const entities = entityIds.length;
  let pairs = 0;
  for (let pos = 0; pos < relationSubject.length; pos++) {
    if (((relationFlags[pos] ?? 0) & TRAVERSABLE) !== 0 && relationSubject[pos] !== relationObject[pos]) pairs += 2;
  }
  // entity × entities + other: exact in a double while entities² < 2^53 (95 million entities).
  const keys = new Float64Array(pairs);
  let at = 0;
  for (let pos = 0; pos < relationSubject.length; pos++) {
    const subject = relationSubject[pos] ?? 0;
    const object = relationObject[pos] ?? 0;
    if (((relationFlags[pos] ?? 0) & TRAVERSABLE) === 0 || subject === object) continue;
    keys[at++] = subject * entities + object;
    keys[at++] = object * entities + subject;
  }
  keys.sort();
  const counts = new Int32Array(entities);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i] ?? 0;
    if (i > 0 && keys[i - 1] === key) continue;
    const entity = Math.floor(key / entities);
    counts[entity] = (counts[entity] ?? 0) + 1;
  }
  return counts;
}

/** One row per entity: its position, its id and its count. */
export function* reachRows(plan: CorpusPlan): Generator<CopyValue[]> {
  const counts = distinctNeighbourCounts(plan);
  for (let pos = 0; pos < plan.entityIds.length; pos++) yield [pos, plan.entityIds[pos], counts[pos] ?? 0];
}
