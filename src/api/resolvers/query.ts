/**
 * The entry points of the API (type Query): look up, search, page through entities and relations,
 * connect two entities, read the timeline, the claims and the vocabulary.
 */
import { NewsgraphError } from '../../errors.js';
import {
  adjacentRelations,
  DEFAULT_MAX_HOPS,
  entitiesOfKind,
  graphIndex,
  relationsTouching,
  relationsWithPredicate,
  searchEntities,
  shortestPath,
  timeKey,
} from '../../graph/index.js';
import type { ArticleRecord, EntityAttributes, NewsGraph, RelationAttributes } from '../../graph/index.js';
import {
  EVENT_ROLES,
  EVENT_ROLE_NAMES,
  EVENT_STATUSES,
  EVENT_TYPE_NAMES,
  PREDICATES,
  PREDICATE_NAMES,
  describeSignatures,
  type EntityKind,
} from '../../ontology/index.js';
import { paginate, type Page, type PageArgs } from '../pagination.js';
import { checkNames, checkPredicates, checkRange, findEntity, requireEntity } from './common.js';

export interface RelationsQueryArgs extends PageArgs {
  readonly predicate?: readonly string[] | null;
  readonly subject?: string | null;
  readonly object?: string | null;
  readonly negated?: boolean | null;
}

export interface TimelineArgs {
  readonly from?: string | null;
  readonly to?: string | null;
  readonly status?: readonly string[] | null;
  readonly eventType?: readonly string[] | null;
}

/** The longest chain `path` looks for: BFS over a dense graph grows fast with each hop. */
const MAX_PATH_HOPS = 10;

const STATUSES: ReadonlySet<string> = new Set(EVENT_STATUSES);
const EVENT_TYPE_SET: ReadonlySet<string> = new Set(EVENT_TYPE_NAMES);

