/**
 * The articles that state a fact, derived from its evidence (a relation merged across articles holds
 * anchors in each): never stored, so it cannot disagree with the evidence.
 */
import type { Evidence } from '../graph/types.js';

/**
 * Results by evidence list. A graph's evidence lists do not change once built, and a fact stated by hundreds
 * of articles is asked for its `articleCount` by every question that lists it: derived once, not per field.
 */
const derived = new WeakMap<readonly Evidence[], readonly string[]>();

/** The distinct article ids of the evidence, in the order first quoted. The list is shared: do not change it. */
export function evidenceArticleIds(evidence: readonly Evidence[]): readonly string[] {
  if (evidence.length === 1) return [evidence[0]?.article ?? ''];
  let ids = derived.get(evidence);
  if (ids === undefined) {
    ids = [...new Set(evidence.map((anchor) => anchor.article))];
    derived.set(evidence, ids);
  }
  return ids;
}
