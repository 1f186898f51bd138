/**
 * The Event type: its roles (who did it, to whom, where, through which medium, because of what), its
 * facts (type, status, time, fatalities), the binary relations it yields, and how its status changed
 * from one article to the next.
 */
import type { EntityAttributes, EventAttributes, EventProperties, Fatalities } from '../../graph/index.js';
import type { GraphStore, StoredRelation } from '../../store/index.js';
import { withWholeEntity } from '../../store/partialRecords.js';
import { articleWithoutText, type ArticleWithoutText } from '../../store/partialArticles.js';
import { DEFAULT_FIRST } from '../listSizes.js';
import { checkFirst, linked, type FirstArgs } from './common.js';
import { entityFieldResolvers } from './entity.js';

/** The event as the Event type reads it; the Event type is only ever given events. */
function asEvent(entity: EntityAttributes): EventAttributes {
  if (entity.kind !== 'EVENT') throw new Error(`the Event type was given ${entity.kind} "${entity.id}"`);
  return entity;
}

function eventProperties(entity: EntityAttributes): EventProperties {
  return asEvent(entity).properties;
}

function fatalities(value: Fatalities | undefined): Fatalities | null {
  if (value === undefined) return null;
  return { min: value.min, max: value.max };
}

/** One article's report of an event's status, as `EventStatusReport` reads it. */
export interface StatusReportAnswer {
  readonly status: string;
  readonly article: ArticleWithoutText;
  readonly published: string | null;
}

/**
 * The event's status as each article reported it, in publication order. An event that no later article
 * refers back to has no recorded history: its one report is its status in the first article that tells it.
 */
async function history(store: GraphStore, slimOrWhole: EventAttributes, first: number): Promise<StatusReportAnswer[]> {
  // The history and the articles are long lists: a store may hand out a much-reported event's record without them.
  const event = (await withWholeEntity(store, slimOrWhole, (whole) => whole)) as EventAttributes;
  const reports =
    event.history ??
    (event.articles.length === 0 ? [] : [{ status: event.properties.status, article: event.articles[0] ?? '', published: undefined }]);
  const answers: StatusReportAnswer[] = [];
  for (const report of reports.slice(0, first)) {
    const article = await articleWithoutText(store, report.article);
    if (article === null) throw new Error(`event "${event.id}" names article "${report.article}", which the graph does not hold`);
    answers.push({ status: report.status, article, published: report.published ?? article.published ?? null });
  }
  return answers;
}

export function eventResolvers(store: GraphStore) {
  const role = (name: string) => (event: EntityAttributes, args: FirstArgs) => linked(store, event.id, name, 'OUT', args);
  return {
    ...entityFieldResolvers(store),
    eventType: (event: EntityAttributes): string => eventProperties(event).eventType,
    status: (event: EntityAttributes): string => eventProperties(event).status,
    history: (event: EntityAttributes, args: FirstArgs): Promise<StatusReportAnswer[]> =>
      history(store, asEvent(event), checkFirst(args.first, DEFAULT_FIRST.history)),
    time: (event: EntityAttributes): string | null => eventProperties(event).time ?? null,
    timeText: (event: EntityAttributes): string | null => eventProperties(event).timeText ?? null,
    fatalities: (event: EntityAttributes): Fatalities | null => fatalities(eventProperties(event).fatalities),
    ordinal: (event: EntityAttributes): number | null => eventProperties(event).ordinal ?? null,
    agents: role('AGENT'),
    participants: role('PARTICIPANT'),
    targets: role('TARGET'),
    locations: role('LOCATION'),
    media: role('MEDIUM'),
    causes: role('CAUSE'),
    consequences: (event: EntityAttributes, args: FirstArgs) => linked(store, event.id, 'CAUSE', 'IN', args, { order: 'time' }),
    cancelledBy: (event: EntityAttributes, args: FirstArgs) => linked(store, event.id, 'CANCELLED', 'IN', args),
    concerns: (event: EntityAttributes, args: FirstArgs) => linked(store, event.id, 'CONCERNS', 'OUT', args),
    projections: async (event: EntityAttributes, args: FirstArgs): Promise<StoredRelation[]> => {
      const first = checkFirst(args.first, DEFAULT_FIRST.typed);
      // An event's relations are those of the few articles that tell it; role edges are filtered out here.
      const named = await store.relationsOfEvent(event.id, Number.MAX_SAFE_INTEGER);
      return named.filter((r) => r.origin !== 'role').slice(0, first);
    },
  };
}
