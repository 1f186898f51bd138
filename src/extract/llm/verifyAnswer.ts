/**
 * The guards of the LLM mode: the model proposes, code disposes. Every quote is looked up in the article by
 * code (offsets computed here, never taken from the model); a quote that is not there is rejected and
 * reported, never repaired; predicates, kinds, event types and roles outside the vocabulary are dropped; no
 * entity is created without its name found verbatim in the article; where the rule layer sees a negation or
 * a reporting verb that the model's fact lacks, the fact is flagged for review (draft.flags).
 */
import {
  ACTOR_KINDS,
  EVENT_STATUSES,
  SHARED_KINDS,
  admits,
  isEventRole,
  isEventType,
  isPredicate,
  predicateSpec,
  roleAdmits,
  type EntityKind,
  type EventStatus,
} from '../../ontology/index.js';
import type { DraftFacts } from '../draftArticle.js';
import type { EntityTable, SharedKind } from '../entityTable.js';
import { hasNegationCue, hasReportingVerb, type DraftClaim, type DraftEvent, type DraftRelation, type Span } from '../facts.js';
import type { Mention } from '../mentions.js';

export interface VerificationReport {
  /** What was refused, and why: quotes not in the article, names never mentioned, words outside the vocabulary. */
  readonly rejected: string[];
  /** Facts kept but flagged for review. */
  readonly flagged: string[];
}

type Json = Record<string, unknown>;

const ROLE_EDGE_PREDICATES = new Set(['ABOUT', 'CONTRADICTS']);

