/**
 * Records handed out without their long lists. A store may answer with a record that lacks the lists that grow
 * with the corpus (an entity's `evidence`, `articles` and `history`, a relation's `evidence`): the PostgreSQL store
 * does so for its hubs' records (postgres/slimRecords.ts), which would otherwise be read and parsed whole, megabytes
 * each, for every answer that only names them. The few fields that read those lists ask the store to complete the
 * record first (`withWholeEntity`, `withWholeRelation`); a store that always hands out whole records (the in-memory
 * one) has no `wholeEntity`, and those fields read the record as they always did, with no promise in between.
 */
import type { EntityAttributes, RelationAttributes } from '../graph/types.js';
import type { GraphStore } from './types.js';

/** A store whose records may lack their long lists, and which reads the whole record on demand. */
export interface CompletesRecords {
  /** The entity with its lists: the same object when it has them, else the whole record read again. */
  wholeEntity(entity: EntityAttributes): EntityAttributes | Promise<EntityAttributes>;
  /** The relation with its evidence: the same object when it has it, else the whole record read again. */
  wholeRelation(relation: RelationAttributes): RelationAttributes | Promise<RelationAttributes>;
}

function completerOf(store: GraphStore): CompletesRecords | undefined {
  const candidate = store as GraphStore & Partial<CompletesRecords>;
  return typeof candidate.wholeEntity === 'function' && typeof candidate.wholeRelation === 'function' ? (candidate as GraphStore & CompletesRecords) : undefined;
}

function then<T, R>(value: T | Promise<T>, read: (value: T) => R | Promise<R>): R | Promise<R> {
  return value instanceof Promise ? value.then(read) : read(value);
}

/** `read(entity)` on the whole record: at once when the store's records are whole, else once it is read. */
export function withWholeEntity<R>(store: GraphStore, entity: EntityAttributes, read: (entity: EntityAttributes) => R | Promise<R>): R | Promise<R> {
  const completer = completerOf(store);
  return completer === undefined ? read(entity) : then(completer.wholeEntity(entity), read);
}

/** `read(relation)` on the whole record: at once when the store's records are whole, else once it is read. */
export function withWholeRelation<R>(store: GraphStore, relation: RelationAttributes, read: (relation: RelationAttributes) => R | Promise<R>): R | Promise<R> {
  const completer = completerOf(store);
  return completer === undefined ? read(relation) : then(completer.wholeRelation(relation), read);
}
