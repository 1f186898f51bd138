/**
 * Facts from one sentence: verbs of the dictionaries (lexicon.ts) with their subject to the left and their
 * object to the right in the same clause; negation cues between subject and verb (NegEx-style, never turned
 * into the opposite predicate); planned acts; reporting verbs, which turn what they govern into a claim of
 * the speaker and attribute the facts inside it to the speaker.
 */
import { admits, isPredicate, projectionOf, type EntityKind, type EventRole, type EventStatus, type EventType, type Predicate } from '../ontology/index.js';
import type { EntityTable } from './entityTable.js';
import { DEMONYMS, NEGATION_CUES, PLANNED_CUES, REPORTING_VERBS, TITLES, VERB_GROUPS, inflect, type VerbMeaning } from './lexicon.js';
import { OWNER_RULE, type Mention } from './mentions.js';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export interface DraftRelation {
  readonly subject: string;
  readonly predicate: Predicate;
  readonly object: string;
  readonly negated: boolean;
  readonly modality?: 'reported' | 'planned';
  readonly attributedTo?: string;
  readonly properties?: Record<string, string | number>;
  readonly evidence: Span;
  readonly rule: string;
  readonly confidence: number;
  readonly flags?: string[];
}

export interface DraftEvent {
  readonly key: string;
  readonly eventType: EventType;
  readonly status: EventStatus;
  readonly roles: { role: EventRole; entity: string; evidence?: Span }[];
  readonly fatalities?: { min: number };
  readonly evidence: Span;
  readonly rule: string;
  readonly confidence: number;
  readonly flags?: string[];
}

export interface DraftClaim {
  readonly key: string;
  readonly name: string;
  readonly evidence: Span;
  readonly speaker: string;
  readonly act: 'ASSERTED' | 'DENIED' | 'REPORTED';
  readonly actEvidence: Span;
  readonly about: string[];
  readonly rule: string;
  readonly confidence: number;
  readonly flags?: string[];
}

export interface SentenceFacts {
  relations: DraftRelation[];
  events: DraftEvent[];
  claims: DraftClaim[];
}

interface VerbHit extends Span {
  readonly lemma: string;
  readonly meaning: VerbMeaning | { readonly report: 'ASSERTED' | 'DENIED' | 'REPORTED' };
}

const VERB_FORMS: { form: RegExp; lemma: string; meaning: VerbHit['meaning'] }[] = [];
for (const [lemma, meaning] of Object.entries(VERB_GROUPS)) addForms(lemma, meaning);
for (const [lemma, report] of Object.entries(REPORTING_VERBS)) addForms(lemma, { report });
VERB_FORMS.sort((a, b) => b.form.source.length - a.form.source.length);

function addForms(lemma: string, meaning: VerbHit['meaning']): void {
  const [head = lemma, ...rest] = lemma.split(' ');
  // "lift sanctions on" also reads "lift its sanctions on".
  const tail = rest.length > 0 ? String.raw`\s+(?:(?:its|their|the|his|her|a|an)\s+)?${rest.join(String.raw`\s+`)}` : '';
  const forms = inflect(head).join('|');
  VERB_FORMS.push({ form: new RegExp(String.raw`\b(?:${forms})${tail}\b`, 'gu'), lemma, meaning });
}

/** A directive verb and its addressee right before an infinitive: "urged X to", "called on X and Y to". */
const DIRECTED = /\b(?:urged?|urging|called\s+on|calls?\s+on|pressed|presses|press|asked|asks|told|tells|encouraged|invited|appealed\s+to|demanded|demands)\s+[^.;]{1,80}?\s+to\s+(?:\p{Ll}+ly\s+)?$/u;

/** Words that may stand between a subject and its verb: auxiliaries, adverbs, negation, "drones". */
const SUBJECT_GAP =
  /^(?:\s+|,|’s|'s|\b(?:who|has|have|had|is|are|was|were|will|would|did|does|do|not|never|also|formally|later|previously|again|already|yet|to|reportedly|vehemently|publicly|repeatedly|no|longer|failed|refused|declined|plans?|planned|intends?|expected|due|set|been|officially|quickly|strongly|sharply|then|still|each|both|drones?|missiles?|forces|troops|jets|on|(?:mon|tues|wednes|thurs|fri|satur|sun)day|n’t|n't)\b)*$/iu;