export function verifyAnswer(
  text: string,
  sentences: readonly Span[],
  table: EntityTable,
  ruleMentions: readonly Mention[],
  content: string,
  model: string,
): { facts: DraftFacts; report: VerificationReport } {
  const rejected: string[] = [];
  const flagged: string[] = [];
  const rule = `llm:${model}`;
  const answer = parseJson(content);
  if (answer === undefined) {
    rejected.push('the answer is not a JSON object; nothing of it was used');
    return { facts: { mentions: ruleMentions, relations: [], events: [], claims: [] }, report: { rejected, flagged } };
  }
  const mentions: Mention[] = [...ruleMentions];
  const locate = (quote: unknown): Span | undefined => {
    if (typeof quote !== 'string' || quote.trim() === '') return undefined;
    const at = text.indexOf(quote);
    return at < 0 ? undefined : { start: at, end: at + quote.length };
  };
  const occurrences = (name: string): Span[] => {
    const found: Span[] = [];
    for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) {
      const end = at + name.length;
      if (!/[\p{L}\p{N}]/u.test(text.charAt(at - 1)) && !/[\p{L}\p{N}]/u.test(text.charAt(end))) found.push({ start: at, end });
    }
    return found;
  };
  const mentioned = (id: string) => mentions.some((m) => m.entity === id);

  for (const e of list(answer['entities'])) {
    const name = str(e['name']);
    const kind = str(e['kind']);
    if (name === undefined) continue;
    if (!(SHARED_KINDS as readonly string[]).includes(kind ?? '')) {
      rejected.push(`entity "${name}": kind ${JSON.stringify(kind)} is not in the vocabulary (${SHARED_KINDS.join(', ')})`);
      continue;
    }
    const spans = occurrences(name);
    if (spans.length === 0) {
      rejected.push(`entity "${name}": the name is not in the article; no entity without a verified mention`);
      continue;
    }
    const entity = table.findByForm(name) ?? table.create(kind as SharedKind, name, rule, 0.6);
    for (const span of spans) if (!mentions.some((m) => m.entity === entity.id && m.start === span.start)) mentions.push({ ...span, entity: entity.id, rule, confidence: 0.6 });
  }
  const resolve = (name: unknown, what: string): string | undefined => {
    const n = str(name);
    const entity = n === undefined ? undefined : table.findByForm(n) ?? table.findByForm(`the ${n}`);
    if (!entity || !mentioned(entity.id)) {
      rejected.push(`${what}: ${JSON.stringify(name)} is not an entity the article names`);
      return undefined;
    }
    return entity.id;
  };
  const sentenceOf = (span: Span) => sentences.find((s) => span.start >= s.start && span.start < s.end) ?? span;

  const relations: DraftRelation[] = [];
  for (const r of list(answer['relations'])) {
    const predicate = str(r['predicate']) ?? '';
    const label = `relation ${str(r['subject'])} ${predicate} ${str(r['object'])}`;
    if (!isPredicate(predicate) || ROLE_EDGE_PREDICATES.has(predicate)) {
      rejected.push(`${label}: predicate "${predicate}" is not in the vocabulary`);
      continue;
    }
    const evidence = locate(r['quote']);
    if (!evidence) {
      rejected.push(`${label}: quote not in the article: ${JSON.stringify(r['quote'])}`);
      continue;
    }
    const subject = resolve(r['subject'], label);
    const object = resolve(r['object'], label);
    if (!subject || !object) continue;
    const sk = table.kindOf(subject);
    const ok = table.kindOf(object);
    if (!sk || !ok || !admits(predicate, sk, ok)) {
      rejected.push(`${label}: ${predicate} does not relate a ${sk} to a ${ok}`);
      continue;
    }
    const negated = r['negated'] === true;
    // Only the predicate's own scalar properties ("to" of URGED, "title" of HOLDS_POSITION) are kept.
    const given = typeof r['properties'] === 'object' && r['properties'] !== null ? (r['properties'] as Json) : {};
    const properties: Record<string, string | number> = {};
    for (const [name, spec] of Object.entries(predicateSpec(predicate).properties ?? {})) {
      const value = given[name];
      if ((spec.type === 'string' && typeof value === 'string') || (spec.type === 'integer' && Number.isInteger(value))) properties[name] = value as string | number;
    }
    let attributedTo = r['attributedTo'] === undefined || r['attributedTo'] === null ? undefined : resolve(r['attributedTo'], `${label} (attributedTo)`);
    if (attributedTo !== undefined && !isActor(table.kindOf(attributedTo))) attributedTo = undefined;
    const sentence = sentenceOf(evidence);
    const stretch = text.slice(sentence.start, sentence.end);
    const flags: string[] = [];
    if (!negated && hasNegationCue(text.slice(evidence.start, evidence.end))) flags.push('the rules see a negation in the quote; the model did not mark the fact negated');
    if (attributedTo === undefined && hasReportingVerb(stretch)) flags.push('the rules see a reporting verb in the sentence; the model named no speaker');
    if (flags.length > 0) flagged.push(`${label}: ${flags.join('; ')}`);
    relations.push({
      subject,
      predicate,
      object,
      negated,
      ...(attributedTo !== undefined ? { modality: 'reported' as const, attributedTo } : {}),
      ...(Object.keys(properties).length > 0 ? { properties } : {}),
      evidence,
      rule,
      confidence: flags.length > 0 ? 0.4 : 0.6,
      ...(flags.length > 0 ? { flags } : {}),
    });
  }

  const events: DraftEvent[] = [];
  list(answer['events']).forEach((e, i) => {
    const eventType = str(e['eventType']) ?? '';
    const status = str(e['status']) ?? '';
    if (!isEventType(eventType)) return void rejected.push(`event ${i + 1}: type "${eventType}" is not in the vocabulary`);
    if (!(EVENT_STATUSES as readonly string[]).includes(status)) return void rejected.push(`event ${i + 1}: status "${status}" is not one of ${EVENT_STATUSES.join(', ')}`);
    const evidence = locate(e['quote']);
    if (!evidence) return void rejected.push(`event ${i + 1} (${eventType}): quote not in the article: ${JSON.stringify(e['quote'])}`);
    const roles: DraftEvent['roles'] = [];
    for (const r of list(e['roles'])) {
      const role = str(r['role']) ?? '';
      if (!isEventRole(role)) {
        rejected.push(`event ${i + 1}: role "${role}" is not in the vocabulary`);
        continue;
      }
      const entity = resolve(r['entity'], `event ${i + 1} role ${role}`);
      const kind = entity === undefined ? undefined : table.kindOf(entity);
      if (entity && kind && roleAdmits(role, kind)) roles.push({ role, entity });
    }
    if (roles.length === 0) return void rejected.push(`event ${i + 1} (${eventType}): no role filled by an entity the article names`);
    const flags = status === 'occurred' && hasNegationCue(text.slice(evidence.start, evidence.end)) ? ['the rules see a negation in the quote; the model says it occurred'] : [];
    if (flags.length > 0) flagged.push(`event ${i + 1} (${eventType}): ${flags.join('; ')}`);
    events.push({ key: `llm-${i}`, eventType, status: status as EventStatus, roles, evidence, rule, confidence: flags.length > 0 ? 0.4 : 0.6, ...(flags.length > 0 ? { flags } : {}) });
  });

  const claims: DraftClaim[] = [];
  list(answer['claims']).forEach((c, i) => {
    const act = str(c['act']) ?? '';
    if (act !== 'ASSERTED' && act !== 'DENIED' && act !== 'REPORTED') return void rejected.push(`claim ${i + 1}: act "${act}" is not ASSERTED, DENIED or REPORTED`);
    const evidence = locate(c['quote']);
    if (!evidence) return void rejected.push(`claim ${i + 1}: quote not in the article: ${JSON.stringify(c['quote'])}`);
    const speaker = resolve(c['speaker'], `claim ${i + 1} (speaker)`);
    if (!speaker || !isActor(table.kindOf(speaker))) return;
    const sentence = sentenceOf(evidence);
    const said = mentions.find((m) => m.entity === speaker && m.start >= sentence.start && m.end <= sentence.end) ?? evidence;
    claims.push({ key: `llm-claim-${i}`, name: text.slice(evidence.start, evidence.end), evidence, speaker, act, actEvidence: { start: said.start, end: said.end }, about: [], rule, confidence: 0.6 });
  });
  return { facts: { mentions, relations, events, claims }, report: { rejected, flagged } };
}

function isActor(kind: EntityKind | undefined): boolean {
  return kind !== undefined && (ACTOR_KINDS as readonly EntityKind[]).includes(kind);
}

function parseJson(content: string): Json | undefined {
  const body = content.trim().replace(/^```(?:json)?\s*/u, '').replace(/\s*```$/u, '');
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : undefined;
  } catch {
    return undefined;
  }
}

function list(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter((v): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v)) : [];
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
