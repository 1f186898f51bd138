/**
 * The Event type: its roles (who did it, to whom, where, through which medium, because of what), its
 * facts (type, status, time, fatalities), and the binary relations it yields.
 */
import { graphIndex, relationsOfEvent } from '../../graph/index.js';
import type { EntityAttributes, EventProperties, Fatalities, NewsGraph, RelationAttributes } from '../../graph/index.js';
import { inTimeOrder, linked } from './common.js';
import { entityFieldResolvers } from './entity.js';

/** The properties of an EVENT entity; the Event type is only ever given events. */
function eventProperties(entity: EntityAttributes): EventProperties {
  if (entity.kind !== 'EVENT') throw new Error(`the Event type was given ${entity.kind} "${entity.id}"`);
  return entity.properties;
}

function fatalities(value: Fatalities | undefined): Fatalities | null {
  if (value === undefined) return null;
  return { min: value.min, max: value.max };
}

export function eventResolvers(graph: NewsGraph) {
  const role = (name: string) => (event: EntityAttributes) => linked(graph, event.id, name, 'OUT');
  return {
    ...entityFieldResolvers(graph),
    eventType: (event: EntityAttributes): string => eventProperties(event).eventType,
    status: (event: EntityAttributes): string => eventProperties(event).status,
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
    consequences: (event: EntityAttributes) => inTimeOrder(graph, linked(graph, event.id, 'CAUSE', 'IN')),
    cancelledBy: (event: EntityAttributes) => linked(graph, event.id, 'CANCELLED', 'IN'),
    concerns: (event: EntityAttributes) => linked(graph, event.id, 'CONCERNS', 'OUT'),
    projections: (event: EntityAttributes): RelationAttributes[] =>
      relationsOfEvent(graphIndex(graph), event.id).filter((r) => r.origin !== 'role'),
  };
}
