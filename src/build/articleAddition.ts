/**
 * Patches the previous snapshot's body after one article was added, so that the result is byte for byte the
 * body a full build of the data with it writes, or says why it cannot (the caller then builds the full way).
 *
 * Covered: an article that comes last in publication order (a new report: no other article's number, and
 * no node's, changes), that reports no event of another article (`eventUpdates`) in a corpus where no
 * article does, and whose every named id is a node of the snapshot or one of its own events and claims:
 * - its `A` record is appended, and the graph's article count raised;
 * - each node it mentions takes its anchors at the end of its evidence and its number at the end of its
 *   `articles` (the full build gathers both in publication order, and it is the last);
 * - its own events and claims are appended to the nodes, as the assembler makes them (articleContribution.ts);
 * - each fact it states that exists is merged again (mergeFacts folds the stored fact, which is every earlier
 *   statement's fold, with its statements): wording, modality, `articleCount`-bearing evidence; a new fact is
 *   appended to the stated facts, its role and projection facts to theirs (edges come stated, role, projection,
 *   each in the order of first statement or event);
 * - relation ids are given again to every fact of each id base it adds to (snapshotEdit.ts renumber).
 */
import type { Diagnostic } from '../errors.js';
import type { Evidence, RelationAttributes } from '../graph/types.js';
import type { EntityKind } from '../ontology/index.js';
import { contributionOf, namedStrings } from './articleContribution.js';
import { declarationsOf, statementsByFact, type CheckedText } from './articleStatements.js';
import { factKey, mergeFacts, type Statement } from './mergeFacts.js';
import { baseOf, linesOfBase } from './relationIdBases.js';
import { articleLineOf, compactRecord, refuse, SnapshotEdit, Unpatchable, type Attributes, type EdgeRecord } from './snapshotEdit.js';
import { SnapshotLines } from './snapshotLines.js';
import type { SourceLocator } from './sourceLocator.js';
import type { PatchResult } from './snapshotPatch.js';

export interface AdditionInput {
  /** The previous snapshot's body (after its header). */
  readonly body: Buffer;
  readonly articleCount: number;
  readonly explicitRelationIds: boolean;
  readonly ambiguousIds: boolean;
  /** True when some article of the corpus has `eventUpdates`. */
  readonly eventUpdates: boolean;
  /** The added article, checked, with its text. */
  readonly article: CheckedText;
  readonly file: { readonly absolute: string; readonly yamlText: string; readonly yaml: SourceLocator };
}

export function patchAddition(input: AdditionInput): PatchResult {
  try {
    return addArticle(input);
  } catch (error) {
    if (error instanceof Unpatchable) return { ok: false, reason: error.message };
    throw error;
  }
}

/** The kind of node `n`, read from its line (`"kind":"` comes before any nested object in a node's record). */
export function kindOfNode(lines: SnapshotLines, n: number): EntityKind | undefined {
  const line = lines.firstNode + n;
  const bytes = lines.bytes(line);
  const at = bytes.indexOf('"kind":"');
  if (at < 0) return (lines.parse(line)[2] as { kind?: EntityKind } | undefined)?.kind;
  const from = at + 8;
  return bytes.toString('utf8', from, bytes.indexOf(34, from)) as EntityKind;
}