/** A year, month or day (`2025`, `2025-04`, `2025-04-24`), optionally with a time: what `timeKey` compares against. */
const ISO_DATE = /^\d{4}(-\d{2}(-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

/**
 * A timeline bound as given, or undefined when absent.
 * @throws NewsgraphError BAD_USER_INPUT for a value that is not an ISO 8601 date (it would compare as text).
 */
function checkDate(argument: string, value: string | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (!ISO_DATE.test(value)) {
    throw new NewsgraphError('BAD_USER_INPUT', `${argument}: "${value}" is not an ISO 8601 date; write it as 2025, 2025-04 or 2025-04-24.`);
  }
  return value;
}

export interface PredicateInfo {
  readonly name: string;
  readonly description: string;
  readonly isRole: boolean;
  readonly symmetric: boolean;
  readonly signatures: readonly string[];
  readonly count: number;
}

/** True when the relation's ends match the subject and object filters; symmetric ones match either way round. */
function endsMatch(r: RelationAttributes, subject: string | undefined, object: string | undefined): boolean {
  const forward = (subject === undefined || r.subject === subject) && (object === undefined || r.object === object);
  if (forward || !r.symmetric) return forward;
  return (subject === undefined || r.object === subject) && (object === undefined || r.subject === object);
}

/** The relations that pass every filter, in graph order, starting from the smallest index list. */
function filterRelations(graph: NewsGraph, args: RelationsQueryArgs): RelationAttributes[] {
  const index = graphIndex(graph);
  const predicates = checkPredicates(graph, args.predicate);
  const subject = args.subject ?? undefined;
  const object = args.object ?? undefined;
  if (subject !== undefined) requireEntity(graph, subject, 'subject');
  if (object !== undefined) requireEntity(graph, object, 'object');

  let candidates: readonly RelationAttributes[];
  if (subject !== undefined || object !== undefined) candidates = relationsTouching(index, subject ?? object ?? '');
  else if (predicates !== undefined) {
    const position = (r: RelationAttributes): number => index.relationPosition.get(r.id) ?? 0;
    candidates = [...new Set(predicates)].flatMap((p) => relationsWithPredicate(index, p)).sort((a, b) => position(a) - position(b));
  } else candidates = index.relations;

  const wanted = predicates === undefined ? undefined : new Set(predicates);
  const negated = args.negated ?? undefined;
  return candidates.filter(
    (r) => (wanted === undefined || wanted.has(r.predicate)) && (negated === undefined || r.negated === negated) && endsMatch(r, subject, object),
  );
}

function predicateInfos(graph: NewsGraph): PredicateInfo[] {
  const index = graphIndex(graph);
  const count = (name: string): number => relationsWithPredicate(index, name).length;
  return [
    ...PREDICATE_NAMES.map((name) => {
      const spec = PREDICATES[name];
      return {
        name,
        description: spec.description,
        isRole: false,
        symmetric: 'symmetric' in spec && spec.symmetric === true,
        signatures: describeSignatures(name).split('; '),
        count: count(name),
      };
    }),
    ...EVENT_ROLE_NAMES.map((name) => ({
      name,
      description: EVENT_ROLES[name].description,
      isRole: true,
      symmetric: false,
      signatures: [`EVENT → ${EVENT_ROLES[name].fillers.join('/')}`],
      count: count(name),
    })),
  ];
}

export function queryResolvers(graph: NewsGraph) {
  const index = () => graphIndex(graph);
  return {
    entity: (_: unknown, args: { id: string }): EntityAttributes | null => findEntity(graph, args.id),
    search: (_: unknown, args: { text: string; kind?: EntityKind | null; limit?: number | null }): EntityAttributes[] => {
      const limit = checkRange('limit', args.limit, 10, 0, 200);
      return searchEntities(graph, args.text, { kind: args.kind ?? undefined, limit }).map((hit) => hit.entity);
    },
    entities: (_: unknown, args: PageArgs & { kind?: EntityKind | null }): Page<EntityAttributes> => {
      const items = args.kind === null || args.kind === undefined ? index().entities : entitiesOfKind(index(), args.kind);
      return paginate(items, args, 'entity', index().entityPosition);
    },
    relations: (_: unknown, args: RelationsQueryArgs): Page<RelationAttributes> =>
      paginate(filterRelations(graph, args), args, 'relation', index().relationPosition),
    // shortestPath refuses an unknown id itself (NOT_FOUND, naming the argument and the near ids).
    path: (_: unknown, args: { from: string; to: string; maxHops?: number | null }): RelationAttributes[] | null =>
      shortestPath(graph, args.from, args.to, { maxHops: checkRange('maxHops', args.maxHops, DEFAULT_MAX_HOPS, 0, MAX_PATH_HOPS) }),
    articles: (): ArticleRecord[] => [...index().articles.values()],
    article: (_: unknown, args: { id: string }): ArticleRecord | null => index().articles.get(args.id) ?? null,
    timeline: (_: unknown, args: TimelineArgs): EntityAttributes[] => {
      const statuses = checkNames('status', args.status, STATUSES, 'event status');
      const types = checkNames('eventType', args.eventType, EVENT_TYPE_SET, 'event type');
      const from = checkDate('from', args.from);
      const to = checkDate('to', args.to);
      return index().timeline.filter((event) => {
        if (statuses !== undefined && !statuses.includes(event.properties.status)) return false;
        if (types !== undefined && !types.includes(event.properties.eventType)) return false;
        if (from === undefined && to === undefined) return true;
        const key = timeKey(event.properties.time);
        if (key === undefined) return false;
        return (from === undefined || key >= from) && (to === undefined || key.slice(0, to.length) <= to);
      });
    },
    claims: (_: unknown, args: { contradicted?: boolean | null }): EntityAttributes[] => {
      const claims = entitiesOfKind(index(), 'CLAIM');
      const contradicted = args.contradicted ?? undefined;
      if (contradicted === undefined) return [...claims];
      return claims.filter(
        (claim) => adjacentRelations(graph, claim.id, { predicates: ['CONTRADICTS'], negated: false }).length > 0 === contradicted,
      );
    },
    predicates: (): PredicateInfo[] => predicateInfos(graph),
  };
}
