/**
 * Patches the previous snapshot's body after one article was added, so that the result is byte for byte the
 * body a full build of the data with it writes, or says why it cannot (the caller then builds the full way).
 *
 * Covered: an article that reports no event of another article (`eventUpdates`) in a corpus where no article
 * does, whose every named id is a node of the snapshot or one of its own events and claims, that is not the first
 * to state a fact later articles state, and (unless it is the latest) mentions no event or claim of another:
 * - its `A` record goes in its place in publication order, and the graph's article count is raised; the numbers
 *   of the articles after it, and of the nodes after its own, move up (lineRenumbering.ts; none when it is the
 *   latest, the usual new report);
 * - each node it mentions takes its anchors and its number in publication order in its lists;
 * - its own events and claims go after those of the articles before it, as the assembler makes them
 *   (articleContribution.ts);
 * - each fact it states that exists is merged again: the stored fact (every earlier statement's fold) folded with
 *   its statements when it is the last to state it, else every stating article's statements folded again from
 *   their checks in the build cache (wording, modality, evidence and so `articleCount`); a new fact goes after the
 *   facts first stated before it, its role and projection facts after those of earlier events (edges come stated,
 *   role, projection, each in the order of first statement or event);
 * - relation ids are given again to every fact of each id base it adds to (snapshotEdit.ts renumber).
 */
import type { Diagnostic } from '../errors.js';
import type { RelationAttributes } from '../graph/types.js';
import type { EntityKind } from '../ontology/index.js';
import { contributionOf, namedStrings } from './articleContribution.js';
import { declarationsOf, factsOfArticle, kindOfNode, pairsOf, statementsByFact, type CheckedText, type FactStatements } from './articleStatements.js';
import { factKey, mergeFacts, type Statement } from './mergeFacts.js';
import { baseOf, linesOfBase } from './relationIdBases.js';
import { articleLineOf, compactRecord, patchOrReason, refuse, SnapshotEdit, type Attributes, type CorpusPatchInput } from './snapshotEdit.js';
import type { ArticleFileSource } from './sourceModel.js';
import { SnapshotLines } from './snapshotLines.js';
import type { SourceLocator } from './sourceLocator.js';
import type { PatchResult } from './snapshotPatch.js';

export interface AdditionInput extends CorpusPatchInput {
  /** The added article, checked, with its text. */
  readonly article: CheckedText;
  readonly file: { readonly absolute: string; readonly yamlText: string; readonly yaml: SourceLocator };
}

export function patchAddition(input: AdditionInput): PatchResult {
  const data = input.article.checked.data;
  if (data === undefined) return { ok: false, reason: 'the article could not be read' };
  return patchOrReason(input, data, () => addArticle(input, data));
}

