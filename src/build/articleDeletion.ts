/**
 * Patches the previous snapshot's body after one article was deleted: the reverse of articleAddition.ts, so
 * that the result is byte for byte what a full build of the data without it writes, or says why it cannot.
 *
 * Covered: an article that reports no event of another article, in a corpus without event updates, whose own
 * events and claims no other article names, and that is not the first to state a fact other articles state:
 * - its `A` record, its events and claims and every fact only it states are removed; the numbers of the
 *   articles after it, and of the nodes after its own, move down (lineRenumbering.ts);
 * - each node it mentions loses its anchors and its number (a shared entity left with no evidence is refused:
 *   the full build reports it);
 * - each fact other articles state too is merged again from their statements, read from their checks in the
 *   build cache (mergeFacts over them in publication order), and keeps their anchors; it was first stated by
 *   an earlier article, so it keeps its place;
 * - relation ids are given again to every fact of each id base a removed fact belonged to.
 */
import type { CheckedArticle } from './articleCheck.js';
import { factsOfArticle, pairsOf, type FactStatements } from './articleStatements.js';
import { factKey, mergeFacts, type Statement } from './mergeFacts.js';
import { baseOf } from './relationIdBases.js';
import { patchOrReason, refuse, SnapshotEdit, type Attributes, type CorpusPatchInput } from './snapshotEdit.js';
import type { ArticleFileSource } from './sourceModel.js';
import { SnapshotLines } from './snapshotLines.js';
import type { PatchResult } from './snapshotPatch.js';

export interface DeletionInput extends CorpusPatchInput {
  /** The deleted article's last check (from the build cache). */
  readonly checked: CheckedArticle;
}

export function patchDeletion(input: DeletionInput): PatchResult {
  const data = input.checked.data;
  if (data === undefined) return { ok: false, reason: 'its last check could not be read' };
  return patchOrReason(input, data, () => deleteArticle(input, data));
}

