/**
 * Materializes the binary projections of events (ONTOLOGY.md): a MEETING that occurred relates its
 * participants by MET_WITH, a planned one gives PLANS_TO_MEET (never MET_WITH), an ATTACK gives ATTACKED from
 * agent to target, and so on. Each projection carries the evidence of the report it comes from and names the
 * event. An event reported by several articles is projected once per report, by that report's status
 * (src/build/assembleEvents.ts); statements of one fact are then merged (src/build/mergeFacts.ts).
 */
import { predicateSpec, projectionOf, type EventRole, type EventStatus, type Predicate } from '../ontology/index.js';
import type { EventProperties, Evidence, JsonObject } from '../graph/types.js';
import type { Statement } from './mergeFacts.js';

/** One article's report of an event: the event's facts, with this report's status, time and evidence. */
export interface EventReport {
  readonly id: string;
  readonly properties: EventProperties;
  readonly status: EventStatus;
  readonly time?: string | undefined;
  readonly timeText?: string | undefined;
  readonly evidence: readonly Evidence[];
}

export function projectEvent(report: EventReport, roles: readonly { readonly role: EventRole; readonly entity: string }[]): Statement[] {
  const projection = projectionOf(report.properties.eventType);
  const { status } = report;
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
  if (report.timeText !== undefined) properties['timeText'] = report.timeText;
  for (const name of Object.keys(spec.properties ?? {})) {
    const value = report.properties[name];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') properties[name] = value;
  }
  return pairs.map(([subject, object]) => ({
    predicate,
    subject,
    object,
    negated: false,
    modality: planned ? 'planned' : 'asserted',
    ...(report.time !== undefined ? { time: report.time } : {}),
    properties,
    evidence: report.evidence,
    event: report.id,
    origin: 'projection',
    symmetric: spec.symmetric ?? false,
  }));
}

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}
