/**
 * One relation per fact: statements of the same fact, from several articles or twice in one, become one
 * relation whose evidence holds the anchors of each (src/ontology/identity.ts says when two statements are
 * the same fact). Ids are given after merging, so a fact stated by three articles has one plain
 * `subject--predicate--object` id, and `-2` is left for a second, different fact between the same two ends.
 */
import { identifyingProperties, moreCertain } from '../ontology/index.js';
import type { Evidence, JsonObject, JsonValue, RelationAttributes } from '../graph/types.js';
import { RelationIds } from './relationIds.js';

/** A relation as one article states it, before merging; `explicitId` is an id written in the data. */
export interface Statement extends Omit<RelationAttributes, 'id'> {
  readonly explicitId?: string;
}

/**
 * The key two statements of one fact share. Beside the ends, predicate, polarity and identifying properties:
 * - `origin` and `event`: a projection of one meeting and of another meeting are two facts (two occasions);
 * - `attributedTo`: "Trump says X" and "Rubio says X" are two statements worth keeping apart;
 * - `time`, for a fact with no event: the same relation at two dates is two facts (two meetings), and an
 *   undated statement is not guessed to be either. A fact of an event is placed by its event: two reports of
 *   one meeting are one fact even when only one of them gives the date.
 * Modality is not in the key: the merged relation takes the most certain (identity.ts).
 */
export function factKey(s: Omit<RelationAttributes, 'id'>): string {
  const ends = s.symmetric ? [s.subject, s.object].sort() : [s.subject, s.object];
  const identifying = identifyingProperties(s.predicate).map((name) => normalize(s.properties[name]));
  return JSON.stringify([s.origin, s.predicate, ...ends, s.negated, s.attributedTo ?? null, s.event ?? null, s.event === undefined ? (s.time ?? null) : null, identifying]);
}

/**
 * Merges statements (given in publication order) into relations, in the order of each fact's first
 * statement. The first statement gives the fact's wording (its subject/object order, its properties); later
 * ones add their evidence, fill properties the first lacks, and may raise the modality.
 */
export function mergeFacts(statements: readonly Statement[]): RelationAttributes[] {
  // Each fact's anchors are gathered in one list and one set of keys, appended to as statements arrive: a
  // fact stated by thousands of articles (a head of state's office) costs linear, not quadratic, time.
  const facts = new Map<string, { statement: Statement; evidence: Evidence[]; anchors: Set<string> }>();
  for (const statement of statements) {
    const key = factKey(statement);
    let fact = facts.get(key);
    if (fact === undefined) {
      fact = { statement, evidence: [], anchors: new Set() };
      facts.set(key, fact);
    } else {
      fact.statement = mergeTwo(fact.statement, statement);
    }
    for (const anchor of statement.evidence) {
      const anchorId = anchorKey(anchor);
      if (fact.anchors.has(anchorId)) continue;
      fact.anchors.add(anchorId);
      fact.evidence.push(anchor);
    }
  }
  const ids = new RelationIds();
  // Anchors in the order their statements came (publication order), an anchor stated twice once.
  const merged = [...facts.values()].map(({ statement, evidence }) => ({ ...statement, evidence }));
  // Ids written in the data are kept; they were checked to be unique when read.
  for (const fact of merged) if (fact.explicitId !== undefined) ids.reserve(fact.explicitId);
  return merged.map(({ explicitId, ...fact }) => ({
    id: explicitId ?? ids.derive(fact.subject, fact.predicate, fact.object, fact.negated),
    ...fact,
  }));
}

function mergeTwo(first: Statement, next: Statement): Statement {
  const modality = moreCertain(first.modality, next.modality);
  const properties: JsonObject = { ...next.properties, ...first.properties };
  // A fact some article states is no longer only background: the outside source no longer applies.
  if (modality !== 'background' && (first.modality === 'background' || next.modality === 'background')) delete properties['source'];
  const explicitId = first.explicitId ?? next.explicitId;
  const time = first.time ?? next.time;
  const { draft: _draft, explicitId: _id, ...rest } = first;
  return {
    ...rest,
    ...(time !== undefined ? { time } : {}),
    modality,
    properties,
    ...(explicitId !== undefined ? { explicitId } : {}),
    // Still a draft only while every statement of it is one.
    ...(first.draft === true && next.draft === true ? { draft: true } : {}),
  };
}

function anchorKey(e: Evidence): string {
  return `${e.article}:${e.start}:${e.end}`;
}

/** Identifying values compare without regard to case and spacing ("Special envoy" is "Special Envoy"). */
function normalize(value: JsonValue | undefined): JsonValue {
  if (value === undefined) return null;
  return typeof value === 'string' ? value.trim().replace(/\s+/gu, ' ').toLowerCase() : value;
}