function deleteArticle(input: DeletionInput, data: ArticleFileSource): PatchResult {
  const { position: p, articleCount: n } = input;
  if (p < 0 || p >= n) refuse('invariant: no such article');

  const lines = new SnapshotLines(input.body, n);
  const edit = new SnapshotEdit(lines);
  const nodeIndex = lines.nodeIndex();
  const isMine = (item: unknown): boolean => (Array.isArray(item) ? item[0] === p : (item as { article?: unknown } | null)?.article === data.article.id);

  // The graph's article count, and its record.
  const graph = lines.parse(0) as [string, Attributes];
  graph[1]['articles'] = n - 1;
  edit.replace(0, JSON.stringify(graph));
  edit.remove(1 + p);

  // Its own events and claims: together, named by nothing but its own records. Numbers after them move down.
  const ownIds = [...(data.events ?? []).map((e) => e.id), ...(data.claims ?? []).map((c) => c.id)];
  const q = ownIds.length === 0 ? 0 : (nodeIndex.get(ownIds[0] ?? '') ?? refuse(`invariant: its event or claim ${ownIds[0] ?? ''} has no node`));
  const m = ownIds.length;
  if (p < n - 1) edit.setRenumbering({ article: (a) => (a > p ? a - 1 : a), node: (x) => (x >= q + m ? x - m : x) });
  const ownLines = new Set<number>();
  ownIds.forEach((id, i) => {
    const number = nodeIndex.get(id);
    if (number !== q + i) refuse(`invariant: its event or claim ${id} is not where the full build puts it`);
    const line = lines.firstNode + number;
    const attributes = (lines.parse(line)[2] ?? {}) as Attributes;
    const articles = attributes['articles'];
    if (!Array.isArray(articles) || articles.some((a) => a !== p) || !(attributes['evidence'] as unknown[]).every(isMine)) refuse(`another article mentions its event or claim ${id}`);
    ownLines.add(line);
    edit.remove(line);
  });

  // Every line that holds one of its anchors.
  const touched = new Set<number>();
  const pattern = Buffer.from(`[${p},`);
  const from = lines.starts[lines.firstNode] ?? 0;
  for (let at = input.body.indexOf(pattern, from); at >= 0; at = input.body.indexOf(pattern, at + pattern.length)) touched.add(lines.lineAt(at));

  // Nodes it mentions lose its anchors and its number.
  for (const id of Object.keys(data.mentions ?? {})) {
    const number = nodeIndex.get(id);
    if (number !== undefined && !touched.has(lines.firstNode + number) && !ownLines.has(lines.firstNode + number)) refuse(`its mention of ${id} has no anchor in the snapshot`);
  }
  const bases = new Set<string>();
  const facts = new Map<number, Map<string, FactStatements>>();
  const pairs = pairsOf(input.checked);
  for (const line of [...touched].sort((x, y) => x - y)) {
    if (ownLines.has(line)) continue;
    if (line < lines.firstEdge) {
      const fields = lines.parse(line) as [string, string, Attributes];
      const attributes = fields[2];
      const evidence = attributes['evidence'];
      if (!Array.isArray(evidence) || !evidence.some(isMine)) continue;
      const kept = evidence.filter((item) => !isMine(item));
      if (kept.length === 0) refuse(`no other article mentions ${fields[1]} (the full build reports it)`);
      attributes['evidence'] = kept;
      const articles = attributes['articles'];
      if (Array.isArray(articles)) attributes['articles'] = articles.filter((a) => a !== p);
      edit.replace(line, JSON.stringify([fields[0], fields[1], edit.mapAttributes(attributes)]));
      continue;
    }
    const e = edit.edge(line);
    const evidence = Array.isArray(e.attributes['evidence']) ? (e.attributes['evidence'] as unknown[]) : [];
    if (!evidence.some(isMine)) continue;
    const relation = edit.relationOf(e);
    const kept = evidence.filter((item) => !isMine(item));
    if (kept.length === 0) {
      edit.remove(line);
      bases.add(baseOf(relation.subject, relation.predicate, relation.object, relation.negated));
      continue;
    }
    if (relation.origin !== 'stated') refuse('it reported a role or projection fact other articles report too');
    if (isMine(evidence[0])) refuse('it first stated a fact other articles state too, which moves the fact');
    // Merged again from the statements of the articles left, in publication order.
    const key = factKey(relation);
    const statements: Statement[] = [];
    for (const a of new Set(kept.map((item) => (Array.isArray(item) ? (item[0] as number) : refuse('an anchor of another article is stored whole'))))) {
      let byFact = facts.get(a);
      if (byFact === undefined) {
        byFact = factsOfArticle(input.checkOf(a) ?? refuse(`the check of article number ${a} is not in the build cache`), lines, pairs) ?? refuse(`invariant: article number ${a} has problems against the snapshot`);
        facts.set(a, byFact);
      }
      statements.push(...(byFact.get(key) ?? refuse('invariant: an article in the evidence of a fact does not state it')).statements);
    }
    const [merged] = mergeFacts(statements);
    if (merged === undefined) refuse('invariant: a fact merged into nothing');
    const attributes: Attributes = {};
    for (const [name, value] of Object.entries(merged)) {
      if (name === 'id') attributes[name] = e.attributes['id'];
      else if (name === 'subject' || name === 'object') attributes[name] = value === edit.nodeKey(name === 'subject' ? e.source : e.target) ? 0 : value;
      else if (name === 'evidence') attributes[name] = edit.mapEvidence(kept);
      else attributes[name] = value;
    }
    e.attributes = attributes;
    edit.changeEdge(line);
  }

  // Nothing but its own records and facts may name its events and claims.
  for (const id of ownIds) {
    const bytes = Buffer.from(JSON.stringify(id).slice(1, -1), 'utf8');
    for (let at = input.body.indexOf(bytes, from); at >= 0; at = input.body.indexOf(bytes, at + bytes.length)) {
      const line = lines.lineAt(at);
      if (!ownLines.has(line) && !edit.isRemoved(line)) refuse(`another article names its event or claim ${id}`);
    }
  }

  edit.renumber(bases);
  return { ok: true, chunks: edit.chunks(), ...edit.counts() };
}

