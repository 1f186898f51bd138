/**
 * How long each list of the schema may be: the `first` defaults and cap of the fields whose lists grow
 * with the corpus, and, for the cost estimate, the size of the few lists that take no `first` because
 * something other than the corpus bounds them. Nothing here is read from the data: a query's price is
 * the same at 1 article and at 10,000, so a question the README asks is never refused because the
 * corpus grew (API.md, "Lists that grow with the corpus take `first`").
 */
import { EVENT_ROLE_NAMES, PREDICATE_NAMES } from '../ontology/index.js';

/** The largest `first` (or `limit`) any list takes; more is BAD_USER_INPUT (API.md: 0 to 200). */
export const MAX_FIRST = 200;

/**
 * The default `first` of each family of list fields, as the SDL declares it (`first: Int = 20`); a
 * test keeps the two equal. Each is at most 100.
 */
export const DEFAULT_FIRST = Object.freeze({
  /** `Entity.relations`. */
  relations: 50,
  /** The typed fields named after a predicate or role (`rejectedBy`, `participants`, `positions`, ...). */
  typed: 10,
  /** `Entity.evidence`, `Relation.evidence`. */
  evidence: 5,
  /** `Entity.articles`, `Relation.articles`. */
  articles: 10,
  /** `Entity.neighbors`. */
  neighbors: 50,
  /** `Neighbor.via`. */
  via: 5,
  /** Connections: `Query.entities`, `Query.relations`, `Article.relations`, `Article.entities`. */
  page: 50,
  /** `Query.articles`, `Query.timeline`, `Query.claims`. */
  list: 100,
  /** `Event.history`. */
  history: 10,
});

/** The size of the list a field returns when it has no `first` or `limit`, or undefined for the default. */
export type ListSizeOf = (field: string, args: Readonly<Record<string, unknown>>) => number | undefined;

// A Map, not an object literal: a field named like an Object.prototype member must not find a function.
const FIXED_SIZES: ReadonlyMap<string, number> = new Map([
  // Query.predicates lists every predicate and role of the ontology: the vocabulary bounds it, not the data.
  ['predicates', PREDICATE_NAMES.length + EVENT_ROLE_NAMES.length],
]);

/** The sizes of the lists bounded by the schema or the ontology, never by the data. */
export const fixedListSizes: ListSizeOf = (field, args) => {
  // Query.path returns at most maxHops relations (the schema caps maxHops at 10).
  if (field === 'path') return typeof args['maxHops'] === 'number' ? Math.max(0, args['maxHops']) : 4;
  return FIXED_SIZES.get(field);
};
