/**
 * A set of changes to a snapshot body (snapshotEncode.ts) made line by line: lines replaced, removed, or
 * inserted before an old line, then written as chunks in which every unchanged run of old lines is a slice of
 * the old bytes. What the patches of an added or a deleted article (articleAddition.ts, articleDeletion.ts)
 * share: edges parsed once and kept as records, the origin segments of the edge order, relation ids given
 * again to every fact of an id base in the new edge order, and a record compacted as the encoder would.
 *
 * Numbers: when the patch changes article or node numbers (an article added or deleted before others), old
 * lines left as they are go through lineRenumbering.ts, and an edge whose key alone changed is mapped here.
 * Everything the patch writes itself (replaced and inserted lines, the attributes of a changed edge) is in the
 * new numbers already, but for a changed edge's two ends, which stay the old line's and are mapped here.
 */
import type { ArticleRecord, Evidence, RelationAttributes } from '../graph/types.js';
import type { CheckedArticle } from './articleCheck.js';
import type { PatchResult } from './snapshotPatch.js';
import type { ArticleFileSource } from './sourceModel.js';
import { EVIDENCE_KEYS, SnapshotArticles } from './snapshotArticles.js';
import { renumberLines, type Renumbering } from './lineRenumbering.js';
import { baseCollision, baseOf, linesOfBase } from './relationIdBases.js';
import type { SnapshotLines } from './snapshotLines.js';

export type Attributes = Record<string, unknown>;

/** An edge line as a record: the line stores 0 for an id, subject or object that repeats its key or ends. */
export interface EdgeRecord {
  key: string;
  readonly source: number;
  readonly target: number;
  attributes: Attributes;
}

/** Thrown when the patch cannot be made exactly; the message is the reason the full build gives. */
export class Unpatchable extends Error {}
export function refuse(reason: string): never {
  throw new Unpatchable(reason);
}

/** What a patch of an added or deleted article is given about the previous snapshot and its corpus. */
export interface CorpusPatchInput {
  /** The previous snapshot's body (after its header). */
  readonly body: Buffer;
  readonly articleCount: number;
  /** The article's place in publication order (an added one: articleCount when it is the latest). */
  readonly position: number;
  readonly explicitRelationIds: boolean;
  readonly ambiguousIds: boolean;
  /** True when some article of the corpus has `eventUpdates`. */
  readonly eventUpdates: boolean;
  /** The check of article number `n` (from the build cache), or undefined when it is not there. */
  readonly checkOf: (n: number) => CheckedArticle | undefined;
}

/**
 * The patch `make` makes, or the reason it refuses, after the refusals every patch of an added or deleted
 * article shares: event updates (in the article or the corpus) and relation ids that cannot be given locally.
 */
export function patchOrReason(input: CorpusPatchInput, article: ArticleFileSource, make: () => PatchResult): PatchResult {
  try {
    if ((article.eventUpdates ?? []).length > 0) refuse('it reports events of other articles (eventUpdates), which changes their history');
    if (input.eventUpdates) refuse('the corpus has event updates, which place role relations after every declared one');
    if (input.explicitRelationIds || (article.relations ?? []).some((r) => r.id !== undefined)) refuse('the corpus gives relation ids explicitly, which derived ids go around');
    if (input.ambiguousIds) refuse('an id contains "--", which makes relation ids ambiguous');
    return make();
  } catch (error) {
    if (error instanceof Unpatchable) return { ok: false, reason: error.message };
    throw error;
  }
}

/** An edge to insert, with the id base its key is given from. */
interface Inserted {
  readonly record: EdgeRecord;
  readonly base: string;
}

export class SnapshotEdit {
  private readonly edges = new Map<number, EdgeRecord>();
  private readonly changedEdges = new Set<number>();
  /** Edges whose key alone changed (renumber): their attributes are still in the old numbers. */
  private readonly renamedEdges = new Set<number>();
  private renumbering: Renumbering | undefined;
  private readonly replaced = new Map<number, string>();
  private readonly removed = new Set<number>();
  /** Lines to write before old line `n` (n = count: at the end), in order; edges as records (keys given late). */
  private readonly inserted = new Map<number, (string | Inserted)[]>();
  private insertedEdges = 0;
  private insertedNodes = 0;
  private removedNodes = 0;
  private removedEdges = 0;

  constructor(readonly lines: SnapshotLines) {}

  /** The edge on `line`, parsed once; changes to it are written when `changeEdge` marks it. */
  edge(line: number): EdgeRecord {
    let record = this.edges.get(line);
    if (record === undefined) {
      const [, key, source, target, attributes] = this.lines.parse(line) as [string, string, number, number, Attributes];
      record = { key, source, target, attributes };
      this.edges.set(line, record);
    }
    return record;
  }

