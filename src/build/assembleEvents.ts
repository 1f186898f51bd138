/**
 * Events across articles. An event is declared once (`events:`) and may be reported again by later
 * articles (`eventUpdates:`), each with its own status, evidence and any roles it adds: the meeting one
 * report planned and the next says took place. The event's status is the latest report's (publication
 * order), its history lists every report, and each report projects by its own status with its own
 * evidence: the planned report gives PLANS_TO_MEET, the later one MET_WITH, a cancelled one nothing.
 */
import type { Diagnostic } from '../errors.js';
import { EVENT_ROLES, roleAdmits, type EventRole, type EventStatus } from '../ontology/index.js';
import type { EventAttributes, EventStatusChange, Evidence } from '../graph/types.js';
import type { Declarations } from './declarations.js';
import type { Statement } from './mergeFacts.js';
import { drafted } from './drafts.js';
import { projectEvent } from './projections.js';
import type { EvidenceSource, EventSource, EventUpdateSource, RoleSource } from './sourceModel.js';
import type { SourceLocator } from './sourceLocator.js';
import type { SourcePath } from './yamlSource.js';

/** What the event assembly needs of an article: its id, date, YAML and data. */
export interface EventArticle {
  readonly id: string;
  readonly yaml: SourceLocator;
  readonly data: {
    readonly article: { readonly published?: string };
    readonly events?: readonly EventSource[];
    readonly eventUpdates?: readonly EventUpdateSource[];
  };
}

export interface EventContext<A extends EventArticle> {
  /** In publication order. */
  readonly articles: readonly A[];
  readonly declarations: Declarations;
  readonly problems: Diagnostic[];
  readonly anchor: (article: A, evidence: EvidenceSource, path: SourcePath) => Evidence[];
  /** Where articles name this id under `mentions:`. */
  readonly mentionsOf: (id: string) => { readonly evidence: readonly Evidence[]; readonly articles: readonly string[] };
}

export interface AssembledEvents {
  /** Each event once, by id, in declaration order. */
  readonly events: ReadonlyMap<string, EventAttributes>;
  readonly roleEdges: readonly Statement[];
  readonly projections: readonly Statement[];
}

type Filled = { readonly role: EventRole; readonly entity: string };

/** One article's report of an event: the declaration, or an update. */
interface Report {
  readonly article: EventArticle;
  readonly order: number;
  readonly status: EventStatus;
  readonly time?: string;
  readonly timeText?: string;
  readonly evidence: readonly Evidence[];
  /** The roles this report knows: the declaration's, plus those the update adds. */
  readonly roles: readonly Filled[];
  /** True while the report is a draft of `newsgraph extract`. */
  readonly draft?: true;
}

interface Tracked {
  readonly source: EventSource;
  readonly reports: Report[];
}