function addArticle(input: AdditionInput, data: ArticleFileSource): PatchResult {
  const { article, position: p, articleCount: n } = input;
  if (p < 0 || p > n) refuse('invariant: no such place in publication order');

  const lines = new SnapshotLines(input.body, n);
  const edit = new SnapshotEdit(lines);
  const nodeIndex = lines.nodeIndex();

  // Every id it names that is a node, with its kind: what the assembler declares from the other files.
  const kinds = new Map<string, EntityKind>();
  for (const name of namedStrings(data)) {
    const number = nodeIndex.get(name);
    if (number === undefined) continue;
    const kind = kindOfNode(lines, number);
    if (kind !== undefined) kinds.set(name, kind);
  }
  const made = contributionOf(article, input.file, kinds);
  if (Array.isArray(made)) refuse('the added article has problems (the full build reports them)');
  const { record, ownNodes, mentions, derived } = made as Exclude<typeof made, Diagnostic[]>;
  const own = { number: p, record };
  const newIds = ownNodes.map((e) => e.id);
  if (newIds.some((id) => id.includes('--'))) refuse('an id contains "--", which makes relation ids ambiguous');

  // Its events and claims go after those of the articles before it (old node q on); numbers from there move up.
  const oldNodes = lines.firstEdge - lines.firstNode;
  const q = p === n ? oldNodes : firstNodeOfArticlesFrom(edit, p, oldNodes);
  const m = newIds.length;
  if (p < n) edit.setRenumbering({ article: (a) => (a >= p ? a + 1 : a), node: (x) => (x >= q ? x + m : x) });
  const ownNumber = new Map(newIds.map((id, i) => [id, q + i]));
  const numberOf = (id: string): number => {
    const old = nodeIndex.get(id);
    return old !== undefined ? edit.mapNode(old) : (ownNumber.get(id) ?? refuse(`invariant: ${id} has no node`));
  };
  /** Where its anchors go in a list in publication order (old numbers): before the first of a later article. */
  const placeIn = (evidence: readonly unknown[]): number => {
    const at = evidence.findIndex((item) => (Array.isArray(item) ? (item[0] as number) >= p : refuse('an anchor of another article is stored whole')));
    return at < 0 ? evidence.length : at;
  };

  // The graph's article count, and its record in its place.
  const graph = lines.parse(0) as [string, Attributes];
  graph[1]['articles'] = n + 1;
  edit.replace(0, JSON.stringify(graph));
  edit.insertText(1 + p, articleLineOf(record));

  // Mentions: its anchors and its number in each node's lists, in publication order.
  for (const [id, anchors] of mentions) {
    const number = nodeIndex.get(id) ?? refuse(`invariant: ${id} has no node`);
    const kind = kinds.get(id);
    // An event's or claim's own evidence comes before its mentions, whatever their order: placed only at the end.
    if (p < n && (kind === 'EVENT' || kind === 'CLAIM')) refuse(`it mentions ${id}, an event or claim of another article, and is not the latest`);
    const line = lines.firstNode + number;
    const fields = lines.parse(line) as [string, string, Attributes];
    const attributes = fields[2];
    const evidence = attributes['evidence'];
    const articles = attributes['articles'];
    if (!Array.isArray(evidence) || !Array.isArray(articles) || !articles.every((a) => typeof a === 'number')) refuse(`the record of ${id} is not stored compactly`);
    const at = placeIn(evidence as unknown[]);
    const compact = compactRecord({ evidence: anchors }, id, own)['evidence'] as unknown[];
    const mapped = edit.mapAttributes(attributes);
    const mappedEvidence = mapped['evidence'] as unknown[];
    mapped['evidence'] = [...mappedEvidence.slice(0, at), ...compact, ...mappedEvidence.slice(at)];
    const numbers = mapped['articles'] as number[];
    if (!numbers.includes(p)) {
      const later = numbers.findIndex((a) => a > p);
      numbers.splice(later < 0 ? numbers.length : later, 0, p);
    }
    edit.replace(line, JSON.stringify([fields[0], fields[1], mapped]));
  }
  for (const node of ownNodes) edit.insertText(lines.firstNode + q, JSON.stringify(['N', node.id, compactRecord(node, node.id, own)]));

  // Its stated facts: merged into the fact that exists, or new after the facts first stated before it.
  const declared = new Map(kinds);
  for (const node of ownNodes) declared.set(node.id, node.kind);
  const problems: Diagnostic[] = [];
  const facts = statementsByFact(article, declarationsOf(Object.fromEntries(declared), input.file.yaml, problems), input.file.yaml, problems);
  if (problems.length > 0) refuse('the added article has problems (the full build reports them)');
  const statedEnd = edit.originEnd(['stated']);
  const roleEnd = edit.originEnd(['role'], statedEnd);
  const firstArticle = (line: number): number => {
    const first = (edit.edge(line).attributes['evidence'] as unknown[] | undefined)?.[0];
    return Array.isArray(first) ? (first[0] as number) : refuse('an anchor of another article is stored whole');
  };
  const blockStart = firstLine(lines.firstEdge, statedEnd, (line) => firstArticle(line) >= p);
  // Role facts follow their event's node; projection facts too (no event updates: one report per event).
  const roleStart = firstLine(statedEnd, roleEnd, (line) => edit.edge(line).source >= q);
  const projectionStart = firstLine(roleEnd, lines.count, (line) => (nodeIndex.get(String(edit.edge(line).attributes['event'])) ?? refuse('invariant: a projection names no event')) >= q);
  const bases = new Set<string>();
  const newEdge = (merged: RelationAttributes, before: number): void => {
    const attributes = compactRecord(merged, merged.id, own, { source: merged.subject, target: merged.object });
    attributes['id'] = 0;
    const base = baseOf(merged.subject, merged.predicate, merged.object, merged.negated);
    edit.insertEdge(before, { key: merged.id, source: numberOf(merged.subject), target: numberOf(merged.object), attributes }, base);
    bases.add(base);
  };
  const others = new Map<number, Map<string, FactStatements>>();
  for (const [key, fact] of facts) {
    const first = fact.statements[0] ?? refuse('invariant: a fact with no statement');
    const line = existingFact(edit, key, first);
    const [mine] = mergeFacts(fact.statements);
    if (mine === undefined) refuse('invariant: a fact merged into nothing');
    if (line === undefined) {
      newEdge(mine, blockStart);
      continue;
    }
    const e = edit.edge(line);
    const { id: _id, ...stored } = edit.relationOf(e);
    if (stored.origin !== 'stated') refuse('invariant: a stated fact found among derived ones');
    const evidence = e.attributes['evidence'] as unknown[];
    const at = placeIn(evidence);
    if (at === 0) refuse('it states first a fact later articles state, which moves the fact in the edge order');
    // The stored fact is the fold of every statement before this article's: folded with them when it is the last
    // to state the fact, else folded again from every article's statements, in publication order (their checks).
    let merged: RelationAttributes | undefined;
    if (at === evidence.length) [merged] = mergeFacts([{ ...stored, evidence: [] } as Statement, ...fact.statements]);
    else {
      const statements: Statement[] = [];
      let placed = false;
      for (const a of new Set(evidence.map((item) => (item as number[])[0] as number))) {
        if (a >= p && !placed) {
          statements.push(...fact.statements);
          placed = true;
        }
        statements.push(...factOfArticle(input, a, key, lines, others).statements);
      }
      [merged] = mergeFacts(statements);
    }
    if (merged === undefined) refuse('invariant: a fact merged into nothing');
    const mapped = edit.mapEvidence(evidence);
    const attributes: Attributes = {};
    for (const [name, value] of Object.entries(merged)) {
      if (name === 'id') attributes[name] = e.attributes['id'];
      else if (name === 'subject' || name === 'object') attributes[name] = value === edit.nodeKey(name === 'subject' ? e.source : e.target) ? 0 : value;
      else if (name === 'evidence') attributes[name] = [...mapped.slice(0, at), ...(compactRecord({ evidence: mine.evidence }, '', own)['evidence'] as unknown[]), ...mapped.slice(at)];
      else attributes[name] = value;
    }
    e.attributes = attributes;
    edit.changeEdge(line);
  }
  // Its role and projection facts: its events are new, so are they.
  for (const relation of derived) newEdge(relation, relation.origin === 'role' ? roleStart : projectionStart);

  edit.renumber(bases, newIds);
  return { ok: true, chunks: edit.chunks(), ...edit.counts() };
}

