/**
 * Measures a draft against a reviewed (gold) encoding of the same articles: both directories are built by
 * the real builder, drafted entities, events and claims are mapped to gold ones (same id, else the one whose
 * evidence overlaps most in the same article), then mentions, typed relations (subject, predicate, object,
 * polarity; event projections included), events (type; roles and status on matches) and attribution (who
 * asserted, denied or reported which claim) are compared. Articles whose encodings are byte-identical in
 * both directories (the corpus the draft started from) are not compared.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { NewsgraphError } from '../errors.js';
import { buildGraph } from '../build/buildGraph.js';
import type { EntityAttributes, Evidence, NewsGraph, RelationAttributes } from '../graph/types.js';

export interface Score {
  readonly tp: number;
  readonly predicted: number;
  readonly gold: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

export interface Evaluation {
  readonly articles: string[];
  readonly mentionsKnown: Score;
  readonly mentionsNew: Score;
  readonly relations: Score;
  readonly events: Score;
  readonly attribution: Score;
  /** Share of (subject, predicate, object) matches whose polarity agrees. */
  readonly polarityAccuracy: number;
  readonly polarityMatches: number;
  /** Share of matched claims whose speaker agrees. */
  readonly asserterAccuracy: number;
  readonly asserterMatches: number;
  readonly eventRoleAccuracy: number;
  readonly eventStatusAccuracy: number;
  /** Typed relations of the gold not in the draft, and of the draft not in the gold ("article subject PREDICATE object|negated"), draft ids mapped to gold ids. */
  readonly missedRelations: string[];
  readonly spuriousRelations: string[];
}

const SPEECH = new Set(['ASSERTED', 'DENIED', 'REPORTED']);
const NOT_TYPED = new Set(['ASSERTED', 'DENIED', 'REPORTED', 'ABOUT', 'CONCERNS', 'CONTRADICTS']);
const SHARED = new Set(['PERSON', 'GOVERNMENT', 'ORGANIZATION', 'GROUP', 'PLACE', 'PROPOSAL']);

/**
 * The draft directory's articles scored against the gold directory's articles of the same ids; articles encoded
 * alike in both (a shared base) are left out.
 * @throws NewsgraphError BAD_USER_INPUT when no article is left to compare; DataError when a directory does not build.
 */
export async function evaluateDirectories(goldDir: string, draftDir: string): Promise<Evaluation> {
  const [gold, draft] = await Promise.all([buildGraph(goldDir), buildGraph(draftDir)]);
  const articles: string[] = [];
  let shared = 0;
  for (const a of draft.getAttribute('articles')) {
    if (!gold.getAttribute('articles').some((g) => g.id === a.id)) continue;
    shared++;
    const same = await Promise.all([goldDir, draftDir].map((d) => readFile(join(d, 'articles', `${a.id}.yaml`), 'utf8').catch(() => '')));
    if (same[0] !== same[1]) articles.push(a.id);
  }
  // Figures over no article would read as perfect scores (nothing missed, nothing wrong): refused instead.
  if (articles.length === 0) {
    const counts = `${goldDir} has ${gold.getAttribute('articles').length} article(s), ${draftDir} ${draft.getAttribute('articles').length}; ${shared} in both`;
    const why = shared === 0 ? 'no article id is in both' : 'every article in both is encoded identically';
    throw new NewsgraphError('BAD_USER_INPUT', `nothing to evaluate: ${why} (${counts}). evaluate compares the draft of an article with its reviewed encoding under the same id.`);
  }
  return evaluateGraphs(gold, draft, articles);
}

