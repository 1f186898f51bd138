/**
 * Text → draft encoding, offline: sentences (the builder's own splitter), mentions (mentions.ts), facts per
 * sentence (facts.ts), then the article's YAML structure with every quote computed by code and every fact
 * marked `draft: { rule, confidence }`. Nothing here writes files; writeDraft.ts validates and writes.
 */
import { OccurrenceIndex } from '../build/occurrenceIndex.js';
import { sentenceAt, splitSentences } from '../build/sentences.js';
import type { ArticleFileSource, ClaimSource, EntitySource, EventSource, RelationSource } from '../build/sourceModel.js';
import { admits } from '../ontology/index.js';
import { EntityTable, slug, type KnownEntity } from './entityTable.js';
import { sentenceFacts, type DraftClaim, type DraftEvent, type DraftRelation, type Span } from './facts.js';
import { findMentions, type Mention } from './mentions.js';
import { quoteAt } from './quotes.js';
import { resolveWeekday } from './dates.js';

export { unitSpans };

export interface ArticleMeta {
  readonly id: string;
  readonly title: string;
  readonly published?: string;
  readonly source?: string;
}

/**
 * The longest article extract drafts, in UTF-16 units: about 30,000 words, several times the longest news feature.
 * The builder's checks of the draft grow with it, and a few parts of the mention pass faster (a 200 KB text takes 5 s
 * and 370 MB here, 1.1 MB 30 s and 1.4 GB), so a longer text is refused with a way out rather than left to run.
 */
export const MAX_DRAFT_CHARS = 200_000;

/**
 * The longest sentence the rules read, in UTF-16 units (about 300 words; news sentences rarely pass 60). Claims quote
 * stretches of their sentence, so the draft of one sentence grows with its length squared: a 25 KB run-on sentence
 * drafted 2,800 relations into 7 MB of YAML in 8 s. A longer sentence is left undrafted and listed.
 */
export const MAX_DRAFT_SENTENCE_CHARS = 2_000;

function tooLongForRules(sentence: Span): boolean {
  return sentence.end - sentence.start > MAX_DRAFT_SENTENCE_CHARS;
}

export interface ArticleDraft {
  readonly article: ArticleFileSource;
  readonly newEntities: EntitySource[];
  readonly linked: string[];
  /** Indices of sentences from which no fact was drafted. */
  readonly emptySentences: number[];
  /** Indices of sentences the offline rules did not read, longer than MAX_DRAFT_SENTENCE_CHARS (none for a model's draft). */
  readonly longSentences: number[];
  readonly sentenceCount: number;
}

/** Everything found in an article before it is written as YAML; the rule layer and the LLM mode both give this. */
export interface DraftFacts {
  readonly mentions: readonly Mention[];
  readonly relations: readonly DraftRelation[];
  readonly events: readonly DraftEvent[];
  readonly claims: readonly DraftClaim[];
}

export function draftArticle(text: string, meta: ArticleMeta, known: readonly KnownEntity[], reserved: ReadonlySet<string> = new Set()): ArticleDraft {
  const table = new EntityTable(known, reserved);
  const sentences = unitSpans(text);
  const longSentences = sentences.map((s, i) => (tooLongForRules(s) ? i : -1)).filter((i) => i >= 0);
  return { ...composeDraft(text, meta, table, sentences, ruleFacts(text, sentences, table)), longSentences };
}

