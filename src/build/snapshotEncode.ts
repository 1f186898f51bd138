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
import type { ArticleRecord, Evidence, NewsGraph } from '../graph/types.js';
import { EVIDENCE_KEYS, SnapshotArticles } from './snapshotArticles.js';

/** Lines are gathered into chunks of about this many characters before becoming bytes. */
const CHUNK_CHARS = 1 << 22;

type Attributes = Record<string, unknown>;

function compactEvidence(list: unknown, articles: SnapshotArticles): unknown {
  if (!Array.isArray(list)) return list;
  return list.map((item: unknown) => {
    const e = item as Evidence;
    const i = typeof e?.article === 'string' ? articles.indexOf(e.article) : undefined;
    if (i === undefined || Object.keys(e).join(',') !== EVIDENCE_KEYS) return item;
    const derived = articles.evidence(i, e.start, e.end);
    const same = derived !== undefined && derived.exact === e.exact && derived.prefix === e.prefix && derived.suffix === e.suffix && derived.sentence === e.sentence;
    return same ? [i, e.start, e.end] : item;
  });
}

function compactArticleIds(list: unknown, articles: SnapshotArticles): unknown {
  if (!Array.isArray(list)) return list;
  const numbers = list.map((id: unknown) => (typeof id === 'string' ? articles.indexOf(id) : undefined));
  return numbers.every((n) => n !== undefined) ? numbers : list;
}

/** A copy of `attributes` (same key order) with the derivable values left out as described above. */
function compactAttributes(attributes: Attributes, articles: SnapshotArticles, same: Readonly<Record<string, string>>): Attributes {
  const out: Attributes = {};
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'evidence') out[name] = compactEvidence(value, articles);
    else if (name === 'articles') out[name] = compactArticleIds(value, articles);
    else if (Object.hasOwn(same, name) && same[name] === value) out[name] = 0;
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
    line(JSON.stringify(['N', key, compactAttributes(attributes as unknown as Attributes, articles, { id: key })]));
  });
  graph.forEachEdge((key, attributes, source, target) => {
    const compact = compactAttributes(attributes as unknown as Attributes, articles, { id: key, subject: source, object: target });
    line(JSON.stringify(['E', key, nodeNumber.get(source), nodeNumber.get(target), compact]));
  });
  flush();
  return chunks;
}