export function evaluateGraphs(gold: NewsGraph, draft: NewsGraph, articles: readonly string[]): Evaluation {
  const inArticles = (e: readonly Evidence[]) => e.filter((x) => articles.includes(x.article));
  const nodes = (g: NewsGraph) => g.mapNodes((_k, a) => a).filter((a) => inArticles(a.evidence).length > 0);
  const goldNodes = nodes(gold);
  const draftNodes = nodes(draft);

  // Map each drafted node to a gold node: same id, else most overlapping evidence.
  const map = new Map<string, string>();
  for (const d of draftNodes) {
    if (gold.hasNode(d.id) && gold.getNodeAttribute(d.id, 'kind') === d.kind && !d.draft) {
      map.set(d.id, d.id);
      continue;
    }
    let best: { id: string; overlap: number } | undefined;
    for (const g of goldNodes) {
      if ((g.kind === 'EVENT') !== (d.kind === 'EVENT') || (g.kind === 'CLAIM') !== (d.kind === 'CLAIM')) continue;
      const overlap = overlapOf(inArticles(d.evidence), inArticles(g.evidence));
      if (overlap > 0 && (!best || overlap > best.overlap)) best = { id: g.id, overlap };
    }
    if (best) map.set(d.id, best.id);
  }
  // An entity the compared articles do not mention (a relation's far end) maps to itself when both know it.
  const sameOnBoth = (id: string) => gold.hasNode(id) && draft.hasNode(id) && draft.getNodeAttribute(id, 'draft') !== true;
  const m = (id: string | undefined) => (id === undefined ? undefined : (map.get(id) ?? (sameOnBoth(id) ? id : `draft:${id}`)));

  // Mentions of shared entities, per gold entity: known (in the draft's corpus, unmarked) or new.
  const known = (id: string) => draft.hasNode(id) && draft.getNodeAttribute(id, 'draft') !== true;
  const mentionScore = (wantKnown: boolean): Score => {
    const goldMentions = goldNodes.filter((g) => SHARED.has(g.kind) && known(g.id) === wantKnown).flatMap((g) => inArticles(g.evidence).map((e) => ({ id: g.id, e })));
    const draftMentions = draftNodes.filter((d) => SHARED.has(d.kind)).flatMap((d) => inArticles(d.evidence).map((e) => ({ id: m(d.id), e })));
    const found = goldMentions.filter((g) => draftMentions.some((d) => d.id === g.id && overlaps(d.e, g.e))).length;
    const relevant = draftMentions.filter((d) => goldMentions.some((g) => overlaps(d.e, g.e)) || (d.id !== undefined && gold.hasNode(d.id) && known(d.id) === wantKnown) || (!gold.hasNode(d.id ?? '') && !wantKnown));
    const correct = relevant.filter((d) => goldMentions.some((g) => g.id === d.id && overlaps(d.e, g.e))).length;
    return score(found, correct, relevant.length, goldMentions.length);
  };

  const typed = (g: NewsGraph, ids: (id: string) => string | undefined) =>
    g
      .mapEdges((_k, r) => r)
      .filter((r) => r.origin !== 'role' && !NOT_TYPED.has(r.predicate) && inArticles(r.evidence).length > 0)
      // One key per compared article that gives evidence: a relation two articles both state (merged by the
      // builder into one edge) is counted in each, whichever other articles the draft or the gold adds.
      .flatMap((r) => [...new Set(inArticles(r.evidence).map((e) => e.article))].map((article) => ({ r, key: keyOf(article, r, ids) })));
  const goldRel = typed(gold, (id) => id);
  const draftRel = typed(draft, (id) => m(id));
  const goldKeys = new Set(goldRel.map((x) => `${x.key}|${x.r.negated}`));
  const draftKeys = new Set(draftRel.map((x) => `${x.key}|${x.r.negated}`));
  const relTp = [...goldKeys].filter((k) => draftKeys.has(k)).length;
  const spoMatches = goldRel.filter((g) => draftRel.some((d) => d.key === g.key));
  const polarityOk = spoMatches.filter((g) => draftRel.some((d) => d.key === g.key && d.r.negated === g.r.negated)).length;

  // Events: a gold event is found when a draft event maps to it with the same type.
  const goldEvents = goldNodes.filter((g) => g.kind === 'EVENT');
  const draftEvents = draftNodes.filter((d) => d.kind === 'EVENT');
  const eventPairs = draftEvents
    .map((d) => ({ d, g: goldEvents.find((g) => g.id === m(d.id) && g.kind === 'EVENT' && sameType(g, d)) }))
    .flatMap((x) => (x.g === undefined ? [] : [{ d: x.d as EntityAttributes, g: x.g as EntityAttributes }]));
  const roles = (g: NewsGraph, id: string, ids: (x: string) => string | undefined) => g.outEdges(id).map((e) => g.getEdgeAttributes(e)).filter((r) => r.origin === 'role').map((r) => `${r.predicate} ${ids(r.object)}`);
  let rolesFound = 0;
  let rolesGold = 0;
  let statusOk = 0;
  for (const { d, g } of eventPairs) {
    const gr = roles(gold, g.id, (x) => x);
    const dr = new Set(roles(draft, d.id, (x) => m(x)));
    rolesGold += gr.length;
    rolesFound += gr.filter((r) => dr.has(r)).length;
    if (g.properties['status'] === d.properties['status']) statusOk++;
  }
  const matchedGoldEvents = new Set(eventPairs.map((p) => p.g.id)).size;

  // Attribution: (speaker, speech act's claim) pairs, and the speaker of matched claims.
  const speech = (g: NewsGraph, ids: (x: string) => string | undefined) =>
    g.mapEdges((_k, r) => r).filter((r) => SPEECH.has(r.predicate) && inArticles(r.evidence).length > 0).map((r) => `${ids(r.subject)} ${ids(r.object)}`);
  const goldSpeech = new Set(speech(gold, (x) => x));
  const draftSpeech = new Set(speech(draft, (x) => m(x)));
  const speechTp = [...goldSpeech].filter((k) => draftSpeech.has(k)).length;
  const claimPairs = draftNodes.filter((d) => d.kind === 'CLAIM' && gold.hasNode(m(d.id) ?? ''));
  const speakers = (g: NewsGraph, id: string, ids: (x: string) => string | undefined) => g.inEdges(id).map((e) => g.getEdgeAttributes(e)).filter((r) => SPEECH.has(r.predicate)).map((r) => ids(r.subject));
  const asserterOk = claimPairs.filter((d) => {
    const gs = speakers(gold, m(d.id) ?? '', (x) => x);
    return speakers(draft, d.id, (x) => m(x)).some((s) => gs.includes(s));
  }).length;

  return {
    articles: [...articles],
    mentionsKnown: mentionScore(true),
    mentionsNew: mentionScore(false),
    relations: score(relTp, relTp, draftKeys.size, goldKeys.size),
    events: score(matchedGoldEvents, eventPairs.length, draftEvents.length, goldEvents.length),
    attribution: score(speechTp, speechTp, draftSpeech.size, goldSpeech.size),
    polarityAccuracy: ratio(polarityOk, spoMatches.length),
    polarityMatches: spoMatches.length,
    asserterAccuracy: ratio(asserterOk, claimPairs.length),
    asserterMatches: claimPairs.length,
    eventRoleAccuracy: ratio(rolesFound, rolesGold),
    eventStatusAccuracy: ratio(statusOk, eventPairs.length),
    missedRelations: [...goldKeys].filter((k) => !draftKeys.has(k)).sort(),
    spuriousRelations: [...draftKeys].filter((k) => !goldKeys.has(k)).sort(),
  };
}