/** The offline rules: mentions, then facts sentence by sentence. */
export function ruleFacts(text: string, sentences: readonly Span[], table: EntityTable): DraftFacts {
  const { mentions, facts: patternFacts } = findMentions(text, sentences, table);
  const relations: DraftRelation[] = patternFacts.map((f) => ({
    subject: f.subject,
    predicate: f.predicate,
    object: f.object,
    negated: false,
    ...(f.title !== undefined ? { properties: { title: f.title } } : {}),
    evidence: { start: f.start, end: f.end },
    rule: f.rule,
    confidence: f.confidence,
  }));
  const events: DraftEvent[] = [];
  const claims: DraftClaim[] = [];
  let lastPerson: string | undefined;
  // Each sentence's own mentions looked up by their start, in the mentions' order (a stable sort of a list that is
  // already in start order): a filter of every mention for every sentence made long drafts quadratic.
  const byStart = [...mentions].sort((a, b) => a.start - b.start);
  const startingIn = (sentence: Span): readonly Mention[] => byStart.slice(firstAtOrAfter(byStart, sentence.start), firstAtOrAfter(byStart, sentence.end + 1));
  for (const sentence of sentences) {
    if (tooLongForRules(sentence)) continue;
    const near = startingIn(sentence);
    const found = sentenceFacts(text, sentence, mentions, table, lastPerson, near);
    relations.push(...found.relations);
    events.push(...found.events);
    claims.push(...found.claims);
    const people = near.filter((m) => m.start >= sentence.start && m.end <= sentence.end && table.kindOf(m.entity) === 'PERSON');
    if (people[0]) lastPerson = people[0].entity;
  }
  return { mentions, relations, events, claims };
}