export function assembleEvents<A extends EventArticle>(ctx: EventContext<A>): AssembledEvents {
  const { articles, declarations, problems, anchor } = ctx;
  const tracked = new Map<string, Tracked>();
  const roleEdges: Statement[] = [];

  /** Checks and records the role edges a report gives; a role without evidence takes the report's first anchor. */
  const fillRoles = (a: A, eventId: string, roles: readonly RoleSource[] | undefined, path: SourcePath, evidence: readonly Evidence[], draft: { draft?: true } = {}): Filled[] => {
    const filled: Filled[] = [];
    roles?.forEach((r, j) => {
      const rolePath = [...path, 'roles', j];
      const filler = declarations.resolve(r.entity, a.yaml, [...rolePath, 'entity'], `entity for role ${r.role}`);
      const roleEvidence = r.evidence === undefined ? evidence.slice(0, 1) : anchor(a, r.evidence, [...rolePath, 'evidence']);
      if (!filler) return;
      if (!roleAdmits(r.role, filler.kind)) {
        problems.push(a.yaml.problem('ROLE_FILLER', [...rolePath, 'entity'], `role ${r.role} of event "${eventId}" takes ${EVENT_ROLES[r.role].fillers.join('/')}, but "${r.entity}" is a ${filler.kind}.`));
        return;
      }
      filled.push({ role: r.role, entity: r.entity });
      roleEdges.push({
        predicate: r.role,
        subject: eventId,
        object: r.entity,
        negated: false,
        modality: 'asserted',
        properties: {},
        evidence: roleEvidence,
        event: eventId,
        origin: 'role',
        symmetric: false,
        ...draft,
      });
    });
    return filled;
  };

  articles.forEach((a, order) => {
    a.data.events?.forEach((e, i) => {
      const path = ['events', i];
      const evidence = anchor(a, e.evidence, [...path, 'evidence']);
      const roles = fillRoles(a, e.id, e.roles, path, evidence, drafted(e));
      // A duplicate id was reported where it was declared; the first declaration stands.
      if (tracked.has(e.id)) return;
      const report: Report = { article: a, order, status: e.status, ...timeOf(e), evidence, roles, ...drafted(e) };
      tracked.set(e.id, { source: e, reports: [report] });
    });
  });

  articles.forEach((a, order) => {
    a.data.eventUpdates?.forEach((u, i) => {
      const path = ['eventUpdates', i];
      const evidence = anchor(a, u.evidence, [...path, 'evidence']);
      const declared = declarations.resolve(u.event, a.yaml, [...path, 'event'], 'event');
      if (declared && declared.kind !== 'EVENT') {
        problems.push(a.yaml.problem('DOMAIN_RANGE', [...path, 'event'], `eventUpdates names an event declared under "events:" in another article; "${u.event}" is a ${declared.kind}.`));
      }
      const event = tracked.get(u.event);
      if (!event) {
        // Still check the roles, so that every problem of the update is reported at once.
        fillRoles(a, u.event, u.roles, path, evidence);
        return;
      }
      const added = fillRoles(a, u.event, u.roles, path, evidence);
      const declaredRoles = event.reports[0]?.roles ?? [];
      event.reports.push({ article: a, order, status: u.status, ...timeOf(u), evidence, roles: [...declaredRoles, ...added] });
    });
  });

  const events = new Map<string, EventAttributes>();
  const projections: Statement[] = [];
  for (const [id, { source, reports }] of tracked) {
    // Publication order; the declaration first among reports of one article.
    const ordered = [...reports].sort((x, y) => x.order - y.order);
    const latest = ordered[ordered.length - 1] ?? reports[0];
    if (!latest) continue;
    const dated = [...ordered].reverse().find((r) => r.time !== undefined || r.timeText !== undefined);
    const mentioned = ctx.mentionsOf(id);
    const { time, timeText, fatalities, properties: extra = {} } = source;
    const when = dated ?? { time, timeText };
    const event: EventAttributes = {
      id,
      name: source.name,
      aliases: source.aliases ?? [],
      ...(source.description !== undefined ? { description: source.description } : {}),
      kind: 'EVENT',
      // The typed fields come last: free-form properties cannot override them.
      properties: {
        ...extra,
        eventType: source.eventType,
        status: latest.status,
        ...(when.time !== undefined ? { time: when.time } : {}),
        ...(when.timeText !== undefined ? { timeText: when.timeText } : {}),
        ...(fatalities !== undefined ? { fatalities } : {}),
      },
      evidence: [...ordered.flatMap((r) => r.evidence), ...mentioned.evidence],
      articles: [...new Set([...ordered.map((r) => r.article.id), ...mentioned.articles])],
      ...(ordered.length > 1 ? { history: ordered.map(historyEntry) } : {}),
      ...drafted(source),
    };
    events.set(id, event);
    for (const r of ordered) {
      projections.push(
        ...projectEvent(
          {
            id,
            properties: event.properties,
            status: r.status,
            // A report that gives no time of its own speaks of the event at its declared time.
            time: r.time ?? time,
            timeText: r.timeText ?? (r.time === undefined ? timeText : undefined),
            evidence: r.evidence,
          },
          r.roles,
        ).map((p) => ({ ...p, ...(r.draft === true ? { draft: true } : {}) })),
      );
    }
  }
  return { events, roleEdges, projections };
}

function timeOf(source: { readonly time?: string; readonly timeText?: string }): { time?: string; timeText?: string } {
  return {
    ...(source.time !== undefined ? { time: source.time } : {}),
    ...(source.timeText !== undefined ? { timeText: source.timeText } : {}),
  };
}

function historyEntry(r: Report): EventStatusChange {
  const { published } = r.article.data.article;
  return { status: r.status, article: r.article.id, ...(published !== undefined ? { published } : {}) };
}
