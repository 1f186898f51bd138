/**
 * Records handed out without their long lists. A store may answer with a record that lacks the lists that grow
 * with the corpus (an entity's `evidence`, `articles` and `history`, a relation's `evidence`): the PostgreSQL store
 * does so for its hubs' records (postgres/slimRecords.ts), which would otherwise be read and parsed whole, megabytes
 * each, for every answer that only names them. The few fields that read those lists ask the store to complete the
 * record first (`withWholeEntity`, `withWholeRelation`); a store that always hands out whole records (the in-memory
 * one) has no `wholeEntity`, and those fields read the record as they always did, with no promise in between.
 *
 * Most of those fields read a few items of a list, or its length: `evidence(first: 5)`, `articles(first: 10)`, a
 * relation's `articleCount`. A store that can answer those without the whole record (`ReadsListHeads`: the
 * PostgreSQL store keeps the first items and the lengths in its slim copies, postgres/listHeads.ts) is asked through
 * `relationEvidence`, `relationArticleIds`, `relationArticleCount`, `entityEvidence` and `entityArticleIds`; for the
 * others these read the whole record as above (at once, for the in-memory store).
 */
import type { EntityAttributes, Evidence, RelationAttributes } from '../graph/types.js';
import { evidenceArticleIds } from './evidenceArticles.js';
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

/**
 * A store that answers the first items of a record's long lists, and a relation's article count, without reading
 * the whole record. Each answers what the whole record would: the same items in the same order.
 */
export interface ReadsListHeads {
  /** The first `first` quotes of the relation's evidence, in its order. */
  relationEvidence(relation: RelationAttributes, first: number): readonly Evidence[] | Promise<readonly Evidence[]>;
  /** Article ids among which the relation's first `first` articles in publication order are (at least those). */
  relationArticleIds(relation: RelationAttributes, first: number): readonly string[] | Promise<readonly string[]>;
  /** How many distinct articles the relation's evidence quotes. */
  relationArticleCount(relation: RelationAttributes): number | Promise<number>;
  /** The first `first` quotes of the entity's evidence, in its order. */
  entityEvidence(entity: EntityAttributes, first: number): readonly Evidence[] | Promise<readonly Evidence[]>;
  /** Article ids among which the entity's first `first` articles in publication order are (at least those). */
  entityArticleIds(entity: EntityAttributes, first: number): readonly string[] | Promise<readonly string[]>;
}

function headsReaderOf(store: GraphStore): ReadsListHeads | undefined {
  const candidate = store as GraphStore & Partial<ReadsListHeads>;
  return typeof candidate.relationArticleCount === 'function' && typeof candidate.relationEvidence === 'function' ? (candidate as GraphStore & ReadsListHeads) : undefined;
}

function firstOfList<T>(items: readonly T[] | undefined, first: number): readonly T[] {
  if (items === undefined) return [];
  return items.length <= first ? items : items.slice(0, first);
}

/** The relation's first `first` quotes (`first` already checked). */
export function relationEvidence(store: GraphStore, relation: RelationAttributes, first: number): readonly Evidence[] | Promise<readonly Evidence[]> {
  const heads = headsReaderOf(store);
  return heads !== undefined ? heads.relationEvidence(relation, first) : withWholeRelation(store, relation, (whole) => firstOfList(whole.evidence, first));
}

/** Ids that hold the relation's first `first` articles in publication order (`store.articles({ ids }, first)` answers them). */
export function relationArticleIds(store: GraphStore, relation: RelationAttributes, first: number): readonly string[] | Promise<readonly string[]> {
  const heads = headsReaderOf(store);
  return heads !== undefined ? heads.relationArticleIds(relation, first) : withWholeRelation(store, relation, (whole) => evidenceArticleIds(whole.evidence));
}

/** How many distinct articles state the relation. */
export function relationArticleCount(store: GraphStore, relation: RelationAttributes): number | Promise<number> {
  const heads = headsReaderOf(store);
  return heads !== undefined ? heads.relationArticleCount(relation) : withWholeRelation(store, relation, (whole) => evidenceArticleIds(whole.evidence).length);
}

/** The entity's first `first` quotes (`first` already checked). */
export function entityEvidence(store: GraphStore, entity: EntityAttributes, first: number): readonly Evidence[] | Promise<readonly Evidence[]> {
  const heads = headsReaderOf(store);
  return heads !== undefined ? heads.entityEvidence(entity, first) : withWholeEntity(store, entity, (whole) => firstOfList(whole.evidence, first));
}

/** Ids that hold the entity's first `first` articles in publication order (`store.articles({ ids }, first)` answers them). */
export function entityArticleIds(store: GraphStore, entity: EntityAttributes, first: number): readonly string[] | Promise<readonly string[]> {
  const heads = headsReaderOf(store);
  return heads !== undefined ? heads.entityArticleIds(entity, first) : withWholeEntity(store, entity, (whole) => whole.articles ?? []);
}