/** The article's YAML structure from what was found: quotes computed by code, every fact marked as a draft. */
export function composeDraft(text: string, meta: ArticleMeta, table: EntityTable, sentences: readonly Span[], found: DraftFacts): ArticleDraft {
  const { mentions, relations, events, claims } = found;
  // Where each quote occurs, from one index of the article (a scan of the whole text per quote was quadratic).
  const occurrences = new OccurrenceIndex(text);
  const q = (span: Span) => quoteAt(text, span.start, span.end, (exact) => occurrences.find(exact));
  const timeOf = (e: DraftEvent) => {
    const sentence = sentences[sentenceIndexAt(sentences, e.evidence.start)] ?? e.evidence;
    // The weekday right after the event's words ("met … in Cairo on Sunday"), not anywhere in the sentence:
    // "drills on Monday, days after Lai visited Hawaii" dates the drills, not the visit.
    const stretch = text.slice(e.evidence.start, Math.min(sentence.end, e.evidence.end + 20));
    return resolveWeekday(stretch, meta.published, e.status === 'planned') ?? {};
  };
  const mark = (rule: string, confidence: number, flags?: readonly string[]) => ({ draft: { rule, confidence, ...(flags && flags.length > 0 ? { flags: [...flags] } : {}) } });

  // Events and claims get ids of their own, unique in the corpus because they start with the article's id.
  const eventSources: EventSource[] = events.map((e, i) => ({
    id: `${meta.id}-${slug(e.eventType)}-${i + 1}`,
    name: `${e.eventType.toLowerCase().replace(/_/gu, ' ')}: ${text.slice(e.evidence.start, e.evidence.end)}`.slice(0, 120),
    eventType: e.eventType,
    status: e.status,
    ...(e.fatalities ? { fatalities: e.fatalities } : {}),
    ...timeOf(e),
    evidence: q(e.evidence),
    roles: e.roles.map((r) => ({ role: r.role, entity: r.entity, ...(r.evidence ? { evidence: q(r.evidence) } : {}) })),
    ...mark(e.rule, e.confidence, e.flags),
  }));
  const claimSources: ClaimSource[] = [];
  const claimRelations: RelationSource[] = [];
  claims.forEach((c, i) => {
    const id = `${meta.id}-claim-${i + 1}`;
    claimSources.push({ id, name: c.name, evidence: q(c.evidence), ...mark(c.rule, c.confidence, c.flags) });
    claimRelations.push({ subject: c.speaker, predicate: c.act, object: id, evidence: q(c.actEvidence), ...mark(c.rule, c.confidence, c.flags) });
    for (const about of c.about) {
      claimRelations.push({ subject: id, predicate: 'ABOUT', object: about, evidence: q(c.evidence), ...mark('claim-about', 0.5) });
    }
  });

  const seen = new Set<string>();
  const relationSources: RelationSource[] = [];
  for (const r of relations) {
    const key = `${r.subject} ${r.predicate} ${r.object} ${r.negated} ${r.properties?.['title'] ?? ''}`;
    // A fact of an entity about itself ("Russia AFFILIATED_WITH Russia") is a misread, never news.
    if (seen.has(key) || r.subject === r.object) continue;
    const sk = table.kindOf(r.subject);
    const ok = table.kindOf(r.object);
    if (!sk || !ok || !admits(r.predicate, sk, ok)) continue;
    seen.add(key);
    relationSources.push({
      subject: r.subject,
      predicate: r.predicate,
      object: r.object,
      ...(r.negated ? { negated: true } : {}),
      ...(r.modality ? { modality: r.modality } : {}),
      ...(r.attributedTo ? { attributedTo: r.attributedTo } : {}),
      ...(r.properties ? { properties: r.properties } : {}),
      evidence: q(r.evidence),
      ...mark(r.rule, r.confidence, r.flags),
    });
  }

  // Mentions: every shared entity named, created ones only when named (no entity without a verified mention).
  const mentionSources: Record<string, ReturnType<typeof q>[]> = {};
  for (const m of mentions) (mentionSources[m.entity] ??= []).push(q(m));
  const newEntities: EntitySource[] = table.created
    .filter((c) => mentionSources[c.id] !== undefined)
    .map((c) => ({
      id: c.id,
      kind: c.kind,
      name: c.name,
      ...(c.aliases.length > 0 ? { aliases: [...new Set(c.aliases)].filter((a) => a !== c.name) } : {}),
      ...mark(c.rule, c.confidence),
    }));

  const covered = new Set<number>();
  const cover = (span: Span) => {
    const i = sentenceIndexAt(sentences, span.start);
    if (i >= 0) covered.add(i);
  };
  relations.forEach((r) => cover(r.evidence));
  events.forEach((e) => cover(e.evidence));
  claims.forEach((c) => cover(c.actEvidence));

  return {
    article: {
      article: {
        id: meta.id,
        title: meta.title,
        text: `${meta.id}.txt`,
        ...(meta.published !== undefined ? { published: meta.published } : {}),
        ...(meta.source !== undefined ? { source: meta.source } : {}),
      },
      mentions: Object.fromEntries(Object.entries(mentionSources).map(([id, list]) => [id, list.length === 1 && list[0] !== undefined ? list[0] : list])),
      ...(eventSources.length > 0 ? { events: eventSources } : {}),
      ...(claimSources.length > 0 ? { claims: claimSources } : {}),
      relations: [...relationSources, ...claimRelations],
    },
    newEntities,
    linked: Object.keys(mentionSources).filter((id) => !table.isCreated(id)),
    emptySentences: sentences.map((_s, i) => i).filter((i) => !covered.has(i)),
    longSentences: [],
    sentenceCount: sentences.length,
  };
}

/** The index of the first mention (of a list in start order) that starts at `at` or after; the length when none does. */
function firstAtOrAfter(byStart: readonly Mention[], at: number): number {
  let low = 0;
  let high = byStart.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((byStart[mid]?.start ?? Number.POSITIVE_INFINITY) < at) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * The index of the sentence that holds offset `at`, or -1 between sentences: the builder's binary search (a scan of
 * every sentence per fact made a draft of 14,000 sentences quadratic), its "nearest before" kept only when it holds `at`.
 */
function sentenceIndexAt(sentences: readonly Span[], at: number): number {
  const i = sentenceAt(sentences, at);
  const s = sentences[i];
  return s !== undefined && at >= s.start && at < s.end ? i : -1;
}

/** The builder's sentences, as UTF-16 offsets (the builder counts code points). */
function unitSpans(text: string): Span[] {
  const units: number[] = [];
  let unit = 0;
  for (const ch of text) {
    units.push(unit);
    unit += ch.length;
  }
  units.push(unit);
  return splitSentences(text).map((s) => ({ start: units[s.start] ?? 0, end: units[s.end] ?? text.length }));
}
