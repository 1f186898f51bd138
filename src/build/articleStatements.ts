/**
 * One article's stated relations as the assembler makes them (assemble.ts: checkRelation, its anchors, its
 * draft mark), grouped by fact (mergeFacts.ts factKey): what the patcher compares between the old and the new
 * version of an edited article. Made by the same functions as a full build, so that what it compares is what
 * a full build would merge.
 */
import type { Diagnostic } from '../errors.js';
import { namedStrings } from './articleContribution.js';
import type { Evidence } from '../graph/types.js';
import type { EntityKind } from '../ontology/index.js';
import { evidenceAt, type AnchorableArticle } from './anchor.js';
import { anchorKey, type CheckedArticle } from './articleCheck.js';
import type { SnapshotLines } from './snapshotLines.js';
import { checkRelation } from './checkRelation.js';
import { CodePointIndex } from './codePoints.js';
import { Declarations } from './declarations.js';
import { drafted } from './drafts.js';
import { factKey, type Statement } from './mergeFacts.js';
import { RelationIds } from './relationIds.js';
import { LazyYamlLocator, type SourceLocator } from './sourceLocator.js';

/** The statements of one fact in one article, in the order the article states them. */
export interface FactStatements {
  readonly key: string;
  /** The index in `relations:` of the first statement of this fact. */
  readonly first: number;
  readonly statements: Statement[];
}

/** An article ready to make evidence from: its check's data and anchors, and its text. */
export interface CheckedText {
  readonly checked: CheckedArticle;
  readonly text: string;
}

/** The declarations of every known id, as the assembler would have them (kinds from the assembly index). */
export function declarationsOf(kinds: Readonly<Record<string, EntityKind>>, yaml: SourceLocator, problems: Diagnostic[]): Declarations {
  const declarations = new Declarations(problems);
  for (const [id, kind] of Object.entries(kinds)) declarations.declare({ id, kind, yaml, path: [] });
  return declarations;
}

/** The article as anchor.ts takes it. */
export function anchorable(article: CheckedText): AnchorableArticle {
  const flat = article.checked.sentences ?? [];
  const sentences = [];
  for (let i = 0; i + 1 < flat.length; i += 2) sentences.push({ start: flat[i] ?? 0, end: flat[i + 1] ?? 0 });
  return { id: article.checked.data?.article.id ?? '', text: article.text, index: new CodePointIndex(article.text), sentences };
}

/**
 * The article's statements by fact, in the order of each fact's first statement; problems (an unknown id,
 * a domain or range) are pushed to `problems`, as the assembler would report them.
 */
export function statementsByFact(article: CheckedText, declarations: Declarations, yaml: SourceLocator, problems: Diagnostic[], only?: ReadonlySet<string>): Map<string, FactStatements> {
  const { data, anchors = {} } = article.checked;
  const facts = new Map<string, FactStatements>();
  const ready = anchorable(article);
  const ids = new RelationIds();
  data?.relations?.forEach((r, i) => {
    if (only !== undefined && !only.has(pairOf(r))) return;
    const path = ['relations', i];
    const relation = checkRelation({ yaml }, r, path, declarations, problems, ids);
    const outcomes = anchors[anchorKey([...path, 'evidence'])] ?? [];
    const evidence: Evidence[] = [];
    for (const outcome of outcomes) {
      if (Array.isArray(outcome)) evidence.push(evidenceAt(ready, outcome[0] as number, outcome[1] as number));
      else problems.push(outcome as Diagnostic);
    }
    if (!relation) return;
    const { id: _derived, ...fields } = relation;
    const statement: Statement = { ...fields, evidence, ...(r.id !== undefined ? { explicitId: r.id } : {}), ...drafted(r) };
    const key = factKey(statement);
    let fact = facts.get(key);
    if (fact === undefined) {
      fact = { key, first: i, statements: [] };
      facts.set(key, fact);
    }
    fact.statements.push(statement);
  });
  return facts;
}

/**
 * A relation's predicate and its two ends in either order: every statement of a fact has its fact's pair (a
 * symmetric fact's ends may come either way), so a set of pairs keeps at least the statements of those facts.
 */
export function pairOf(r: { readonly subject: string; readonly predicate: string; readonly object: string }): string {
  return r.subject < r.object ? `${r.predicate}\0${r.subject}\0${r.object}` : `${r.predicate}\0${r.object}\0${r.subject}`;
}

/** The pairs of every relation an article states (pairOf). */
export function pairsOf(checked: CheckedArticle): Set<string> {
  return new Set((checked.data?.relations ?? []).map(pairOf));
}

/** The statements of a fact without their evidence, as one string: equal strings merge into equal facts. */
export function wordingOf(fact: FactStatements | undefined): string {
  if (fact === undefined) return '[]';
  return JSON.stringify(fact.statements.map(({ evidence: _evidence, ...rest }) => rest));
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

/**
 * An article's statements by fact, as the assembler makes them, its ids' kinds read from the snapshot's nodes
 * (what the patch of an added or deleted article folds a fact again from), only for the relations whose pair is in
 * `only` (the pairs of the added or deleted article's own relations); undefined when they have problems.
 */
export function factsOfArticle(checked: CheckedArticle, lines: SnapshotLines, only: ReadonlySet<string>): Map<string, FactStatements> | undefined {
  const nodeIndex = lines.nodeIndex();
  const kinds: Record<string, EntityKind> = {};
  for (const name of namedStrings((checked.data?.relations ?? []).filter((r) => only.has(pairOf(r))))) {
    const number = nodeIndex.get(name);
    const kind = number === undefined ? undefined : kindOfNode(lines, number);
    if (kind !== undefined) kinds[name] = kind;
  }
  const problems: Diagnostic[] = [];
  const yaml = new LazyYamlLocator(checked.file, '');
  const byFact = statementsByFact({ checked, text: '' }, declarationsOf(kinds, yaml, problems), yaml, problems, only);
  return problems.length > 0 ? undefined : byFact;
}
