/**
 * The entry points of the API (type Query): look up, search, page through entities and relations,
 * connect two entities, read the articles, the timeline, the claims and the vocabulary. Every answer is
 * read through the store.
 */
import { NewsgraphError } from '../../errors.js';
import { DEFAULT_MAX_HOPS } from '../../graph/paths.js';
import type { ArticleRecord } from '../../graph/index.js';
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
import type { GraphStore, Page, StoredEntity, StoredEvent, StoredRelation } from '../../store/index.js';
import { articleWithoutText, type ArticleWithoutText } from '../../store/partialArticles.js';
import { DEFAULT_FIRST, MAX_FIRST } from '../listSizes.js';
import { checkFirst, checkNames, checkPredicates, checkRange, entityOrNull, pageRequest, requireEntity, type ConnectionArgs, type FirstArgs } from './common.js';

export interface RelationsQueryArgs extends ConnectionArgs {
  readonly predicate?: readonly string[] | null;
  readonly subject?: string | null;
  readonly object?: string | null;
  readonly negated?: boolean | null;
  readonly article?: string | null;
  readonly from?: string | null;
  readonly to?: string | null;
  readonly minArticles?: number | null;
  readonly draft?: boolean | null;
}

export interface ArticlesQueryArgs extends FirstArgs {
  readonly from?: string | null;
  readonly to?: string | null;
  readonly source?: string | null;
}

export interface TimelineArgs extends FirstArgs {
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

/** The checked filters of `Query.relations`. */
async function relationQuery(store: GraphStore, args: RelationsQueryArgs) {
  const predicates = await checkPredicates(store, args.predicate);
  const subject = args.subject ?? undefined;
  const object = args.object ?? undefined;
  if (subject !== undefined) await requireEntity(store, subject, 'subject');
  if (object !== undefined) await requireEntity(store, object, 'object');
  const article = args.article ?? undefined;
  if (article !== undefined && (await articleWithoutText(store, article)) === null) {
    throw new NewsgraphError('NOT_FOUND', `article: no article with id "${article}"; Query.articles lists them.`);
  }
  return {
    predicates,
    subject,
    object,
    negated: args.negated ?? undefined,
    article,
    from: checkDate('from', args.from),
    to: checkDate('to', args.to),
    minArticles: args.minArticles === null || args.minArticles === undefined ? undefined : checkRange('minArticles', args.minArticles, 1, 1, 1_000_000),
    ...(args.draft === null || args.draft === undefined ? {} : { draft: args.draft }),
  };
}

async function predicateInfos(store: GraphStore): Promise<PredicateInfo[]> {
  const counts = await store.predicateCounts();
  const count = (name: string): number => counts.get(name) ?? 0;
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

export function queryResolvers(store: GraphStore) {
  return {
    // At once from the memory store (syncReads.ts): a question's root then costs graphql-js no promise.
    entity: (_: unknown, args: { id: string }): StoredEntity | null | Promise<StoredEntity | null> => entityOrNull(store, args.id),
    search: (_: unknown, args: { text: string; kind?: EntityKind | null; limit?: number | null }): Promise<StoredEntity[]> =>
      store.search(args.text, { kind: args.kind ?? undefined, limit: checkRange('limit', args.limit, 10, 0, MAX_FIRST) }),
    entities: (_: unknown, args: ConnectionArgs & { kind?: EntityKind | null }): Promise<Page<StoredEntity>> =>
      store.entitiesOfKind(args.kind ?? undefined, pageRequest(args)),
    relations: async (_: unknown, args: RelationsQueryArgs): Promise<Page<StoredRelation>> => {
      const page = pageRequest(args);
      return store.relations(await relationQuery(store, args), page);
    },
    // The store refuses an unknown id itself (NOT_FOUND, naming the argument and the near ids).
    path: (_: unknown, args: { from: string; to: string; maxHops?: number | null }): Promise<StoredRelation[] | null> =>
      store.path(args.from, args.to, checkRange('maxHops', args.maxHops, DEFAULT_MAX_HOPS, 0, MAX_PATH_HOPS)),
    articles: (_: unknown, args: ArticlesQueryArgs): Promise<ArticleRecord[]> =>
      store.articles(
        { from: checkDate('from', args.from), to: checkDate('to', args.to), source: args.source ?? undefined },
        checkFirst(args.first, DEFAULT_FIRST.list),
      ),
    // Without its text until a field prints it (store/partialArticles.ts).
    article: (_: unknown, args: { id: string }): Promise<ArticleWithoutText | null> => articleWithoutText(store, args.id),
    timeline: (_: unknown, args: TimelineArgs): Promise<StoredEvent[]> =>
      store.timeline(
        {
          statuses: checkNames('status', args.status, STATUSES, 'event status'),
          eventTypes: checkNames('eventType', args.eventType, EVENT_TYPE_SET, 'event type'),
          from: checkDate('from', args.from),
          to: checkDate('to', args.to),
        },
        checkFirst(args.first, DEFAULT_FIRST.list),
      ),
    claims: (_: unknown, args: FirstArgs & { contradicted?: boolean | null }): Promise<StoredEntity[]> =>
      store.claims(args.contradicted ?? undefined, checkFirst(args.first, DEFAULT_FIRST.list)),
    predicates: (): Promise<PredicateInfo[]> => predicateInfos(store),
  };
}
