/**
 * Patches the previous snapshot's body after one article was edited, so that the result is byte for byte the
 * body a full build of the edited data writes, or says why it cannot (the caller then builds the full way).
 *
 * What it patches (docs/design-choices.md, "Rebuild after one edit"): an article whose id, date, mentioned
 * ids, events, event updates and claims are unchanged but for their quotes, and whose relations may change.
 * - The article's own record is written again (title, outlet, url, text, sentences).
 * - Every anchor of the article outside its relations (mentions, events, roles, updates, claims) moves from its
 *   old offsets to its new ones, in every node and edge that holds it, provided old and new anchors pair one
 *   to one (so that no two anchors merge or split).
 * - Each fact the article states, before or after: unchanged statements give the same merged fact, whose
 *   evidence takes the article's new anchors where its old ones were; a fact only this article states is
 *   merged again from its new statements (mergeFacts), added, or removed; a fact other articles state too
 *   whose statements here changed is not patched.
 * - Facts first stated by this article keep their place in the edge order (publication order, then the order
 *   of `relations:`), and relation ids are given again to every fact of each id base (`s--verb--o`) that
 *   changed, when the ids of that base cannot collide with another base's.
 */
import type { Diagnostic } from '../errors.js';
import type { ArticleRecord, Evidence, RelationAttributes } from '../graph/types.js';
import type { EntityKind } from '../ontology/index.js';
import { anchorable, declarationsOf, statementsByFact, wordingOf, type CheckedText, type FactStatements } from './articleStatements.js';
import { factKey, mergeFacts } from './mergeFacts.js';
import { SnapshotArticles } from './snapshotArticles.js';
import { baseCollision, baseOf, linesOfBase } from './relationIdBases.js';
import { SnapshotLines } from './snapshotLines.js';
import type { SourceLocator } from './sourceLocator.js';

export interface PatchInput {
  /** The previous snapshot's body (after its header). */
  readonly body: Buffer;
  /** The edited article's number (its place in publication order). */
  readonly position: number;
  readonly articleCount: number;
  readonly explicitRelationIds: boolean;
  readonly ambiguousIds: boolean;
  readonly before: CheckedText;
  readonly after: CheckedText;
  /** Locates problems in the new version of the article. */
  readonly yaml: SourceLocator;
}

export type PatchResult =
  | { readonly ok: true; readonly chunks: Buffer[]; readonly nodes: number; readonly edges: number }
  | { readonly ok: false; readonly reason: string };

type Attributes = Record<string, unknown>;
type CompactAnchor = [number, number, number];

class Unpatchable extends Error {}
function refuse(reason: string): never {
  throw new Unpatchable(reason);
}
function refuseUnless(reason: string | undefined): void {
  if (reason !== undefined) refuse(reason);
}

export function patchSnapshot(input: PatchInput): PatchResult {
  try {
    return patch(input);
  } catch (error) {
    if (error instanceof Unpatchable) return { ok: false, reason: error.message };
    throw error;
  }
}

/** The article's data with everything the patch may change left out: quotes, title, outlet, url, relations. */
function skeleton(article: CheckedText): string {
  const data = article.checked.data;
  if (data === undefined) refuse('the article could not be read');
  const { title: _t, source: _s, url: _u, ...article_ } = data.article;
  const withoutEvidence = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(withoutEvidence);
    if (value === null || typeof value !== 'object') return value;
    const out: Attributes = {};
    for (const [k, v] of Object.entries(value)) if (k !== 'evidence') out[k] = withoutEvidence(v);
    return out;
  };
  const { article: _a, relations: _r, mentions = {}, ...rest } = data;
  return JSON.stringify({ article: article_, mentions: Object.keys(mentions), rest: withoutEvidence(rest) });
}

/** The old→new offsets of every anchor outside `relations:`; refused unless old and new pair one to one. */
function anchorMoves(before: CheckedText, after: CheckedText): Map<string, CompactAnchor> {
  const oldAnchors = before.checked.anchors ?? {};
  const newAnchors = after.checked.anchors ?? {};
  const moves = new Map<string, CompactAnchor>();
  const targets = new Map<string, string>();
  const fields = new Set([...Object.keys(oldAnchors), ...Object.keys(newAnchors)]);
  for (const field of fields) {
    if (field.startsWith('["relations",')) continue;
    const was = oldAnchors[field];
    const now = newAnchors[field];
    if (was === undefined || now === undefined || was.length !== now.length) refuse('a quote was added to or removed from a mention, event or claim');
    for (let i = 0; i < was.length; i++) {
      const o = was[i];
      const n = now[i];
      if (!Array.isArray(o) || !Array.isArray(n)) refuse('a quote does not anchor');
      const from = `${String(o[0])}:${String(o[1])}`;
      const to = `${String(n[0])}:${String(n[1])}`;
      const earlier = moves.get(from);
      if (earlier !== undefined && `${earlier[1]}:${earlier[2]}` !== to) refuse('two quotes that were one anchor are now two');
      const source = targets.get(to);
      if (source !== undefined && source !== from) refuse('two quotes that were two anchors are now one');
      moves.set(from, [-1, n[0] as number, n[1] as number]);
      targets.set(to, from);
    }
  }
  return moves;
}


