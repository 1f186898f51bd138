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
  // No sorted copy of the ends: a symmetric fact's ends in code-unit order, as Array.prototype.sort puts them.
  const swap = s.symmetric && s.object < s.subject;
  const names = identifyingOf(s.predicate);
  const identifying = names.length === 0 ? NO_VALUES : names.map((name) => normalize(s.properties[name]));
  return JSON.stringify([s.origin, s.predicate, swap ? s.object : s.subject, swap ? s.subject : s.object, s.negated, s.attributedTo ?? null, s.event ?? null, s.event === undefined ? (s.time ?? null) : null, identifying]);
}

const NO_VALUES: readonly JsonValue[] = [];

/** identifyingProperties of each predicate, asked once (it lists a predicate's properties anew at each call). */
const identifyingByPredicate = new Map<string, readonly string[]>();
function identifyingOf(predicate: Statement['predicate']): readonly string[] {
  let names = identifyingByPredicate.get(predicate);
  if (names === undefined) {
    names = identifyingProperties(predicate);
    identifyingByPredicate.set(predicate, names);
  }
  return names;
}

/**
 * Merges statements (given in publication order) into relations, in the order of each fact's first
 * statement. The first statement gives the fact's wording (its subject/object order, its properties); later
 * ones add their evidence, fill properties the first lacks, and may raise the modality.
 */
export function mergeFacts(statements: readonly Statement[]): RelationAttributes[] {
  // Each fact's anchors are gathered in one list and one set of keys, appended to as statements arrive: a
  // fact stated by thousands of articles (a head of state's office) costs linear, not quadratic, time. The
  // set is made only when a second anchor comes: most facts have one, and a key and a set each was garbage.
  const facts = new Map<string, Fact>();
  for (const statement of statements) {
    const key = factKey(statement);
    let fact = facts.get(key);
    if (fact === undefined) {
      fact = { statement, evidence: [], anchors: undefined };
      facts.set(key, fact);
    } else {
      fact.statement = mergeTwo(fact.statement, statement);
    }
    for (const anchor of statement.evidence) addAnchor(fact, anchor);
  }
  const ids = new RelationIds();
  // Ids written in the data are kept; they were checked to be unique when read.
  for (const { statement } of facts.values()) if (statement.explicitId !== undefined) ids.reserve(statement.explicitId);
  // One record per fact, made once: the fact's id first, then its first statement's fields in their order,
  // with its anchors in the order their statements came (publication order), an anchor stated twice once.
  const merged: RelationAttributes[] = [];
  for (const { statement, evidence } of facts.values()) {
    if (statement.explicitId === undefined && !Object.hasOwn(statement, 'explicitId')) {
      merged.push({ id: ids.derive(statement.subject, statement.predicate, statement.object, statement.negated), ...statement, evidence });
    } else {
      const { explicitId, ...fact } = statement;
      merged.push({ id: explicitId ?? ids.derive(fact.subject, fact.predicate, fact.object, fact.negated), ...fact, evidence });
    }
  }
  return merged;
}

interface Fact {
  statement: Statement;
  readonly evidence: Evidence[];
  /** The keys of `evidence` (anchorKey), once it holds more than one anchor. */
  anchors: Set<string> | undefined;
}

/** Adds an anchor to the fact's evidence unless it is there already. */
function addAnchor(fact: Fact, anchor: Evidence): void {
  if (fact.evidence.length === 0) {
    fact.evidence.push(anchor);
    return;
  }
  if (fact.anchors === undefined) fact.anchors = new Set(fact.evidence.map(anchorKey));
  const anchorId = anchorKey(anchor);
  if (fact.anchors.has(anchorId)) return;
  fact.anchors.add(anchorId);
  fact.evidence.push(anchor);
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
