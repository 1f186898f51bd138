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
import type { GraphStore, StoredEntity, StoredRelation } from './types.js';

/**
 * A store whose records may lack their long lists, and which reads the whole record on demand, in two forms: for a
 * library's caller, plain data (`wholeEntity`, `wholeRelation`); for the resolvers, which read one list of a hub's
 * record at most, a record whose long lists may be getters that parse their JSON when first read
 * (`entityWithListsWhenRead`, `relationWithListsWhenRead`: postgres/lazyRecord.ts).
 */
export interface CompletesRecords {
  /** The entity with its lists, as plain data: a copy, or the whole record read again. */
  wholeEntity(entity: StoredEntity): EntityAttributes | Promise<EntityAttributes>;
  /** The relation with its evidence, as plain data: a copy, or the whole record read again. */
  wholeRelation(relation: StoredRelation): RelationAttributes | Promise<RelationAttributes>;
  /** The entity with its lists, which may be getters parsed when first read: the same object when it has them. */
  entityWithListsWhenRead(entity: StoredEntity): EntityAttributes | Promise<EntityAttributes>;
  /** The relation with its evidence, which may be a getter parsed when first read: the same object when it has it. */
  relationWithListsWhenRead(relation: StoredRelation): RelationAttributes | Promise<RelationAttributes>;
}

function completerOf(store: GraphStore): CompletesRecords | undefined {
  const candidate = store as GraphStore & Partial<CompletesRecords>;
  return typeof candidate.entityWithListsWhenRead === 'function' && typeof candidate.relationWithListsWhenRead === 'function' ? (candidate as GraphStore & CompletesRecords) : undefined;
}

function then<T, R>(value: T | Promise<T>, read: (value: T) => R | Promise<R>): R | Promise<R> {
  return value instanceof Promise ? value.then(read) : read(value);
}

/**
 * A record of a store that has no `wholeEntity`/`wholeRelation`: whole by that store's contract (the in-memory store
 * hands out its graph's records), read as they are, as before; a graph made in code may leave a list out of a record.
 */
function asWhole<T extends EntityAttributes | RelationAttributes>(record: StoredEntity | StoredRelation): T {
  return record as unknown as T;
}

/** Whether an entity handed out by a store has its lists (every whole record has `evidence`; a getter's list is not read). */
export function isWholeEntity(entity: StoredEntity): entity is EntityAttributes {
  return 'evidence' in entity;
}

/** Whether a relation handed out by a store has its evidence (a getter's list is not read). */
export function isWholeRelation(relation: StoredRelation): relation is RelationAttributes {
  return 'evidence' in relation;
}

/** `read(entity)` on the whole record: at once when the store's records are whole, else once it is read. */
export function withWholeEntity<R>(store: GraphStore, entity: StoredEntity, read: (entity: EntityAttributes) => R | Promise<R>): R | Promise<R> {
  const completer = completerOf(store);
  return completer === undefined ? read(asWhole<EntityAttributes>(entity)) : then(completer.entityWithListsWhenRead(entity), read);
}

/** `read(relation)` on the whole record: at once when the store's records are whole, else once it is read. */
export function withWholeRelation<R>(store: GraphStore, relation: StoredRelation, read: (relation: RelationAttributes) => R | Promise<R>): R | Promise<R> {
  const completer = completerOf(store);
  return completer === undefined ? read(asWhole<RelationAttributes>(relation)) : then(completer.relationWithListsWhenRead(relation), read);
}

/**
 * A store that answers the first items of a record's long lists, and a relation's article count, without reading
 * the whole record. Each answers what the whole record would: the same items in the same order.
 */
export interface ReadsListHeads {
  /** The first `first` quotes of the relation's evidence, in its order. */
  relationEvidence(relation: StoredRelation, first: number): readonly Evidence[] | Promise<readonly Evidence[]>;
  /** Article ids among which the relation's first `first` articles in publication order are (at least those). */
  relationArticleIds(relation: StoredRelation, first: number): readonly string[] | Promise<readonly string[]>;
  /** How many distinct articles the relation's evidence quotes. */
  relationArticleCount(relation: StoredRelation): number | Promise<number>;
  /** The first `first` quotes of the entity's evidence, in its order. */
  entityEvidence(entity: StoredEntity, first: number): readonly Evidence[] | Promise<readonly Evidence[]>;
  /** Article ids among which the entity's first `first` articles in publication order are (at least those). */
  entityArticleIds(entity: StoredEntity, first: number): readonly string[] | Promise<readonly string[]>;
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
export function relationEvidence(store: GraphStore, relation: StoredRelation, first: number): readonly Evidence[] | Promise<readonly Evidence[]> {
  const heads = headsReaderOf(store);
  return heads !== undefined ? heads.relationEvidence(relation, first) : withWholeRelation(store, relation, (whole) => firstOfList(whole.evidence, first));
}

/** Ids that hold the relation's first `first` articles in publication order (`store.articles({ ids }, first)` answers them). */
export function relationArticleIds(store: GraphStore, relation: StoredRelation, first: number): readonly string[] | Promise<readonly string[]> {
  const heads = headsReaderOf(store);
  return heads !== undefined ? heads.relationArticleIds(relation, first) : withWholeRelation(store, relation, (whole) => evidenceArticleIds(whole.evidence));
}

/** How many distinct articles state the relation. */
export function relationArticleCount(store: GraphStore, relation: StoredRelation): number | Promise<number> {
  const heads = headsReaderOf(store);
  return heads !== undefined ? heads.relationArticleCount(relation) : withWholeRelation(store, relation, (whole) => evidenceArticleIds(whole.evidence).length);
}

/** The entity's first `first` quotes (`first` already checked). */
export function entityEvidence(store: GraphStore, entity: StoredEntity, first: number): readonly Evidence[] | Promise<readonly Evidence[]> {
  const heads = headsReaderOf(store);
  return heads !== undefined ? heads.entityEvidence(entity, first) : withWholeEntity(store, entity, (whole) => firstOfList(whole.evidence, first));
}

/** Ids that hold the entity's first `first` articles in publication order (`store.articles({ ids }, first)` answers them). */
export function entityArticleIds(store: GraphStore, entity: StoredEntity, first: number): readonly string[] | Promise<readonly string[]> {
  const heads = headsReaderOf(store);
  return heads !== undefined ? heads.entityArticleIds(entity, first) : withWholeEntity(store, entity, (whole) => whole.articles ?? []);
}