  nodeKey(n: number): string {
    return this.lines.nodeKey(n) ?? refuse(`invariant: no node ${n}`);
  }

  /** The relation an edge holds, with its id and ends restored (enough for factKey and the id base). */
  relationOf(e: EdgeRecord, nodeKey: (n: number) => string = (n) => this.nodeKey(n)): RelationAttributes {
    const a = e.attributes;
    return { ...a, id: a['id'] === 0 ? e.key : a['id'], subject: a['subject'] === 0 ? nodeKey(e.source) : a['subject'], object: a['object'] === 0 ? nodeKey(e.target) : a['object'] } as unknown as RelationAttributes;
  }

  /** Article and node numbers change from here on (see the module comment). */
  setRenumbering(renumbering: Renumbering): void {
    this.renumbering = renumbering;
  }

  mapArticle(a: number): number {
    return this.renumbering === undefined ? a : this.renumbering.article(a);
  }

  mapNode(n: number): number {
    return this.renumbering === undefined ? n : this.renumbering.node(n);
  }

  /** An evidence list in the new numbers (anchors stored whole name their article by id). */
  mapEvidence(list: readonly unknown[]): unknown[] {
    return list.map((item) => (Array.isArray(item) ? [this.mapArticle(item[0] as number), ...item.slice(1)] : item));
  }

  /** A record's attributes with `evidence` and `articles` in the new numbers. */
  mapAttributes(attributes: Attributes): Attributes {
    if (this.renumbering === undefined) return attributes;
    const out: Attributes = {};
    for (const [name, value] of Object.entries(attributes)) {
      if (name === 'evidence' && Array.isArray(value)) out[name] = this.mapEvidence(value);
      else if (name === 'articles' && Array.isArray(value)) out[name] = value.map((a) => (typeof a === 'number' ? this.mapArticle(a) : a));
      else out[name] = value;
    }
    return out;
  }

  /** Marks an edge changed: its attributes are then in the new numbers (its ends stay the old line's). */
  changeEdge(line: number): void {
    this.changedEdges.add(line);
  }

  replace(line: number, text: string): void {
    this.replaced.set(line, text);
  }

  remove(line: number): void {
    if (this.removed.has(line)) return;
    this.removed.add(line);
    if (line >= this.lines.firstEdge) this.removedEdges++;
    else if (line >= this.lines.firstNode) this.removedNodes++;
  }

  isRemoved(line: number): boolean {
    return this.removed.has(line);
  }

  /** Inserts a line of text (an article or a node) before old line `before`. */
  insertText(before: number, text: string): void {
    this.listBefore(before).push(text);
    if (before > this.lines.firstNode && before <= this.lines.firstEdge && text.startsWith('["N"')) this.insertedNodes++;
  }

  /** Inserts an edge before old line `before`; its key is given by `renumber` (its base is among those renumbered). */
  insertEdge(before: number, record: EdgeRecord, base: string): void {
    this.listBefore(before).push({ record, base });
    this.insertedEdges++;
  }

  private listBefore(before: number): (string | Inserted)[] {
    let list = this.inserted.get(before);
    if (list === undefined) {
      list = [];
      this.inserted.set(before, list);
    }
    return list;
  }