/** What a parsed edge line is, with its ends named (the line stores 0 for an end that repeats its key). */
interface EdgeLine {
  readonly key: string;
  readonly source: number;
  readonly target: number;
  readonly attributes: Attributes;
}

function patch(input: PatchInput): PatchResult {
  const { body, position: k, before, after } = input;
  if (skeleton(before) !== skeleton(after)) refuse('its id, date, mentioned ids, events, event updates or claims changed');
  const newData = after.checked.data;
  if (newData === undefined) refuse('the article could not be read');
  if ([before, after].some((a) => a.checked.data?.relations?.some((r) => r.id !== undefined))) refuse('it gives a relation an explicit id');
  const moves = anchorMoves(before, after);

  const lines = new SnapshotLines(body, input.articleCount);
  const nodeKey = (n: number): string => lines.nodeKey(n) ?? refuse(`invariant: no node ${n}`);
  const edgeLine = (line: number): EdgeLine => {
    const [, key, source, target, attributes] = lines.parse(line) as [string, string, number, number, Attributes];
    return { key, source, target, attributes };
  };
  /** The relation an edge line holds, with its ends and id restored (enough for factKey and the id base). */
  const relationOf = (e: EdgeLine): RelationAttributes => {
    const a = e.attributes;
    return { ...a, id: a['id'] === 0 ? e.key : a['id'], subject: a['subject'] === 0 ? nodeKey(e.source) : a['subject'], object: a['object'] === 0 ? nodeKey(e.target) : a['object'] } as unknown as RelationAttributes;
  };
  const articleOf = (item: unknown): number | undefined => {
    if (Array.isArray(item)) return item[0] as number;
    const id = (item as { article?: unknown } | null)?.article;
    return id === (before.checked.data?.article.id ?? '') ? k : undefined;
  };

  // The new record of the article, made as assemble.ts makes it, and the encoder's compact anchors for it.
  const a = newData.article;
  const record: ArticleRecord = {
    id: a.id,
    title: a.title,
    ...(a.published !== undefined ? { published: a.published } : {}),
    ...(a.source !== undefined ? { source: a.source } : {}),
    ...(a.url !== undefined ? { url: a.url } : {}),
    text: after.text,
    sentences: anchorable(after).sentences,
  };
  const derivable = new SnapshotArticles([record]);
  const compact = (e: Evidence): CompactAnchor => {
    if (!derivable.derives(0, e)) refuse('a new anchor cannot be derived from the text');
    return [k, e.start, e.end];
  };

  // The article's statements before and after, checked against every declared id.
  const problems: Diagnostic[] = [];
  const declarations = declarationsOf(kindsOfReferences([before, after], lines), input.yaml, problems);
  const oldFacts = statementsByFact(before, declarations, input.yaml, []);
  const newFacts = statementsByFact(after, declarations, input.yaml, problems);
  if (problems.length > 0) refuse('its relations have problems (the full build reports them)');

  // Every line that holds one of the article's anchors.
  const touched = new Set<number>();
  const pattern = Buffer.from(`[${k},`);
  const from = lines.starts[lines.firstNode] ?? 0;
  for (let at = body.indexOf(pattern, from); at >= 0; at = body.indexOf(pattern, at + pattern.length)) touched.add(lines.lineAt(at));

  // The statement-origin edges come first in the edge order (mergeFacts keeps the order of first statements).
  const isStated = (line: number): boolean => edgeLine(line).attributes['origin'] === 'stated';
  let statedEnd = lines.firstEdge;
  for (let high = lines.count; statedEnd < high; ) {
    const mid = (statedEnd + high) >> 1;
    if (isStated(mid)) statedEnd = mid + 1;
    else high = mid;
  }

  // The old lines of the facts the article stated.
  const oldLineOf = new Map<string, number>();
  const parsed = new Map<number, EdgeLine>();
  for (const line of touched) {
    if (line < lines.firstEdge || line >= statedEnd) continue;
    const e = edgeLine(line);
    if (!evidenceOf(e.attributes).some((item) => articleOf(item) === k)) continue;
    const key = factKey(relationOf(e));
    if (!oldFacts.has(key)) refuse('invariant: a stated relation holds an anchor of the article but not one of its statements');
    oldLineOf.set(key, line);
    parsed.set(line, e);
  }
  for (const key of oldFacts.keys()) if (!oldLineOf.has(key)) refuse('invariant: a fact of the article has no edge');

  // What becomes of each fact the article states, before or after.
  type Fate = { kind: 'same' | 'merged' | 'removed'; line: number } | { kind: 'added' };
  const fates = new Map<string, Fate>();
  for (const key of new Set([...oldFacts.keys(), ...newFacts.keys()])) {
    const was = oldFacts.get(key);
    const now = newFacts.get(key);
    const line = oldLineOf.get(key);
    if (line !== undefined && wordingOf(was) === wordingOf(now)) {
      fates.set(key, { kind: 'same', line });
      continue;
    }
    if (line !== undefined) {
      const e = parsed.get(line) ?? edgeLine(line);
      if (!evidenceOf(e.attributes).every((item) => articleOf(item) === k)) refuse('a fact other articles also state changed here');
      fates.set(key, now === undefined ? { kind: 'removed', line } : { kind: 'merged', line });
      continue;
    }
    // A fact new to this article: it must be new to the corpus too, or its wording would come from another.
    const statement = now?.statements[0] ?? refuse('invariant: a fact with no statement');
    if (input.explicitRelationIds) refuse('the corpus gives relation ids explicitly, so a fact is not found by its id');
    if (input.ambiguousIds) refuse('an id contains "--", which makes relation ids ambiguous');
    const bases = [baseOf(statement.subject, statement.predicate, statement.object, statement.negated)];
    if (statement.symmetric) bases.push(baseOf(statement.object, statement.predicate, statement.subject, statement.negated));
    for (const base of bases) {
      refuseUnless(baseCollision(base, lines));
      for (const line of linesOfBase(base, lines)) {
        if (factKey(relationOf(edgeLine(line))) === key) refuse('it now states a fact other articles state');
      }
    }
    fates.set(key, { kind: 'added' });
  }

  // The block of facts first stated by this article: where it is, and what it becomes.
  const firstArticle = (line: number): number => {
    const first = evidenceOf((parsed.get(line) ?? edgeLine(line)).attributes)[0];
    return articleOf(first) ?? (Array.isArray(first) ? (first[0] as number) : refuse('an anchor of another article is stored whole'));
  };
  const oldBlock = [...oldLineOf.values()].filter((line) => firstArticle(line) === k).sort((x, y) => x - y);
  let blockStart: number;
  if (oldBlock.length > 0) {
    blockStart = oldBlock[0] ?? 0;
    if ((oldBlock[oldBlock.length - 1] ?? 0) - blockStart + 1 !== oldBlock.length) refuse('invariant: the facts first stated by the article are not together');
  } else {
    // After every stated fact first stated by an earlier article (their first articles never decrease).
    let low = lines.firstEdge;
    let high = statedEnd;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (firstArticle(mid) <= k) low = mid + 1;
      else high = mid;
    }
    blockStart = low;
  }
  const blockEnd = blockStart + oldBlock.length;
  const oldBlockSet = new Set(oldBlock);

  /** An edge of the new body: an old line (maybe changed) or a fact made here. */
  interface Entry {
    readonly line?: number;
    attributes?: Attributes;
    readonly source: number;
    readonly target: number;
    key: string;
    readonly base: string;
    first?: number;
  }
  const entryOfLine = (line: number): Entry => {
    const e = parsed.get(line) ?? edgeLine(line);
    parsed.set(line, e);
    const r = relationOf(e);
    return { line, source: e.source, target: e.target, key: e.key, base: baseOf(r.subject, r.predicate, r.object, r.negated) };
  };
  const entryOfFact = (fact: FactStatements): Entry => {
    const [merged] = mergeFacts(fact.statements);
    if (merged === undefined) refuse('invariant: a fact merged into nothing');
    const source = lines.nodeNumber(merged.subject);
    const target = lines.nodeNumber(merged.object);
    if (source === undefined || target === undefined) refuse('invariant: a relation names an id with no node');
    const attributes: Attributes = {};
    for (const [name, value] of Object.entries(merged)) {
      attributes[name] = name === 'id' || name === 'subject' || name === 'object' ? 0 : name === 'evidence' ? (value as Evidence[]).map(compact) : value;
    }
    return { attributes, source, target, key: merged.id, base: baseOf(merged.subject, merged.predicate, merged.object, merged.negated), first: fact.first };
  };

  // The article's new anchors of an unchanged fact take the place of its old ones (mergeFacts keeps one of each).
  const withNewAnchors = (entry: Entry, fact: FactStatements): void => {
    const e = parsed.get(entry.line ?? -1) ?? refuse('invariant: an unparsed line');
    const evidence = evidenceOf(e.attributes);
    const seen = new Set<string>();
    const anchors: CompactAnchor[] = [];
    for (const statement of fact.statements) {
      for (const anchor of statement.evidence) {
        const id = `${anchor.start}:${anchor.end}`;
        if (seen.has(id)) continue;
        seen.add(id);
        anchors.push(compact(anchor));
      }
    }
    const at = evidence.findIndex((item) => articleOf(item) === k);
    let end = at;
    while (end < evidence.length && articleOf(evidence[end]) === k) end++;
    if (at < 0 || evidence.slice(end).some((item) => articleOf(item) === k)) refuse('invariant: the article\'s anchors of a fact are not together');
    entry.attributes = { ...e.attributes, evidence: [...evidence.slice(0, at), ...anchors, ...evidence.slice(end)] };
  };

  const blockEntries: Entry[] = [];
  const changedEntries: Entry[] = [];
  const affectedBases = new Set<string>();
  for (const [key, fate] of fates) {
    const now = newFacts.get(key);
    switch (fate.kind) {
      case 'same': {
        const entry = entryOfLine(fate.line);
        if (now === undefined) refuse('invariant: an unchanged fact without statements');
        withNewAnchors(entry, now);
        if (oldBlockSet.has(fate.line)) {
          entry.first = now.first;
          blockEntries.push(entry);
        } else changedEntries.push(entry);
        break;
      }
      case 'merged':
      case 'added': {
        if (now === undefined) refuse('invariant: a new fact without statements');
        const entry = entryOfFact(now);
        blockEntries.push(entry);
        affectedBases.add(entry.base);
        if (fate.kind === 'merged') affectedBases.add(entryOfLine(fate.line).base);
        break;
      }
      case 'removed':
        affectedBases.add(entryOfLine(fate.line).base);
        break;
      default: {
        const unreachable: never = fate;
        throw new Error(`unknown fate ${String(unreachable)}`);
      }
    }
  }
  blockEntries.sort((x, y) => (x.first ?? 0) - (y.first ?? 0));
  // Unchanged facts first stated here keep their ids unless they changed places among themselves (the bases of
  // facts added, merged again or removed are given ids again anyway).
  const keptOrder = blockEntries.flatMap((entry) => (entry.line === undefined ? [] : [entry.line]));
  if (keptOrder.some((line, i) => i > 0 && line < (keptOrder[i - 1] ?? 0))) for (const entry of blockEntries) affectedBases.add(entry.base);

  // The new edge order: before the block, the block, after it.
  const newBlockLength = blockEntries.length;
  const shift = newBlockLength - oldBlock.length;
  const newPosition = (line: number): number => (line < blockStart ? line : line - oldBlock.length + newBlockLength);
  const positionOf = new Map<Entry, number>();
  blockEntries.forEach((entry, j) => positionOf.set(entry, blockStart + j));

  // Relation ids, given again for every fact of each base that changed.
  const renamed = new Map<number, string>();
  if (affectedBases.size > 0) {
    if (input.explicitRelationIds) refuse('the corpus gives relation ids explicitly, which derived ids go around');
    if (input.ambiguousIds) refuse('an id contains "--", which makes relation ids ambiguous');
  }
  for (const base of affectedBases) {
    refuseUnless(baseCollision(base, lines));
    const members: { position: number; line?: number; entry?: Entry }[] = [];
    for (const line of linesOfBase(base, lines)) {
      const entry = entryOfLine(line);
      if (entry.base !== base) refuse(`relation ids of ${base} are not all its own`);
      if (oldBlockSet.has(line)) continue;
      members.push({ position: newPosition(line), line });
    }
    for (const entry of blockEntries) if (entry.base === base) members.push({ position: positionOf.get(entry) ?? 0, entry });
    members.sort((x, y) => x.position - y.position);
    members.forEach((member, i) => {
      const id = i === 0 ? base : `${base}-${i + 1}`;
      if (member.entry) member.entry.key = id;
      else if (member.line !== undefined && lines.keyOf(member.line) !== id) renamed.set(member.line, id);
    });
  }

  // Nodes and event edges that hold the article's anchors outside its relations: moved to the new offsets.
  const replaced = new Map<number, string>();
  const move = (item: unknown): unknown => {
    if (articleOf(item) !== k) return item;
    if (!Array.isArray(item)) refuse('an anchor of the article is stored whole');
    const to = moves.get(`${String(item[1])}:${String(item[2])}`) ?? refuse('invariant: an anchor of the article that its check does not have');
    return [k, to[1], to[2]];
  };
  for (const line of touched) {
    if (line < lines.firstNode || (line >= lines.firstEdge && line < statedEnd)) continue;
    const fields = lines.parse(line);
    const attributes = fields[fields.length - 1] as Attributes;
    if (!Array.isArray(attributes['evidence'])) continue;
    attributes['evidence'] = (attributes['evidence'] as unknown[]).map(move);
    if (fields[0] === 'E' && renamed.has(line)) {
      fields[1] = renamed.get(line);
      renamed.delete(line);
    }
    replaced.set(line, JSON.stringify(fields));
  }
  // The article's own record.
  const out: Attributes = {};
  for (const [name, value] of Object.entries(record)) out[name] = name === 'sentences' ? record.sentences.flatMap((s) => [s.start, s.end]) : value;
  replaced.set(1 + k, JSON.stringify(['A', out]));

  const edgeText = (entry: Entry): string => {
    if (entry.attributes === undefined) {
      const e = parsed.get(entry.line ?? -1) ?? refuse('invariant: an unparsed line');
      return JSON.stringify(['E', entry.key, e.source, e.target, e.attributes]);
    }
    return JSON.stringify(['E', entry.key, entry.source, entry.target, entry.attributes]);
  };
  for (const entry of changedEntries) {
    if (entry.line === undefined) continue;
    const id = renamed.get(entry.line);
    if (id !== undefined) {
      entry.key = id;
      renamed.delete(entry.line);
    }
    replaced.set(entry.line, edgeText(entry));
  }
  for (const [line, id] of renamed) {
    const e = parsed.get(line) ?? edgeLine(line);
    if (e.attributes['id'] !== 0) refuse('invariant: a renamed relation stores its id');
    replaced.set(line, JSON.stringify(['E', id, e.source, e.target, e.attributes]));
  }

  // The new body: unchanged runs of lines copied as they are.
  const chunks: Buffer[] = [];
  let runStart = 0;
  const copyUpTo = (line: number): void => {
    if (line > runStart) chunks.push(body.subarray(lines.starts[runStart] ?? 0, lines.starts[line] ?? 0));
  };
  const emit = (text: string): void => {
    chunks.push(Buffer.from(`${text}\n`, 'utf8'));
  };
  const emitOld = (line: number): void => {
    const text = replaced.get(line);
    if (text === undefined) return;
    copyUpTo(line);
    emit(text);
    runStart = line + 1;
  };
  const replacedLines = [...replaced.keys()].sort((x, y) => x - y);
  for (const line of replacedLines) if (line < blockStart) emitOld(line);
  copyUpTo(blockStart);
  for (const entry of blockEntries) emit(edgeText(entry));
  runStart = blockEnd;
  for (const line of replacedLines) if (line >= blockEnd) emitOld(line);
  copyUpTo(lines.count);
  return { ok: true, chunks, nodes: lines.firstEdge - lines.firstNode, edges: lines.count - lines.firstEdge + shift };
}

function evidenceOf(attributes: Attributes): unknown[] {
  const evidence = attributes['evidence'];
  return Array.isArray(evidence) ? evidence : [];
}

/**
 * The kind of every id the article's relations name (ends, speaker, event, entity-valued properties), read from
 * their nodes: what checkRelation needs. An id with no node is left out, so it is reported unknown (and the
 * build falls back to the full one, which reports it).
 */
function kindsOfReferences(articles: readonly CheckedText[], lines: SnapshotLines): Record<string, EntityKind> {
  const kinds: Record<string, EntityKind> = {};
  const add = (id: unknown): void => {
    if (typeof id !== 'string' || Object.hasOwn(kinds, id)) return;
    const n = lines.nodeNumber(id);
    if (n === undefined) return;
    const fields = lines.parse(lines.firstNode + n);
    const kind = (fields[2] as { kind?: EntityKind } | undefined)?.kind;
    if (kind !== undefined) kinds[id] = kind;
  };
  for (const article of articles) {
    for (const r of article.checked.data?.relations ?? []) {
      add(r.subject);
      add(r.object);
      add(r.attributedTo);
      add(r.event);
      for (const value of Object.values(r.properties ?? {})) add(value);
    }
  }
  return kinds;
}