function keyOf(article: string, r: RelationAttributes, ids: (id: string) => string | undefined): string {
  const ends = [ids(r.subject) ?? '', ids(r.object) ?? ''];
  if (r.symmetric) ends.sort();
  return `${article} ${ends[0]} ${r.predicate} ${ends[1]}`;
}

function sameType(g: EntityAttributes, d: EntityAttributes): boolean {
  const type = (e: EntityAttributes) => (e.kind === 'EVENT' ? e.properties.eventType : undefined);
  const family = (t: string | undefined) => (t === 'AIRSTRIKE' ? 'ATTACK' : t);
  return family(type(g)) === family(type(d));
}

function overlaps(a: Evidence, b: Evidence): boolean {
  return a.article === b.article && a.start < b.end && b.start < a.end;
}

function overlapOf(a: readonly Evidence[], b: readonly Evidence[]): number {
  let total = 0;
  for (const x of a) for (const y of b) if (overlaps(x, y)) total += Math.min(x.end, y.end) - Math.max(x.start, y.start);
  return total;
}

function ratio(n: number, d: number): number {
  return d === 0 ? 1 : n / d;
}

/** `found` gold items found (recall), `correct` predicted items correct (precision). */
function score(found: number, correct: number, predicted: number, goldCount: number): Score {
  const precision = ratio(correct, predicted);
  const recall = ratio(found, goldCount);
  return { tp: found, predicted, gold: goldCount, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}

/** The figures as a table for people. */
export function formatEvaluation(e: Evaluation, details = false): string {
  const pct = (x: number) => x.toFixed(2);
  const row = (name: string, s: Score) => `${name.padEnd(26)} ${pct(s.precision)}      ${pct(s.recall)}   ${pct(s.f1)}   (${s.tp} of ${s.gold} gold found; ${s.predicted} drafted)`;
  return [
    `articles compared: ${e.articles.length} (${e.articles.join(', ')})`,
    `${'figure'.padEnd(26)} precision recall F1`,
    row('entity mentions (known)', e.mentionsKnown),
    row('entity mentions (new)', e.mentionsNew),
    row('typed relations', e.relations),
    row('events', e.events),
    row('attribution (speech acts)', e.attribution),
    `polarity correct on matched relations: ${pct(e.polarityAccuracy)} (${e.polarityMatches} matches)`,
    `asserter correct on matched claims:     ${pct(e.asserterAccuracy)} (${e.asserterMatches} matches)`,
    `event roles found on matched events:    ${pct(e.eventRoleAccuracy)}; status correct: ${pct(e.eventStatusAccuracy)}`,
    ...(details ? ['', 'typed relations missed:', ...e.missedRelations.map((k) => `  - ${k}`), 'typed relations drafted but not in the gold:', ...e.spuriousRelations.map((k) => `  + ${k}`)] : []),
    '',
  ].join('\n');
}