/** What may join two coordinated names: "and", "nor", a comma, "and the", "and Azerbaijani President". */
const COORDINATION = new RegExp(String.raw`^(?:\s+and\s+|,\s+|,\s+and\s+|\s+nor\s+)(?:the\s+)?(?:(?:${Object.keys(DEMONYMS).join('|')})\s+)?(?:(?:${TITLES.join('|')})\s+)?$`, 'u');

/** Words that may stand between a verb and its object. */
const OBJECT_GAP = /^(?:\s+|\b(?:with|on|to|against|for|of|the|a|an|its|his|her|their|both|from|about|into|new|sanctions|troops|forces|officials|leaders|dozens|hundreds|thousands|at|least|town|city|village|port|region|province|district|\d+)\b)*$/iu;

/**
 * The facts of one sentence.
 * @param mentions the article's mentions, in order (a pronoun may stand for a name of an earlier sentence).
 * @param near the mentions that may lie in the sentence, in the same order: all of them by default; a draft passes
 *   those that start in it, since filtering every mention of the article for every sentence made long drafts quadratic.
 */
export function sentenceFacts(text: string, sentence: Span, mentions: readonly Mention[], table: EntityTable, lastPerson: string | undefined, near: readonly Mention[] = mentions): SentenceFacts {
  const out: SentenceFacts = { relations: [], events: [], claims: [] };
  const inSentence = near.filter((m) => m.start >= sentence.start && m.end <= sentence.end && m.rule !== OWNER_RULE);
  const hits = verbHits(text, sentence, inSentence);

  // Attribution first: which stretch of the sentence a speaker governs.
  // `trailing`: the wire form "EVENT, officials said", where the article reports the event and names its source.
  const attributions: { speaker: string; span: Span; trailing?: boolean }[] = [];
  const reporters: { subjects: Mention[]; end: number }[] = [];
  for (const hit of hits) {
    if (!('report' in hit.meaning)) continue;
    const act = hit.meaning.report;
    let subjects = subjectsOf(text, sentence, hit, inSentence, lastPerson, table);
    // "Shigeru Ishiba condemned the launch and said": the subject of the verb the speech verb is joined to.
    if (subjects.length === 0 && /\s+and\s+$/u.test(text.slice(sentence.start, hit.start))) {
      const first = hits.find((h) => h.start < hit.start && !/[,;]/u.test(text.slice(h.end, hit.start)));
      if (first) subjects = subjectsOf(text, sentence, first, inSentence, lastPerson, table);
    }
    const after = text.slice(hit.end, sentence.end);
    const before = text.slice(sentence.start, subjects[0]?.start ?? hit.start);
    let clause: Span | undefined;
    // "told reporters that", "wrote on Facebook that", "said in a statement that"; "told Reuters on Monday that",
    // "told the Council that": whom a speaker told is no part of what was said.
    const addressee = hit.lemma === 'tell' ? inSentence.find((m) => m.start > hit.end && /^\s*(?:the\s+)?$/u.test(text.slice(hit.end, m.start))) : undefined;
    const skip = addressee ? addressee.end - hit.end : 0;
    const lead0 = /^\s*(?:(?:reporters|journalists)\s+)?(?:(?:on|in)\s+[^,.;]{1,40}?\s+that\s+)?(?:(?:on|in|at)\s+(?:\p{Lu}\p{Ll}+day|an?\s+\p{Ll}+)\s+)?(?:that\s+)?/u.exec(after.slice(skip))?.[0] ?? '';
    const lead = after.slice(0, skip) + lead0;
    // The reported clause ends where another clause with its own subject begins (", but Aliyev demanded"),
    // where the speaker goes on to act (" and criticized") or to gloss it (", calling it").
    const actsAgain = hits.find((h) => h.start > hit.end + lead.length && !('report' in h.meaning) && /\s+and\s+$/u.test(text.slice(h.start - 5, h.start)));
    const stop = actsAgain ? actsAgain.start - hit.end - 5 : after.length;
    const body = after.slice(lead.length, Math.max(lead.length, stop)).replace(/(?:,\s+(?:but|while|and|as)\s+\p{Lu}|,\s+(?:calling|saying|adding)\s|;).*$/su, '').replace(/\s+and\s*$/u, '').replace(/[.”"’]+\s*$/u, '');
    const quoted = /^\s*[“"]/u.test(before);
    // "Ukraine would not give up territory, he said, but it would back a freeze": the clause before the
    // parenthetical speaker, and the one after ", but" is the same speaker's too.
    const parenthetical = !quoted && /,\s*$/u.test(before) && /^\s*,/u.test(after) && subjects.length > 0;
    if (parenthetical) {
      const tail = /^\s*,\s+(?:but|and)\s+([^;]+?)[.”"]*\s*$/u.exec(text.slice(hit.end, sentence.end));
      if (tail?.[1] !== undefined && tail[1].split(/\s+/u).length >= 3) {
        const start = sentence.end - (text.slice(hit.end, sentence.end).length - text.slice(hit.end, sentence.end).indexOf(tail[1]));
        const span = { start, end: start + tail[1].length };
        const speaker = subjects[0];
        if (speaker) {
          attributions.push({ speaker: speaker.entity, span });
          out.claims.push({ key: `${speaker.entity}-${act.toLowerCase()}-${span.start}`, name: text.slice(span.start, span.end), evidence: span, speaker: speaker.entity, act, actEvidence: { start: Math.min(speaker.start, hit.start), end: Math.max(speaker.end, hit.end) }, about: [...new Set(inSentence.filter((m) => m.start >= span.start && m.end <= span.end && m.entity !== speaker.entity).map((m) => m.entity))], rule: `report:${hit.lemma}+parenthetical`, confidence: 0.6 });
        }
      }
    }
    if (subjects.length > 0 && !quoted && !parenthetical && body.split(/\s+/u).length >= 3) {
      clause = { start: hit.end + lead.length, end: hit.end + lead.length + body.length };
    } else if (quoted && /^\s*“([^”]+)”/u.test(before)) {
      // "“CLAIM,” X said": the words inside the quotation marks
      const open = text.indexOf('“', sentence.start);
      const close = text.indexOf('”', open);
      const inner = text.slice(open + 1, close).replace(/[,.]\s*$/u, '');
      clause = { start: open + 1, end: open + 1 + inner.length };
    } else if (/[,”]\s*[”"]?\s*(?:the\s+)?$/iu.test(before) && before.trim().length > 0) {
      // "CLAIM, X said." or "“CLAIM,” X told reporters"
      const raw = before.replace(/\s*(?:the\s+)?$/iu, '').replace(/[,\s”"]+$/u, '');
      const lstrip = raw.length - raw.replace(/^[\s“"]+/u, '').length;
      clause = { start: sentence.start + lstrip, end: sentence.start + raw.length };
    }
    const speaker = subjects[0];
    // "He denied that … and criticized Dbeibah’s government": the speaker is the subject of a verb joined after.
    if (speaker) reporters.push({ subjects, end: hit.end });
    if (!clause || !speaker || clause.end - clause.start < 8) continue;
    const trailing = !quoted && clause.end <= speaker.start && !/[“"]/u.test(before);
    attributions.push({ speaker: speaker.entity, span: clause, trailing });
    const about = [...new Set(inSentence.filter((m) => m.start >= clause.start && m.end <= clause.end && m.entity !== speaker.entity).map((m) => m.entity))];
    out.claims.push({
      key: `${speaker.entity}-${act.toLowerCase()}-${clause.start}`,
      name: text.slice(clause.start, clause.end),
      evidence: clause,
      speaker: speaker.entity,
      act,
      actEvidence: { start: Math.min(speaker.start, hit.start), end: Math.max(speaker.end, hit.end) },
      about,
      rule: `report:${hit.lemma}`,
      confidence: 0.7,
    });
  }
  // "according to X"
  const according = /,?\s*[Aa]ccording to\s+/u.exec(text.slice(sentence.start, sentence.end));
  if (according) {
    const at = sentence.start + according.index + according[0].length;
    const speaker = inSentence.find((m) => m.start >= at && m.start <= at + 40);
    if (speaker && !(/^\s*$/u.test(text.slice(sentence.start, sentence.start + according.index)) && text.indexOf(',', speaker.end) < 0)) {
      // "According to X, CLAIM." puts the claim after the source; "CLAIM, according to X." before it.
      const initial = /^\s*$/u.test(text.slice(sentence.start, sentence.start + according.index));
      const comma = initial ? text.indexOf(',', speaker.end) : -1;
      const clause = initial && comma > 0 && comma < sentence.end ? { start: comma + 1 + (text.slice(comma + 1).length - text.slice(comma + 1).trimStart().length), end: sentence.end - (/[.”"]\s*$/u.exec(text.slice(sentence.start, sentence.end))?.[0].length ?? 0) } : { start: sentence.start, end: sentence.start + according.index };
      attributions.push({ speaker: speaker.entity, span: clause });
      out.claims.push({
        key: `${speaker.entity}-reported-${clause.start}`,
        name: text.slice(clause.start, clause.end),
        evidence: clause,
        speaker: speaker.entity,
        act: 'REPORTED',
        actEvidence: { start: sentence.start + according.index + (according[0].startsWith(',') ? 1 : 0), end: speaker.end },
        about: [...new Set(inSentence.filter((m) => m.start >= clause.start && m.end <= clause.end && m.entity !== speaker.entity).map((m) => m.entity))],
        rule: 'report:according-to',
        confidence: 0.7,
      });
    }
  }
  const speakerOf = (at: number) => attributions.find((a) => at >= a.span.start && at < a.span.end)?.speaker;
  const reportedWithSource = (at: number) => attributions.some((a) => a.trailing === true && at >= a.span.start && at < a.span.end);

  let previous: { subjects: Mention[]; end: number; objects: Mention[] } | undefined;
  for (const hit of hits) {
    if ('report' in hit.meaning) continue;
    const meaning = hit.meaning;
    // "urged the army and the RSF to accept a truce": what someone is urged to do is not done.
    if (DIRECTED.test(text.slice(sentence.start, hit.start))) continue;
    let subjects = subjectsOf(text, sentence, hit, inSentence, lastPerson, table);
    // The passive: "Russia was criticized by the EU" has the EU as subject.
    const byAgent = /^\s+by\s+(?:the\s+)?/u.exec(text.slice(hit.end));
    const agent = byAgent && /\b(?:was|were|been|being)\s+(?:\p{Ll}+ly\s+)?$/u.test(text.slice(sentence.start, hit.start)) ? inSentence.find((m) => m.start === hit.end + byAgent[0].length || m.start === hit.end + byAgent[0].length - 4) : undefined;
    const passiveObjects = agent ? subjects : undefined;
    if (agent) subjects = [agent];
    // A second verb of the same subject: "The State Department criticized the drills and urged Beijing".
    const reporter = [...reporters].reverse().find((r) => r.end <= hit.start);
    const before = reporter && (!previous || reporter.end > previous.end) ? { ...reporter, objects: [] as Mention[] } : previous;
    // Also across the first verb's place and a modal: "arrived in Port Sudan and is to meet".
    // The first verb's own objects may stand between: "condemned the M23 offensive on Goma and called on Rwanda".
    const actorBetween = (from: number, to: number) => inSentence.some((m) => m.start >= from && m.end <= to && table.kindOf(m.entity) !== 'PLACE' && !(before?.objects ?? []).some((o) => o.start === m.start));
    if (subjects.length === 0 && before && /\band\s+(?:(?:is|are|will|plans?|has|have|then)\s+(?:to\s+)?)?$/u.test(text.slice(before.end, hit.start)) && !/[,;]/u.test(text.slice(before.end, hit.start)) && !actorBetween(before.end, hit.start)) {
      subjects = before.subjects;
    }
    if (subjects.length === 0) continue;
    const firstSubject = subjects[0];
    if (!firstSubject) continue;
    const between = text.slice(firstSubject.end, hit.start);
    const lead = text.slice(Math.max(sentence.start, firstSubject.start - 10), firstSubject.start);
    // "Iran denied that it supplies weapons": what the speaker denies doing is a negated fact of the speaker.
    const negated = NEGATION_CUES.test(between) || /\bneither\s+$/iu.test(lead) || /\bden(?:y|ies|ied)\s+(?:that\s+)?(?:it|they)\b/u.test(between);
    const planned = PLANNED_CUES.test(text.slice(firstSubject.end, hit.start));
    const objects = passiveObjects ?? objectsOf(text, sentence, hit, inSentence, 'predicate' in meaning && (meaning.predicate === 'DEMANDED' || meaning.predicate === 'URGED'));
    previous = { subjects, end: hit.end, objects };
    const pronoun = /^\s+(him|her)\b/u.exec(text.slice(hit.end));
    if (objects.length === 0 && 'predicate' in meaning && pronoun) {
      // "met Haftar … and pressed him to": the last person named before, other than the subject.
      const person = [...inSentence].reverse().find((m) => m.end <= hit.start && table.kindOf(m.entity) === 'PERSON' && !subjects.some((x) => x.entity === m.entity));
      const at = hit.end + pronoun[0].length - (pronoun[1]?.length ?? 0);
      if (person) objects.push({ start: at, end: at + (pronoun[1]?.length ?? 0), entity: person.entity, rule: 'pronoun', confidence: 0.5 });
    }
    if (objects.length === 0 && 'predicate' in meaning && /^\s+it\b/u.test(text.slice(hit.end))) {
      // "refused to commit to it": the last proposal named before
      const it = mentions.findLast((m) => m.end <= hit.start && table.kindOf(m.entity) === 'PROPOSAL');
      const at = hit.end + (text.slice(hit.end).length - text.slice(hit.end).trimStart().length);
      if (it) objects.push({ start: at, end: at + 2, entity: it.entity, rule: 'pronoun', confidence: 0.5 });
    }
    const speaker = speakerOf(hit.start);
    const attributed = speaker !== undefined && !subjects.some((s) => s.entity === speaker) ? speaker : undefined;
    const span: Span = { start: firstSubject.start, end: Math.max(hit.end, ...objects.map((o) => o.end)) };

    if ('event' in meaning && attributed !== undefined && !reportedWithSource(hit.start)) {
      // What a speaker says happened is their claim, not an event the article reports: a reported relation.
      const projected = projectedBy(meaning.event);
      if (projected) {
        for (const s of subjects) {
          for (const o of objects) {
            const sk = table.kindOf(s.entity);
            const ok = table.kindOf(o.entity);
            if (sk && ok && s.entity !== o.entity && admits(projected, sk, ok)) {
              out.relations.push({ subject: s.entity, predicate: projected, object: o.entity, negated, modality: 'reported', attributedTo: attributed, evidence: { start: s.start, end: Math.max(o.end, hit.end) }, rule: `verb:${hit.lemma}+attribution`, confidence: 0.55 });
            }
          }
        }
      }
      continue;
    }
    if ('event' in meaning) {
      const eventType = meaning.event;
      const roles: DraftEvent['roles'] = [];
      const isMeeting = eventType === 'MEETING';
      for (const s of subjects) roles.push({ role: isMeeting ? (planned ? 'AGENT' : 'PARTICIPANT') : 'AGENT', entity: s.entity });
      for (const o of objects) {
        const kind = table.kindOf(o.entity);
        const role: EventRole = isMeeting ? 'PARTICIPANT' : kind === 'PLACE' && eventType === 'VISIT' ? 'LOCATION' : 'TARGET';
        roles.push({ role, entity: o.entity, evidence: o });
      }
      const place = placeAfter(text, span.end, sentence, inSentence, table);
      if (place && !roles.some((r) => r.entity === place.entity)) roles.push({ role: 'LOCATION', entity: place.entity, evidence: place });
      if (roles.length < 2) continue;
      const killed = /\bkill(?:ed|ing)\s+at\s+least\s+(\d+)/u.exec(text.slice(sentence.start, sentence.end));
      out.events.push({
        key: `${eventType.toLowerCase()}-${hit.start}`,
        eventType,
        status: negated ? 'cancelled' : planned ? 'planned' : 'occurred',
        roles: roles.filter((r) => roleFits(r.role, table.kindOf(r.entity))),
        ...(killed?.[1] !== undefined ? { fatalities: { min: Number(killed[1]) } } : {}),
        evidence: { start: span.start, end: Math.max(span.end, place?.end ?? 0) },
        rule: `verb:${hit.lemma}`,
        confidence: meaning.confidence,
      });
      continue;
    }
    const predicate = meaning.predicate;
    for (const s of subjects) {
      for (const o of objects) {
        const sk = table.kindOf(s.entity);
        const ok = table.kindOf(o.entity);
        if (!sk || !ok || s.entity === o.entity || !admits(predicate, sk, ok)) continue;
        // "urged the United States and France, which monitor the ceasefire, to restrain Israel": the
        // infinitive follows the last object, across a relative clause.
        const lastObject = objects[objects.length - 1] ?? o;
        const to = predicate === 'URGED' ? /^(?:,\s+(?:which|who)\s[^,]+,)?\s*to\s+([^,.;]+)/u.exec(text.slice(lastObject.end, sentence.end))?.[1] : undefined;
        if (predicate === 'URGED' && to === undefined) continue;
        out.relations.push({
          subject: s.entity,
          predicate,
          object: o.entity,
          negated,
          ...(planned ? { modality: 'planned' as const } : attributed ? { modality: 'reported' as const } : {}),
          ...(attributed ? { attributedTo: attributed } : {}),
          ...(to !== undefined ? { properties: { to: to.trim() } } : {}),
          evidence: { start: Math.min(s.start, span.start), end: Math.max(o.end, hit.end) },
          rule: `verb:${hit.lemma}${negated ? '+negation' : ''}${attributed ? '+attribution' : ''}`,
          confidence: Math.round((meaning.confidence - (subjects.length > 1 || objects.length > 1 ? 0.05 : 0)) * 100) / 100,
        });
      }
    }
  }
  // Counted salvos: "Russian forces launched 143 drones and four ballistic missiles at Ukraine".
  for (const m of text.slice(sentence.start, sentence.end).matchAll(/\b(launched|fired)\s+((?:[\p{L}\p{N},-]+\s+){0,7}?)(drones?|missiles?|rockets?|shells?)\s+at\s+(?:the\s+)?/gu)) {
    const at = sentence.start + (m.index ?? 0);
    const verb: Span = { start: at, end: at + (m[1]?.length ?? 0) };
    if (out.events.some((e) => e.evidence.start <= at && at < e.evidence.end)) continue;
    const agents = subjectsOf(text, sentence, verb, inSentence, lastPerson, table);
    const target = inSentence.find((x) => x.start === at + m[0].length);
    const agent = agents[0];
    if (!agent || !target || !roleFits('AGENT', table.kindOf(agent.entity)) || !roleFits('TARGET', table.kindOf(target.entity))) continue;
    if (speakerOf(at) !== undefined && !reportedWithSource(at)) continue;
    out.events.push({
      key: `attack-${at}`,
      eventType: 'ATTACK',
      status: 'occurred',
      roles: [...agents.map((a) => ({ role: 'AGENT' as const, entity: a.entity, evidence: a })), { role: 'TARGET', entity: target.entity, evidence: target }],
      evidence: { start: agent.start, end: target.end },
      rule: 'salvo-at',
      confidence: 0.65,
    });
  }
  // Nominal attacks: "An Israeli airstrike on Rafah", "the Russian attack on Kyiv".
  for (const m of text.slice(sentence.start, sentence.end).matchAll(/\b(airstrikes?|air strikes?|attacks?|strikes?|drone attacks?|missile attacks?|offensive|assault|bombardment)\s+on\s+/gu)) {
    const at = sentence.start + (m.index ?? 0);
    const agent = [...inSentence].reverse().find((x) => x.end <= at && at - x.end <= 3);
    const target = inSentence.find((x) => x.start === at + m[0].length);
    if (!agent || !target) continue;
    const killed = /\bkill(?:ed|ing)\s+at\s+least\s+(\d+)/u.exec(text.slice(sentence.start, sentence.end));
    const eventType: EventType = /air/u.test(m[1] ?? '') ? 'AIRSTRIKE' : 'ATTACK';
    if (!roleFits('AGENT', table.kindOf(agent.entity)) || !roleFits('TARGET', table.kindOf(target.entity))) continue;
    out.events.push({
      key: `${eventType.toLowerCase()}-${at}`,
      eventType,
      status: 'occurred',
      roles: [{ role: 'AGENT', entity: agent.entity, evidence: agent }, { role: 'TARGET', entity: target.entity, evidence: target }],
      ...(killed?.[1] !== undefined ? { fatalities: { min: Number(killed[1]) } } : {}),
      evidence: { start: agent.start, end: target.end },
      rule: 'noun:attack-on',
      confidence: 0.7,
    });
  }
  return out;
}

function roleFits(role: EventRole, kind: EntityKind | undefined): boolean {
  if (kind === undefined) return false;
  const actors: EntityKind[] = ['PERSON', 'GOVERNMENT', 'ORGANIZATION', 'GROUP'];
  switch (role) {
    case 'AGENT':
    case 'PARTICIPANT':
      return actors.includes(kind);
    case 'TARGET':
      return [...actors, 'PLACE', 'EVENT', 'PROPOSAL'].includes(kind);
    case 'LOCATION':
      return kind === 'PLACE';
    case 'MEDIUM':
      return kind === 'ORGANIZATION';
    case 'CAUSE':
      return kind === 'EVENT' || kind === 'CLAIM';
    default: {
      const unreachable: never = role;
      return unreachable;
    }
  }
}

function verbHits(text: string, sentence: Span, mentions: readonly Mention[]): VerbHit[] {
  const part = text.slice(sentence.start, sentence.end);
  const hits: VerbHit[] = [];
  for (const { form, lemma, meaning } of VERB_FORMS) {
    for (const m of part.matchAll(form)) {
      const start = sentence.start + (m.index ?? 0);
      const end = start + m[0].length;
      if (hits.some((h) => h.start < end && start < h.end)) continue;
      if (mentions.some((x) => x.start < end && start < x.end)) continue;
      // "the attacks", "a visit", "an appeal": a noun, not a verb.
      if (/\b(the|a|an|its|his|her|their|this|new)\s+$/iu.test(text.slice(Math.max(0, start - 6), start))) continue;
      hits.push({ start, end, lemma, meaning });
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

/** The mentions that are the verb's subject: the nearest before it across auxiliaries, with coordinated ones. */
function subjectsOf(text: string, sentence: Span, hit: Span, mentions: readonly Mention[], lastPerson: string | undefined, table: EntityTable): Mention[] {
  const before = mentions.filter((m) => m.end <= hit.start);
  const last = before[before.length - 1];
  // "John Hardie of the Foundation for Defense of Democracies criticized": the head is the person.
  const head = last === undefined ? undefined : before.filter((m) => m.end <= last.start).pop();
  let nearest = last && head && /^\s+of\s+(?:the\s+)?$/u.test(text.slice(head.end, last.start)) ? { ...head, end: last.end } : last;
  // "Getachew Reda, the president of the Tigray Interim Administration, criticized": the person before the appositive.
  if (last && /^,\s*$/u.test(text.slice(last.end, hit.start))) {
    const person = [...before].reverse().find((m) => m.end < last.start && table.kindOf(m.entity) === 'PERSON' && /^,\s[^,]*$/u.test(text.slice(m.end, last.start)));
    if (person) nearest = { ...person, end: last.end };
  }
  // "Sudan’s army said it had recaptured": the speaker is the subject of what it says it did.
  if (nearest && /^\s+(?:said|says|claimed|announced|added|denied|denies)\s+(?:that\s+)?(?:it|they)\s+(?:had|has|have|would|will)?\s*(?:\p{Ll}+ly\s+)?$/u.test(text.slice(nearest.end, hit.start))) {
    return [nearest];
  }
  // "Dbeibah, speaking in his office, accused": a participle's phrase between subject and verb.
  if (nearest && SUBJECT_GAP.test(text.slice(nearest.end, hit.start).replace(/^,\s+\p{Ll}+ing\b[^,.;]{0,50},/u, ''))) {
    const found = [nearest];
    // A bare comma joins names only in a list that an "and" closes: "Russia, Ukraine and Belarus said", not
    // "… sanctions on Iran, the Treasury Department said".
    let closed = false;
    for (let i = before.length - 2; i >= 0; i--) {
      const m = before[i];
      const next = found[found.length - 1];
      if (!m || !next) break;
      if (m.start === next.start && m.end === next.end) {
        found.push(m); // "the two leaders": two people, one span
        continue;
      }
      // ", and" joins clauses more often than subjects: "arrested dozens of demonstrators, and the ministry accused".
      const gap = text.slice(m.end, next.start);
      if (COORDINATION.test(gap) && !/^,\s+and\s/u.test(gap) && (closed || !/^,/u.test(gap))) {
        found.push(m);
        closed = true;
      } else break;
    }
    return found.reverse();
  }
  const lead = text.slice(sentence.start, hit.start);
  const pronoun = /^\s*(He|She)\b/u.exec(lead);
  if (pronoun && lastPerson !== undefined && SUBJECT_GAP.test(lead.slice(pronoun[0].length))) {
    const start = sentence.start + lead.indexOf(pronoun[1] ?? 'He');
    return [{ start, end: start + (pronoun[1]?.length ?? 2), entity: lastPerson, rule: 'pronoun', confidence: 0.5 }];
  }
  // "“…,” he said" / ", and he urged Beijing": a pronoun right before the verb is the last person named
  // before it in the sentence, else the previous sentence's.
  const inner = /\b(he|she)((?:\s+\S+)?\s*)$/u.exec(lead);
  if (inner && SUBJECT_GAP.test(inner[2] ?? '')) {
    const start = hit.start - inner[0].length;
    const person = [...mentions].reverse().find((m) => m.end <= start && m.rule !== 'pronoun' && table.kindOf(m.entity) === 'PERSON');
    const entity = person?.entity ?? lastPerson;
    if (entity !== undefined) return [{ start, end: start + (inner[1]?.length ?? 2), entity, rule: 'pronoun', confidence: 0.5 }];
  }
  return [];
}

/** "Eritrean" in "Eritrean President Isaias Afwerki": the owner of a title, not the head of the phrase. */
const TITLE_BETWEEN = new RegExp(String.raw`^(?:[’']s)?\s+(?:${TITLES.join('|')})\s+$`, 'u');

/** A title without owner before a name, perhaps after one adjective: "accused the eastern commander Khalifa Haftar". */
const TITLE_TAIL = new RegExp(String.raw`(?:^|\s)(?:(?!(?:and|or|with|to|of|for|on)\s)\p{Ll}+\s+)?(?:${TITLES.join('|')})\s+$`, 'u');

function objectsOf(text: string, sentence: Span, hit: Span, mentions: readonly Mention[], directive = false): Mention[] {
  const all = mentions.filter((m) => m.start >= hit.end && m.end <= sentence.end);
  const after = all.filter((m, i) => {
    const next = all[i + 1];
    return !(next && next.start > m.end && TITLE_BETWEEN.test(text.slice(m.end, next.start)));
  });
  const first = after[0];
  // The phrase starts at the title's owner when one was skipped: "met [Eritrean President] Isaias Afwerki".
  const phraseStart = first ? Math.min(first.start, ...all.filter((m) => m.start < first.start && !after.includes(m)).map((m) => m.start)) : 0;
  // "meet army chief Abdel Fattah al-Burhan": a title without an owner stands before the name.
  // "demanded that the Council impose": a directive's addressee after "that".
  const gap = text.slice(hit.end, phraseStart).replace(TITLE_TAIL, ' ');
  if (!first || !(OBJECT_GAP.test(gap) || (directive && /^\s+that\s+(?:the\s+)?$/u.test(gap)))) return [];
  const found = [first];
  let closedAt = 1; // names up to here are joined by "and" (or are the first)
  for (const m of after.slice(1)) {
    const prev = found[found.length - 1];
    if (prev && m.start === prev.start && m.end === prev.end) found.push(m); // "both leaders": two people, one span
    else if (prev && COORDINATION.test(text.slice(prev.end, m.start))) found.push(m);
    else break;
    if (!/^,\s*(?:the\s+)?$/u.test(text.slice(prev.end, m.start))) closedAt = found.length;
  }
  // "urged Ethiopia, Eritrea and the TPLF": a list that an "and" closes; not "sanctions on Iran, the Treasury said".
  return found.slice(0, closedAt);
}

function placeAfter(text: string, from: number, sentence: Span, mentions: readonly Mention[], table: EntityTable): Mention | undefined {
  return mentions.find(
    (m) => m.start >= from && m.start - from <= 40 && table.kindOf(m.entity) === 'PLACE' && /\b(in|at)\s+(the\s+)?$/u.test(text.slice(Math.max(sentence.start, m.start - 8), m.start)),
  );
}

/** The binary predicate an event type projects to (ATTACK → ATTACKED), for events a speaker only reports. */
export function projectedBy(eventType: EventType): Predicate | undefined {
  const p = projectionOf(eventType);
  return p && isPredicate(p.predicate) ? p.predicate : undefined;
}

const REPORTING = new RegExp(String.raw`\b(?:${Object.keys(REPORTING_VERBS).flatMap((l) => inflect(l)).join('|')}|according to)\b`, 'u');

/** True when the rules see a reporting verb ("said", "according to") in this stretch of text. */
export function hasReportingVerb(stretch: string): boolean {
  return REPORTING.test(stretch);
}

/** True when the rules see a negation cue ("not", "never", "has yet to") in this stretch of text. */
export function hasNegationCue(stretch: string): boolean {
  return NEGATION_CUES.test(stretch);
}
