/**
 * The whole graph as graphology's serialized JSON (the `json` export, byte for byte what `toGraphologyJson` writes
 * for the same graph), streamed out of PostgreSQL a page of rows at a time: the server's memory stays flat however
 * large the corpus. Each record is indented as `JSON.stringify(graph.export(), null, 2)` would nest it.
 */
import type { Connections } from './connections.js';
import type { CorpusMeta } from './load.js';

/** Rows per query. */
const PAGE = 1_000;

/** Where the text goes; resolves when the consumer is ready for more (backpressure). */
export type TextSink = (chunk: string) => Promise<void>;

/** `value` as JSON.stringify(…, null, 2) prints it `depth` levels deep (every line but the first indented). */
function nested(value: unknown, depth: number): string {
  const pad = '  '.repeat(depth);
  return pad + JSON.stringify(value, null, 2).replace(/\n/gu, `\n${pad}`);
}

/** Streams an array's items (after its opening bracket, written by the caller), read `PAGE` rows at a time in `pos` order, as the items of a nested JSON array. */
async function streamArray(db: Connections, sql: string, item: (row: never) => unknown, depth: number, write: TextSink): Promise<void> {
  let after = -1;
  let first = true;
  for (;;) {
    const rows = await db.read<{ pos: number }>(sql, [after, PAGE]);
    let text = '';
    for (const row of rows) {
      text += `${first ? '\n' : ',\n'}${nested(item(row as never), depth)}`;
      first = false;
    }
    if (text !== '') await write(text);
    const last = rows[rows.length - 1];
    if (rows.length < PAGE || last === undefined) break;
    after = last.pos;
  }
  await write(first ? ']' : `\n${'  '.repeat(depth - 1)}]`);
}

export async function streamGraphologyJson(db: Connections, meta: CorpusMeta, write: TextSink): Promise<void> {
  await write('{\n  "options": {\n    "type": "directed",\n    "multi": true,\n    "allowSelfLoops": true\n  },\n  "attributes": {');
  const attributes = meta.graphAttributes;
  for (const [i, [key, value]] of attributes.entries()) {
    await write(`${i === 0 ? '\n' : ',\n'}    ${JSON.stringify(key)}: `);
    if (key === 'articles') {
      await write('[');
      await streamArray(db, 'SELECT graph_pos AS pos, doc FROM newsgraph.article WHERE graph_pos > $1 ORDER BY graph_pos LIMIT $2', (r: { doc: unknown }) => r.doc, 3, write);
    } else await write(nested(value, 2).trimStart());
  }
  await write(attributes.length === 0 ? '},\n  "nodes": [' : '\n  },\n  "nodes": [');
  await streamArray(db, 'SELECT pos, id, doc FROM newsgraph.entity WHERE pos > $1 ORDER BY pos LIMIT $2', (r: { id: string; doc: unknown }) => ({ key: r.id, attributes: r.doc }), 2, write);
  await write(',\n  "edges": [');
  await streamArray(
    db,
    'SELECT pos, id, subject, object, doc FROM newsgraph.relation WHERE pos > $1 ORDER BY pos LIMIT $2',
    (r: { id: string; subject: string; object: string; doc: unknown }) => ({ key: r.id, source: r.subject, target: r.object, attributes: r.doc }),
    2,
    write,
  );
  await write('\n}\n');
}
