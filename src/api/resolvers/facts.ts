/**
 * Relations read as the facts they state: an office (Position), a recognition, a preference, an urging.
 * Each keeps its relation one field away, for the evidence and the qualifiers.
 */
import { adjacentRelations, type Direction } from '../../graph/index.js';
import type { EntityAttributes, JsonValue, NewsGraph, RelationAttributes } from '../../graph/index.js';
import { entityAt, findEntity } from './common.js';

export interface PositionAnswer {
  readonly title: string;
  readonly holder: EntityAttributes;
  readonly of: EntityAttributes;
  readonly relation: RelationAttributes;
}

export interface RecognitionAnswer {
  readonly proposal: EntityAttributes;
  readonly place: EntityAttributes;
  readonly as: string;
  readonly relation: RelationAttributes;
}

export interface PreferenceAnswer {
  readonly by: EntityAttributes;
  readonly proposal: EntityAttributes;
  readonly over: EntityAttributes | null;
  readonly negated: boolean;
  readonly relation: RelationAttributes;
}

export interface UrgingAnswer {
  readonly by: EntityAttributes;
  readonly target: EntityAttributes;
  readonly to: string;
  readonly event: EntityAttributes | null;
  readonly relation: RelationAttributes;
}

function text(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

/** The relations that hold (not negated) with this predicate around `id`. */
function holding(graph: NewsGraph, id: string, predicate: string, direction: Direction): RelationAttributes[] {
  return adjacentRelations(graph, id, { predicates: [predicate], direction, negated: false });
}

/** Offices held by a person (OUT) or in a government or organization (IN). */
export function positions(graph: NewsGraph, id: string, direction: 'OUT' | 'IN'): PositionAnswer[] {
  return holding(graph, id, 'HOLDS_POSITION', direction).map((relation) => ({
    title: text(relation.properties['title']),
    holder: entityAt(graph, relation.subject),
    of: entityAt(graph, relation.object),
    relation,
  }));
}

/** What a proposal recognizes (OUT), or which proposals recognize a place (IN). */
export function recognitions(graph: NewsGraph, id: string, direction: 'OUT' | 'IN'): RecognitionAnswer[] {
  return holding(graph, id, 'RECOGNIZES', direction).map((relation) => ({
    proposal: entityAt(graph, relation.subject),
    place: entityAt(graph, relation.object),
    as: text(relation.properties['as']),
    relation,
  }));
}

/** Who prefers a proposal, and over which; negated preferences are kept and marked. */
export function preferences(graph: NewsGraph, proposalId: string): PreferenceAnswer[] {
  return adjacentRelations(graph, proposalId, { predicates: ['PREFERS'], direction: 'IN' }).map((relation) => {
    const over = relation.properties['over'];
    return {
      by: entityAt(graph, relation.subject),
      proposal: entityAt(graph, relation.object),
      over: typeof over === 'string' ? findEntity(graph, over) : null,
      negated: relation.negated,
      relation,
    };
  });
}

/** What an actor urged (OUT) or was urged (IN) to do. */
export function urgings(graph: NewsGraph, id: string, direction: 'OUT' | 'IN'): UrgingAnswer[] {
  return holding(graph, id, 'URGED', direction).map((relation) => ({
    by: entityAt(graph, relation.subject),
    target: entityAt(graph, relation.object),
    to: text(relation.properties['to']),
    event: relation.event === undefined ? null : findEntity(graph, relation.event),
    relation,
  }));
}