/** The first line in [from, to) where `later` holds (it holds from some line on), or `to`. */
function firstLine(from: number, to: number, later: (line: number) => boolean): number {
  let low = from;
  let high = to;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (later(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
}

/**
 * The first node (old number) declared by article `p` or a later one: events and claims follow the shared
 * entities, each article's after the one before (with no event updates, an event's or claim's first article is
 * the one that declares it).
 */
function firstNodeOfArticlesFrom(edit: SnapshotEdit, p: number, oldNodes: number): number {
  const { lines } = edit;
  return firstLine(0, oldNodes, (n) => {
    const kind = kindOfNode(lines, n);
    if (kind !== 'EVENT' && kind !== 'CLAIM') return false;
    const articles = (lines.parse(lines.firstNode + n)[2] as { articles?: unknown } | undefined)?.articles;
    const first = Array.isArray(articles) ? articles[0] : undefined;
    return typeof first === 'number' ? first >= p : refuse('an event or claim is not stored compactly');
  });
}

/** Article `a`'s statements of fact `key` (from its check in the build cache), its article's facts kept for the next. */
function factOfArticle(input: AdditionInput, a: number, key: string, lines: SnapshotLines, memo: Map<number, Map<string, FactStatements>>): FactStatements {
  let byFact = memo.get(a);
  if (byFact === undefined) {
    const pairs = pairsOf(input.article.checked);
    byFact = factsOfArticle(input.checkOf(a) ?? refuse(`the check of article number ${a} is not in the build cache`), lines, pairs) ?? refuse(`invariant: article number ${a} has problems against the snapshot`);
    memo.set(a, byFact);
  }
  return byFact.get(key) ?? refuse('invariant: an article in the evidence of a fact does not state it');
}

/** The line of the fact `key` when the snapshot has it (found through the id bases it may have). */
function existingFact(edit: SnapshotEdit, key: string, statement: Statement): number | undefined {
  const bases = [baseOf(statement.subject, statement.predicate, statement.object, statement.negated)];
  if (statement.symmetric) bases.push(baseOf(statement.object, statement.predicate, statement.subject, statement.negated));
  for (const base of bases) {
    for (const line of linesOfBase(base, edit.lines)) if (factKey(edit.relationOf(edit.edge(line))) === key) return line;
  }
  return undefined;
}
