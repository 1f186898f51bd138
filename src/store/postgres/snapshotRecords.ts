/**
 * A snapshot file as the loader's records (corpusRecords.ts), never decoded into a graph: the file's bytes are
 * read and checked once (header, length, checksum: build/snapshotFormat.ts), the article records decoded and
 * kept (evidence anchors are derived from their texts), and every node and edge line decoded each time it is
 * read, by the decoder's own per-record functions (build/snapshotDecode.ts), then let go. A graph of 100,000
 * articles costs graphology several gigabytes of heap; this holds the file's bytes and the articles.
 */
import { articleRecord, restoreAttributes } from '../../build/snapshotDecode.js';
import { SnapshotArticles } from '../../build/snapshotArticles.js';
import { readSnapshotFile } from '../../build/snapshotFile.js';
import { readHeader } from '../../build/snapshotFormat.js';
import { displayPath } from '../../build/paths.js';
import { NewsgraphError } from '../../errors.js';
import type { ArticleRecord, EntityAttributes, RelationAttributes } from '../../graph/types.js';
import type { CorpusRecords } from './corpusRecords.js';

/** One line of the body: its tag, where its JSON starts and ends, and its line number (for errors). */
interface Line {
  readonly tag: string;
  readonly start: number;
  readonly end: number;
  readonly number: number;
}

/** The body's lines from `at`, one at a time; the tag is read from the bytes (`["N",` …) without parsing. */
function* lines(bytes: Buffer, at: number, firstLine: number): Generator<Line> {
  let number = firstLine;
  while (at < bytes.length) {
    const newline = bytes.indexOf(10, at);
    const end = newline < 0 ? bytes.length : newline;
    // Every record is a JSON array whose first element is a one-letter tag: `["X",`.
    yield { tag: String.fromCharCode(bytes[at + 2] ?? 0), start: at, end, number };
    number++;
    at = end + 1;
  }
}

/**
 * The records of the snapshot `file`.
 * @throws {NewsgraphError} SNAPSHOT_INVALID when the file cannot be read or is not a valid snapshot (also while
 * its records are read, for a record that does not decode).
 */
export async function snapshotRecords(file: string): Promise<CorpusRecords> {
  const where = displayPath(file);
  const { bytes, written } = await readSnapshotFile(file, where);
  const { header, bodyStart } = readHeader(bytes, where);
  const corrupt = (line: number, message: string, cause?: unknown): NewsgraphError =>
    new NewsgraphError('SNAPSHOT_INVALID', `${where}:${line}: ${message}: the snapshot is corrupt. Rebuild it with "newsgraph build -o ${where}".`, { cause });
  const parse = (line: Line): unknown[] => {
    try {
      const record: unknown = JSON.parse(bytes.toString('utf8', line.start, line.end));
      if (!Array.isArray(record)) throw new Error('a record is not a JSON array');
      return record;
    } catch (error) {
      throw corrupt(line.number, (error as Error).message, error);
    }
  };

  // The graph record and the articles come first; nodes then edges follow.
  const articles: ArticleRecord[] = [];
  let graphAttributes: Record<string, unknown> | undefined;
  let nodesFrom: Line | undefined;
  for (const line of lines(bytes, bodyStart, 3)) {
    if (line.tag === 'N' || line.tag === 'E') {
      nodesFrom = line;
      break;
    }
    const record = parse(line);
    try {
      if (record[0] === 'A') articles.push(articleRecord(record[1]));
      else if (record[0] === 'G' && typeof record[1] === 'object' && record[1] !== null && !Array.isArray(record[1])) graphAttributes = record[1] as Record<string, unknown>;
      else throw new Error(`unexpected record ${JSON.stringify(record[0])} before the nodes`);
    } catch (error) {
      throw corrupt(line.number, (error as Error).message, error);
    }
  }
  if (graphAttributes === undefined) throw corrupt(3, 'the graph record is missing');
  if (graphAttributes['articles'] !== articles.length) throw corrupt(3, `the graph record says ${String(graphAttributes['articles'])} articles, the file holds ${articles.length}`);
  const snapshotArticles = new SnapshotArticles(articles);
  const nodeKeys: string[] = [];
  let edgesFrom: Line | undefined;

  const decode = <T>(line: Line, make: (record: unknown[]) => T): T => {
    const record = parse(line);
    try {
      return make(record);
    } catch (error) {
      throw corrupt(line.number, (error as Error).message, error);
    }
  };

  function* entities(): Generator<EntityAttributes> {
    if (nodesFrom === undefined) return;
    const firstRead = nodeKeys.length === 0;
    for (const line of lines(bytes, nodesFrom.start, nodesFrom.number)) {
      if (line.tag !== 'N') {
        edgesFrom ??= line;
        break;
      }
      yield decode(line, (record) => {
        const key = record[1];
        if (typeof key !== 'string') throw new Error('a node has no key');
        if (firstRead) nodeKeys.push(key);
        return restoreAttributes(record[2], snapshotArticles, { id: key }) as unknown as EntityAttributes;
      });
    }
  }

  function* relations(): Generator<RelationAttributes> {
    if (nodeKeys.length === 0 && header.nodes > 0) for (const _ of entities()); // the node keys, which edges name by number
    const from = edgesFrom ?? (header.nodes === 0 ? nodesFrom : undefined);
    if (from === undefined) return;
    for (const line of lines(bytes, from.start, from.number)) {
      yield decode(line, (record) => {
        const [tag, key, sourceNumber, targetNumber, attributes] = record;
        const source = typeof sourceNumber === 'number' ? nodeKeys[sourceNumber] : undefined;
        const target = typeof targetNumber === 'number' ? nodeKeys[targetNumber] : undefined;
        if (tag !== 'E' || typeof key !== 'string' || source === undefined || target === undefined) throw new Error('an edge lacks its key or names a node that does not exist');
        return restoreAttributes(attributes, snapshotArticles, { id: key, subject: source, object: target }) as unknown as RelationAttributes;
      });
    }
  }

  return {
    identity: { id: header.id, builtAt: written.toISOString(), articleCount: header.articles },
    graphAttributes: Object.entries({ ...graphAttributes, articles }),
    articles,
    entityCount: header.nodes,
    relationCount: header.edges,
    entities,
    relations,
  };
}
