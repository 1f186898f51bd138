/**
 * The snapshot body: newline-delimited JSON, one record per line, so that no single string grows with the
 * corpus (JSON.parse takes each line on its own) and the file can be read and checked piece by piece.
 *
 *   ["G", graph attributes, with `articles` replaced by their count]
 *   ["A", article record, with `sentences` as a flat [start, end, start, end, ...] list]     (one per article)
 *   ["N", key, entity attributes]                                                           (one per node)
 *   ["E", key, source node number, target node number, relation attributes]                 (one per edge)
 *
 * Nothing derivable is stored: an evidence anchor is [article number, start, end] (its words, prefix, suffix
 * and sentence come back from the text, see snapshotArticles.ts); article ids in an entity's `articles` are
 * article numbers; a relation's `id`, `subject` and `object`, and an entity's `id`, are 0 when they repeat
 * the key, source or target. An attribute that does not fit these rules is stored as it is, so the file
 * always round-trips, whatever the graph holds.
 */
import { setContentEncoding } from '../graph/identity.js';
import type { ArticleRecord, Evidence, NewsGraph } from '../graph/types.js';
import { EVIDENCE_KEYS, SnapshotArticles } from './snapshotArticles.js';

/** Lines are gathered into chunks of about this many characters before becoming bytes. */
const CHUNK_CHARS = 1 << 22;

type Attributes = Record<string, unknown>;

const EVIDENCE_KEY_LIST = EVIDENCE_KEYS.split(',');

/** True when the anchor's own keys are exactly the builder's, in its order (checked without making a string). */
function hasEvidenceKeys(e: object): boolean {
  const keys = Object.keys(e);
  if (keys.length !== EVIDENCE_KEY_LIST.length) return false;
  for (let k = 0; k < keys.length; k++) if (keys[k] !== EVIDENCE_KEY_LIST[k]) return false;
  return true;
}

function compactEvidence(list: unknown, articles: SnapshotArticles): unknown {
  if (!Array.isArray(list)) return list;
  const out: unknown[] = new Array(list.length);
  for (let k = 0; k < list.length; k++) {
    const item: unknown = list[k];
    const e = item as Evidence | null | undefined;
    const i = typeof e?.article === 'string' ? articles.indexOf(e.article) : undefined;
    // The anchor's words, prefix, suffix and sentence are compared in place, not made again (derives).
    out[k] = i !== undefined && e && hasEvidenceKeys(e) && articles.derives(i, e) ? [i, e.start, e.end] : item;
  }
  return out;
}

function compactArticleIds(list: unknown, articles: SnapshotArticles): unknown {
  if (!Array.isArray(list)) return list;
  const numbers: number[] = new Array(list.length);
  for (let k = 0; k < list.length; k++) {
    const id: unknown = list[k];
    const n = typeof id === 'string' ? articles.indexOf(id) : undefined;
    if (n === undefined) return list;
    numbers[k] = n;
  }
  return numbers;
}

/**
 * A copy of `attributes` (same key order) with the derivable values left out as described above: `id` (and
 * for an edge `subject` and `object`) is 0 when it repeats the key (source, target). JSON.stringify then
 * writes the record in one native pass (writing it field by field was slower).
 */
function compactAttributes(attributes: Attributes, articles: SnapshotArticles, key: string, source?: string, target?: string): Attributes {
  const out: Attributes = {};
  for (const name of Object.keys(attributes)) {
    const value = attributes[name];
    if (name === 'evidence') out[name] = compactEvidence(value, articles);
    else if (name === 'articles') out[name] = compactArticleIds(value, articles);
    else if ((name === 'id' && value === key) || (source !== undefined && ((name === 'subject' && value === source) || (name === 'object' && value === target)))) out[name] = 0;
    else out[name] = value;
  }
  return out;
}

function articleLine(record: ArticleRecord): string {
  const out: Attributes = {};
  for (const [name, value] of Object.entries(record)) {
    out[name] = name === 'sentences' ? record.sentences.flatMap((s) => [s.start, s.end]) : value;
  }
  return JSON.stringify(['A', out]);
}

/** The body of the snapshot of `graph`, as chunks of bytes (never one string of the whole). */
export function encodeSnapshotBody(graph: NewsGraph): Buffer[] {
  const chunks: Buffer[] = [];
  let pending: string[] = [];
  let pendingChars = 0;
  const line = (text: string): void => {
    pending.push(text);
    pendingChars += text.length + 1;
    if (pendingChars >= CHUNK_CHARS) flush();
  };
  const flush = (): void => {
    if (pending.length === 0) return;
    chunks.push(Buffer.from(`${pending.join('\n')}\n`, 'utf8'));
    pending = [];
    pendingChars = 0;
  };

  const records = graph.getAttribute('articles');
  const articles = new SnapshotArticles(records);
  const graphAttributes: Attributes = {};
  for (const [name, value] of Object.entries(graph.getAttributes())) graphAttributes[name] = name === 'articles' ? records.length : value;
  line(JSON.stringify(['G', graphAttributes]));
  for (const record of records) line(articleLine(record));

  const nodeNumber = new Map<string, number>();
  graph.forEachNode((key, attributes) => {
    nodeNumber.set(key, nodeNumber.size);
    line(JSON.stringify(['N', key, compactAttributes(attributes as unknown as Attributes, articles, key)]));
  });
  graph.forEachEdge((key, attributes, source, target) => {
    const compact = compactAttributes(attributes as unknown as Attributes, articles, key, source, target);
    line(JSON.stringify(['E', key, nodeNumber.get(source), nodeNumber.get(target), compact]));
  });
  flush();
  return chunks;
}

// The body is the graph's canonical encoding: its hash is the graph's id (graph/identity.ts).
setContentEncoding(encodeSnapshotBody);