function addArticle(input: AdditionInput): PatchResult {
  const { article } = input;
  const data = article.checked.data ?? refuse('the article could not be read');
  if ((data.eventUpdates ?? []).length > 0) refuse('it reports events of other articles (eventUpdates), which changes their history');
  if (input.eventUpdates) refuse('the corpus has event updates, which place role relations after every declared one');
  if (input.explicitRelationIds || (data.relations ?? []).some((r) => r.id !== undefined)) refuse('the corpus gives relation ids explicitly, which derived ids go around');
  if (input.ambiguousIds) refuse('an id contains "--", which makes relation ids ambiguous');

  const lines = new SnapshotLines(input.body, input.articleCount);
  const edit = new SnapshotEdit(lines);
  const number = input.articleCount;
  const nodeIndex = lines.nodeIndex();

  // Every id it names that is a node, with its kind: what the assembler declares from the other files.
  const kinds = new Map<string, EntityKind>();
  for (const name of namedStrings(data)) {
    const n = nodeIndex.get(name);
    if (n === undefined) continue;
    const kind = kindOfNode(lines, n);
    if (kind !== undefined) kinds.set(name, kind);
  }
  const made = contributionOf(article, input.file, kinds);
  if (Array.isArray(made)) refuse('the added article has problems (the full build reports them)');
  const { record, ownNodes, mentions, derived } = made as Exclude<typeof made, Diagnostic[]>;
  const own = { number, record };
  const newIds = ownNodes.map((e) => e.id);
  if (newIds.some((id) => id.includes('--'))) refuse('an id contains "--", which makes relation ids ambiguous');

  // Node numbers after the patch: the old ones, then its own events and claims.
  const oldNodes = lines.firstEdge - lines.firstNode;
  const ownNumber = new Map(newIds.map((id, i) => [id, oldNodes + i]));
  const numberOf = (id: string): number => nodeIndex.get(id) ?? ownNumber.get(id) ?? refuse(`invariant: ${id} has no node`);
  const keyOf = (n: number): string => (n < oldNodes ? edit.nodeKey(n) : (newIds[n - oldNodes] ?? refuse(`invariant: no node ${n}`)));

  // The graph's article count, and its record after the others'.
  const graph = lines.parse(0) as [string, Attributes];
  graph[1]['articles'] = number + 1;
  edit.replace(0, JSON.stringify(graph));
  edit.insertText(lines.firstNode, articleLineOf(record));

  // Mentions: its anchors and its number at the end of each node's lists.
  for (const [id, anchors] of mentions) {
    const n = nodeIndex.get(id) ?? refuse(`invariant: ${id} has no node`);
    const line = lines.firstNode + n;
    const fields = lines.parse(line) as [string, string, Attributes];
    const attributes = fields[2];
    const evidence = attributes['evidence'];
    const articles = attributes['articles'];
    if (!Array.isArray(evidence) || !Array.isArray(articles) || !articles.every((a) => typeof a === 'number')) refuse(`the record of ${id} is not stored compactly`);
    const compact = compactRecord({ evidence: anchors }, id, own)['evidence'] as unknown[];
    attributes['evidence'] = [...(evidence as unknown[]), ...compact];
    if (!articles.includes(number)) articles.push(number);
    edit.replace(line, JSON.stringify(fields));
  }
  for (const node of ownNodes) edit.insertText(lines.firstEdge, JSON.stringify(['N', node.id, compactRecord(node, node.id, own)]));

  // Its stated facts: merged into the fact that exists, or new after every stated fact.
  const declared = new Map(kinds);
  for (const node of ownNodes) declared.set(node.id, node.kind);
  const problems: Diagnostic[] = [];
  const facts = statementsByFact(article, declarationsOf(Object.fromEntries(declared), input.file.yaml, problems), input.file.yaml, problems);
  if (problems.length > 0) refuse('the added article has problems (the full build reports them)');
  const statedEnd = edit.originEnd(['stated']);
  const roleEnd = edit.originEnd(['role'], statedEnd);
  const bases = new Set<string>();
  const newEdge = (merged: RelationAttributes, before: number): void => {
    const source = numberOf(merged.subject);
    const target = numberOf(merged.object);
    const attributes = compactRecord(merged, merged.id, own, { source: merged.subject, target: merged.object });
    attributes['id'] = 0;
    const base = baseOf(merged.subject, merged.predicate, merged.object, merged.negated);
    const recordOfEdge: EdgeRecord = { key: merged.id, source, target, attributes };
    edit.insertEdge(before, recordOfEdge, base);
    bases.add(base);
  };
  for (const [key, fact] of facts) {
    const first = fact.statements[0] ?? refuse('invariant: a fact with no statement');
    const line = existingFact(edit, key, first);
    if (line === undefined) {
      const [merged] = mergeFacts(fact.statements);
      newEdge(merged ?? refuse('invariant: a fact merged into nothing'), statedEnd);
      continue;
    }
    const e = edit.edge(line);
    const { id: _id, ...stored } = edit.relationOf(e, keyOf);
    if (stored.origin !== 'stated') refuse('invariant: a stated fact found among derived ones');
    const [merged] = mergeFacts([{ ...stored, evidence: [] } as Statement, ...fact.statements]);
    if (merged === undefined) refuse('invariant: a fact merged into nothing');
    const attributes: Attributes = {};
    for (const [name, value] of Object.entries(merged)) {
      if (name === 'id') attributes[name] = e.attributes['id'];
      else if (name === 'subject' || name === 'object') attributes[name] = value === keyOf(name === 'subject' ? e.source : e.target) ? 0 : value;
      else if (name === 'evidence') attributes[name] = [...(e.attributes['evidence'] as unknown[]), ...(compactRecord({ evidence: value as Evidence[] }, '', own)['evidence'] as unknown[])];
      else attributes[name] = value;
    }
    e.attributes = attributes;
    edit.changeEdge(line);
  }
  // Its role and projection facts: its events are new, so are they; after the role (projection) facts of earlier events.
  for (const relation of derived) newEdge(relation, relation.origin === 'role' ? roleEnd : lines.count);

  edit.renumber(bases, newIds);
  return { ok: true, chunks: edit.chunks(), ...edit.counts() };
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