  /** The first edge line at or after `from` whose origin is not in `origins` (edges are stated, then role, then projection). */
  originEnd(origins: readonly string[], from = this.lines.firstEdge): number {
    let low = from;
    let high = this.lines.count;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (origins.includes(String(this.edge(mid).attributes['origin']))) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  /**
   * Gives `base`, `base-2`, ... again to the facts of each base in `bases`, in the new edge order (old lines
   * left, and edges inserted before them). Exact when no explicit id and no id with "--" exist (the caller
   * checks) and the base cannot meet another's (checked here, with `newIds` the node ids the patch adds).
   */
  renumber(bases: ReadonlySet<string>, newIds: readonly string[] = []): void {
    const lines = this.lines;
    for (const base of bases) {
      const collision = baseCollision(base, lines, newIds);
      if (collision !== undefined) refuse(collision);
      const members: { order: [number, number]; line?: number; record?: EdgeRecord }[] = [];
      for (const line of linesOfBase(base, lines)) {
        const r = this.relationOf(this.edge(line));
        if (baseOf(r.subject, r.predicate, r.object, r.negated) !== base) refuse(`relation ids of ${base} are not all its own`);
        if (!this.removed.has(line)) members.push({ order: [line, Number.MAX_SAFE_INTEGER], line });
      }
      for (const [before, list] of this.inserted) {
        list.forEach((item, j) => {
          if (typeof item !== 'string' && item.base === base) members.push({ order: [before, j], record: item.record });
        });
      }
      members.sort((x, y) => x.order[0] - y.order[0] || x.order[1] - y.order[1]);
      members.forEach((member, i) => {
        const id = i === 0 ? base : `${base}-${i + 1}`;
        if (member.record !== undefined) member.record.key = id;
        else if (member.line !== undefined) {
          const record = this.edge(member.line);
          if (record.key !== id) {
            if (record.attributes['id'] !== 0) refuse('invariant: a renamed relation stores its id');
            record.key = id;
            this.renamedEdges.add(member.line);
          }
        }
      });
    }
  }

  /** How many nodes and edges the new body has. */
  counts(): { nodes: number; edges: number } {
    const { firstNode, firstEdge, count } = this.lines;
    return { nodes: firstEdge - firstNode + this.insertedNodes - this.removedNodes, edges: count - firstEdge + this.insertedEdges - this.removedEdges };
  }

  /** The new body, as chunks: unchanged runs of old lines copied as slices. */
  chunks(): Buffer[] {
    const { lines } = this;
    const body = lines.body;
    const chunks: Buffer[] = [];
    const texts: string[] = [];
    const flushTexts = (): void => {
      if (texts.length === 0) return;
      chunks.push(Buffer.from(`${texts.join('\n')}\n`, 'utf8'));
      texts.length = 0;
    };
    let runStart = 0;
    const renumbering = this.renumbering;
    const slice = (from: number, to: number): void => {
      if (to > from) chunks.push(body.subarray(lines.starts[from] ?? 0, lines.starts[to] ?? 0));
    };
    const copyUpTo = (line: number): void => {
      if (line <= runStart) return;
      flushTexts();
      if (renumbering === undefined) slice(runStart, line);
      else {
        // The graph and article lines hold no article or node number.
        const split = Math.min(line, Math.max(runStart, lines.firstNode));
        slice(runStart, split);
        if (line > split) chunks.push(renumberLines(body, lines.starts[split] ?? 0, lines.starts[line] ?? 0, renumbering));
      }
    };
    for (const line of new Set([...this.changedEdges, ...this.renamedEdges])) {
      if (this.removed.has(line) || this.replaced.has(line)) continue;
      const e = this.edge(line);
      const attributes = this.changedEdges.has(line) ? e.attributes : this.mapAttributes(e.attributes);
      this.replaced.set(line, JSON.stringify(['E', e.key, this.mapNode(e.source), this.mapNode(e.target), attributes]));
    }
    const stops = [...new Set([...this.replaced.keys(), ...this.removed, ...this.inserted.keys()])].sort((x, y) => x - y);
    for (const line of stops) {
      copyUpTo(line);
      runStart = Math.max(runStart, line);
      for (const item of this.inserted.get(line) ?? []) {
        texts.push(typeof item === 'string' ? item : JSON.stringify(['E', item.record.key, item.record.source, item.record.target, item.record.attributes]));
      }
      if (line >= lines.count) continue;
      const text = this.replaced.get(line);
      if (this.removed.has(line)) runStart = line + 1;
      else if (text !== undefined) {
        texts.push(text);
        runStart = line + 1;
      }
    }
    copyUpTo(lines.count);
    flushTexts();
    return chunks;
  }
}

/** The `A` line of an article record, as the encoder writes it. */
export function articleLineOf(record: ArticleRecord): string {
  const out: Attributes = {};
  for (const [name, value] of Object.entries(record)) out[name] = name === 'sentences' ? record.sentences.flatMap((s) => [s.start, s.end]) : value;
  return JSON.stringify(['A', out]);
}

const EVIDENCE_KEY_LIST = EVIDENCE_KEYS.split(',');

/**
 * A record of the article numbered `number` (an entity or relation it alone makes) compacted as the encoder
 * compacts it (snapshotEncode.ts): its anchors as [number, start, end] when derivable from its text, its
 * `articles` as numbers, `id` (and `subject`, `object`) as 0 when they repeat the key (and the ends).
 */
export function compactRecord(attributes: object, key: string, article: { readonly number: number; readonly record: ArticleRecord }, ends?: { source: string; target: string }): Attributes {
  const derivable = new SnapshotArticles([article.record]);
  const out: Attributes = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'evidence' && Array.isArray(value)) {
      out[name] = (value as Evidence[]).map((e) => {
        const own = e?.article === article.record.id && Object.keys(e).join(',') === EVIDENCE_KEY_LIST.join(',') && derivable.derives(0, e);
        return own ? [article.number, e.start, e.end] : e;
      });
    } else if (name === 'articles' && Array.isArray(value)) {
      out[name] = value.every((id) => id === article.record.id) ? value.map(() => article.number) : refuse('invariant: a new record names another article');
    } else if ((name === 'id' && value === key) || (ends !== undefined && ((name === 'subject' && value === ends.source) || (name === 'object' && value === ends.target)))) out[name] = 0;
    else out[name] = value;
  }
  return out;
}
