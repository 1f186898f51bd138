/**
 * Materializes the binary projections of events (ONTOLOGY.md): a MEETING that occurred relates its
 * participants by MET_WITH, a planned one gives PLANS_TO_MEET (never MET_WITH), an ATTACK gives ATTACKED from
 * agent to target, and so on. Each projection carries the event's evidence and names the event.
 */
import { predicateSpec, projectionOf, type EventRole, type Predicate } from '../ontology/index.js';
import type { EventAttributes, JsonObject, RelationAttributes } from '../graph/types.js';
import type { RelationIds } from './relationIds.js';

export function projectEvent(
  event: EventAttributes,
  roles: readonly { readonly role: EventRole; readonly entity: string }[],
  ids: RelationIds,
): RelationAttributes[] {
  const projection = projectionOf(event.properties.eventType);
  const { status } = event.properties;
  if (!projection || status === 'cancelled') return [];
  const planned = status === 'planned';
  const predicate: Predicate | undefined = planned ? projection.planned : projection.predicate;
  // A planned act with no predicate of its own (a planned attack) is not projected: it did not happen.
  if (!predicate) return [];

  const fillers = (wanted: readonly EventRole[]) => roles.filter((r) => wanted.includes(r.role)).map((r) => r.entity);
  const pairs: [string, string][] = [];
  if (projection.to === 'all-pairs' && !planned) {
    const people = unique(fillers(projection.from));
    people.forEach((a, i) => people.slice(i + 1).forEach((b) => pairs.push([a, b])));
  } else {
    // A planned meeting is planned by its agents with its participants.
    const from = projection.to === 'all-pairs' ? fillers(['AGENT']) : fillers(projection.from);
    const to = projection.to === 'all-pairs' ? fillers(['PARTICIPANT']) : fillers(projection.to);
    for (const a of unique(from)) for (const b of unique(to)) if (a !== b) pairs.push([a, b]);
  }

  const spec = predicateSpec(predicate);
  const properties: JsonObject = {};
  if (event.properties.timeText !== undefined) properties['timeText'] = event.properties.timeText;
  for (const name of Object.keys(spec.properties ?? {})) {
    const value = event.properties[name];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') properties[name] = value;
  }
  return pairs.map(([subject, object]) => ({
    id: ids.derive(subject, predicate, object, false),
    predicate,
    subject,
    object,
    negated: false,
    modality: planned ? 'planned' : 'asserted',
    ...(event.properties.time !== undefined ? { time: event.properties.time } : {}),
    properties,
    evidence: event.evidence,
    event: event.id,
    origin: 'projection',
    symmetric: spec.symmetric ?? false,
  }));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
