/**
 * Relations read as the facts they state: an office (Position), a recognition, a preference, an urging.
 * Each keeps its relation one field away, for the evidence and the qualifiers.
 */
import type { JsonValue } from '../../graph/index.js';
import type { Direction, GraphStore, StoredEntity, StoredRelation } from '../../store/index.js';
import { DEFAULT_FIRST } from '../listSizes.js';
import { checkFirst, entityAt, type FirstArgs } from './common.js';

export interface PositionAnswer {
  readonly title: string;
  readonly holder: StoredEntity;
  readonly of: StoredEntity;
  readonly relation: StoredRelation;
}

export interface RecognitionAnswer {
  readonly proposal: StoredEntity;
  readonly place: StoredEntity;
  readonly as: string;
  readonly relation: StoredRelation;
}

export interface PreferenceAnswer {
  readonly by: StoredEntity;
  readonly proposal: StoredEntity;
  readonly over: StoredEntity | null;
  readonly negated: boolean;
  readonly relation: StoredRelation;
}

export interface UrgingAnswer {
  readonly by: StoredEntity;
  readonly target: StoredEntity;
  readonly to: string;
  readonly event: StoredEntity | null;
  readonly relation: StoredRelation;
}

function text(value: JsonValue | undefined): string {
  return typeof value === 'string' ? value : '';
}

/** The relations that hold (not negated) with this predicate around `id`, at most `first`. */
function holding(store: GraphStore, id: string, predicate: string, direction: Direction, args: FirstArgs): Promise<StoredRelation[]> {
  return store.relationsOf(id, { predicates: [predicate], direction, negated: false }, checkFirst(args.first, DEFAULT_FIRST.typed));
}

/**
 * Offices held by a person (OUT) or in a government or organization (IN). The end that is `at` itself is not looked
 * up again: over PostgreSQL that was one more statement per page, reading every person of "Who holds which position".
 */
export async function positions(store: GraphStore, at: StoredEntity, direction: 'OUT' | 'IN', args: FirstArgs): Promise<PositionAnswer[]> {
  const relations = await holding(store, at.id, 'HOLDS_POSITION', direction, args);
  const end = (id: string): StoredEntity | Promise<StoredEntity> => (id === at.id ? at : entityAt(store, id));
  return Promise.all(
    relations.map(async (relation) => ({
      title: text(relation.properties['title']),
      holder: await end(relation.subject),
      of: await end(relation.object),
      relation,
    })),
  );
}

/** What a proposal recognizes (OUT), or which proposals recognize a place (IN). */
export async function recognitions(store: GraphStore, id: string, direction: 'OUT' | 'IN', args: FirstArgs): Promise<RecognitionAnswer[]> {
  const relations = await holding(store, id, 'RECOGNIZES', direction, args);
  return Promise.all(
    relations.map(async (relation) => ({
      proposal: await entityAt(store, relation.subject),
      place: await entityAt(store, relation.object),
      as: text(relation.properties['as']),
      relation,
    })),
  );
}

/** Who prefers a proposal, and over which; negated preferences are kept and marked. */
export async function preferences(store: GraphStore, proposalId: string, args: FirstArgs): Promise<PreferenceAnswer[]> {
  const relations = await store.relationsOf(proposalId, { predicates: ['PREFERS'], direction: 'IN' }, checkFirst(args.first, DEFAULT_FIRST.typed));
  return Promise.all(
    relations.map(async (relation) => {
      const over = relation.properties['over'];
      return {
        by: await entityAt(store, relation.subject),
        proposal: await entityAt(store, relation.object),
        over: typeof over === 'string' ? await store.entity(over) : null,
        negated: relation.negated,
        relation,
      };
    }),
  );
}

/** What an actor urged (OUT) or was urged (IN) to do. */
export async function urgings(store: GraphStore, id: string, direction: 'OUT' | 'IN', args: FirstArgs): Promise<UrgingAnswer[]> {
  const relations = await holding(store, id, 'URGED', direction, args);
  return Promise.all(
    relations.map(async (relation) => ({
      by: await entityAt(store, relation.subject),
      target: await entityAt(store, relation.object),
      to: text(relation.properties['to']),
      event: relation.event === undefined ? null : await store.entity(relation.event),
      relation,
    })),
  );
}
