/**
 * The articles that state a fact, derived from its evidence (a relation merged across articles holds
 * anchors in each): never stored, so it cannot disagree with the evidence.
 */
import type { Evidence } from '../graph/types.js';

/** The distinct article ids of the evidence, in the order first quoted. */
export function evidenceArticleIds(evidence: readonly Evidence[]): string[] {
  if (evidence.length === 1) return [evidence[0]?.article ?? ''];
  const ids: string[] = [];
  for (const anchor of evidence) if (!ids.includes(anchor.article)) ids.push(anchor.article);
  return ids;
}
