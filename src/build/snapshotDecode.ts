/**
 * Reads a snapshot body (snapshotEncode.ts) back into a graph: line by line from the file's bytes (each
 * line parsed on its own), restoring what the encoder left out. Article ids and entity keys come from one
 * table each, so the graph shares those strings instead of holding a copy per evidence anchor and edge.
 */
import { MultiDirectedGraph } from 'graphology';
import { NewsgraphError } from '../errors.js';
import type { ArticleRecord, EntityAttributes, GraphAttributes, NewsGraph, RelationAttributes, SentenceSpan } from '../graph/types.js';
import { SnapshotArticles } from './snapshotArticles.js';

type Attributes = Record<string, unknown>;

class Corrupt extends Error {}

function fail(message: string): never {
  throw new Corrupt(message);
}

function isAttributes(value: unknown): value is Attributes {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function articleRecord(value: unknown): ArticleRecord {
  if (!isAttributes(value) || typeof value['id'] !== 'string' || typeof value['text'] !== 'string') fail('an article record lacks its id or text');
  const out: Attributes = {};
  for (const [name, field] of Object.entries(value)) {
    if (name !== 'sentences') out[name] = field;
    else {
      if (!Array.isArray(field) || field.length % 2 !== 0) fail(`article "${String(value['id'])}" has malformed sentence spans`);
      const spans: SentenceSpan[] = [];
      for (let i = 0; i < field.length; i += 2) spans.push({ start: Number(field[i]), end: Number(field[i + 1]) });
      out[name] = spans;
    }
  }
  return out as unknown as ArticleRecord;
}

function restoreEvidence(list: unknown, articles: SnapshotArticles): unknown {
  if (!Array.isArray(list)) return list;
  for (let i = 0; i < list.length; i++) {
    const item: unknown = list[i];
    if (!Array.isArray(item)) continue;
    const [n, start, end] = item as unknown[];
    if (typeof n !== 'number' || typeof start !== 'number' || typeof end !== 'number') fail('an evidence anchor is malformed');
    list[i] = articles.evidence(n, start, end) ?? fail(`an evidence anchor names article number ${n}, which does not exist`);
  }
  return list;
}

/**
 * Restores what the encoder left out, in place: the parsed record is the attributes object (same key order),
 * so loading makes no second copy of every node and edge.
 */
export function restoreAttributes(value: unknown, articles: SnapshotArticles, same: Readonly<Record<string, string>>): Attributes {
  if (!isAttributes(value)) fail('a node or edge has no attributes object');
  for (const name in value) {
    const field = value[name];
    if (name === 'evidence') restoreEvidence(field, articles);
    else if (name === 'articles' && Array.isArray(field)) {
      for (let i = 0; i < field.length; i++) {
        const n: unknown = field[i];
        if (typeof n === 'number') field[i] = articles.records[n]?.id ?? fail(`article number ${n} does not exist`);
      }
    } else if (field === 0 && Object.hasOwn(same, name)) value[name] = same[name];
  }
  return value;
}

/**
 * The graph in `bytes` from `bodyStart` on.
 * @throws {NewsgraphError} SNAPSHOT_INVALID naming the line, when a record is malformed.
 */
export function decodeSnapshotBody(bytes: Buffer, bodyStart: number, where: string): NewsGraph {
  const graph: NewsGraph = new MultiDirectedGraph<EntityAttributes, RelationAttributes, GraphAttributes>();
  const records: ArticleRecord[] = [];
  let graphAttributes: Attributes | undefined;
  let articles: SnapshotArticles | undefined;
  const nodeKeys: string[] = [];
  let lineNumber = 2; // after the magic and header lines
  try {
    for (let at = bodyStart; at < bytes.length; ) {
      const end = bytes.indexOf(10, at);
      const lineEnd = end < 0 ? bytes.length : end;
      lineNumber++;
      const record: unknown = JSON.parse(bytes.toString('utf8', at, lineEnd));
      at = lineEnd + 1;
      if (!Array.isArray(record)) fail('a record is not a JSON array');
      const tag: unknown = record[0];
      if (tag === 'A') records.push(articleRecord(record[1]));
      else if (tag === 'N' || tag === 'E') {
        if (articles === undefined) {
          if (graphAttributes === undefined) fail('nodes come before the graph record');
          articles = new SnapshotArticles(records);
          graph.replaceAttributes({ ...graphAttributes, articles: records } as unknown as GraphAttributes);
          if (graphAttributes['articles'] !== records.length) fail(`the graph record says ${String(graphAttributes['articles'])} articles, the file holds ${records.length}`);
        }
        if (tag === 'N') {
          const key = record[1];
          if (typeof key !== 'string') fail('a node has no key');
          nodeKeys.push(key);
          graph.addNode(key, restoreAttributes(record[2], articles, { id: key }) as unknown as EntityAttributes);
        } else {
          const [, key, sourceNumber, targetNumber, attributes] = record as unknown[];
          const source = typeof sourceNumber === 'number' ? nodeKeys[sourceNumber] : undefined;
          const target = typeof targetNumber === 'number' ? nodeKeys[targetNumber] : undefined;
          if (typeof key !== 'string' || source === undefined || target === undefined) fail('an edge lacks its key or names a node that does not exist');
          graph.addEdgeWithKey(key, source, target, restoreAttributes(attributes, articles, { id: key, subject: source, object: target }) as unknown as RelationAttributes);
        }
      } else if (tag === 'G') {
        if (!isAttributes(record[1])) fail('the graph record has no attributes');
        graphAttributes = record[1];
      } else fail(`unknown record type ${JSON.stringify(tag)}`);
    }
    if (articles === undefined) {
      // A graph without nodes: the articles still need setting.
      if (graphAttributes === undefined) fail('the graph record is missing');
      graph.replaceAttributes({ ...graphAttributes, articles: records } as unknown as GraphAttributes);
    }
  } catch (error) {
    if (error instanceof Corrupt || error instanceof SyntaxError || (error instanceof Error && error.name.endsWith('GraphError'))) {
      throw new NewsgraphError('SNAPSHOT_INVALID', `${where}:${lineNumber}: ${error.message}: the snapshot is corrupt. Rebuild it with "newsgraph build -o ${where}".`, { cause: error });
    }
    throw error;
  }
  return graph;
}
