/**
 * Snapshots: the built graph in newsgraph's own file format (version 1), written atomically and
 * byte-identical for the same input, loaded in seconds at corpus scale. The file is a magic line, a JSON
 * header (format version, the graph's content id, counts, the body's length and SHA-256; snapshotFormat.ts)
 * and a body of one JSON record per line with nothing derivable stored (snapshotEncode.ts). graphology's
 * JSON stays available as an export (`serializeGraph`, `newsgraph export --format json`).
 */
import { readFile, stat } from 'node:fs/promises';
import { NewsgraphError } from '../errors.js';
import { graphIdentity, recordGraphIdentity } from '../graph/identity.js';
import type { NewsGraph } from '../graph/types.js';
import { displayPath } from './paths.js';
import { decodeSnapshotBody } from './snapshotDecode.js';
import { encodeSnapshotBody } from './snapshotEncode.js';
import { headerBytes, readHeader, sha256, SNAPSHOT_VERSION } from './snapshotFormat.js';
import { writeFileAtomic } from './writeAtomic.js';

/**
 * graphology's JSON serialization of the graph (deterministic, since insertion and attribute order are):
 * what `newsgraph export --format json` writes. One string: for small graphs and tools that want graphology's
 * own format; snapshots use `encodeSnapshot`.
 */
export function serializeGraph(graph: NewsGraph): string {
  return `${JSON.stringify(graph.export(), null, 1)}\n`;
}

/** The bytes of the snapshot file for `graph`: header and body. */
export function encodeSnapshot(graph: NewsGraph): Buffer {
  const body = Buffer.concat(encodeSnapshotBody(graph));
  const header = headerBytes({
    format: 'newsgraph-snapshot',
    version: SNAPSHOT_VERSION,
    id: graphIdentity(graph).id,
    articles: graph.getAttribute('articles').length,
    nodes: graph.order,
    edges: graph.size,
    bodyBytes: body.length,
    bodySha256: sha256(body),
  });
  return Buffer.concat([header, body]);
}

/** Writes the snapshot of `graph` to `file` atomically: readers see the old file or the new one, whole. */
export async function writeSnapshot(graph: NewsGraph, file: string): Promise<void> {
  await writeFileAtomic(file, encodeSnapshot(graph));
}

/**
 * The graph in the snapshot `bytes` (`where` names the file in errors).
 * @throws {NewsgraphError} SNAPSHOT_INVALID for another format or version, a truncated or corrupt file.
 */
export function decodeSnapshot(bytes: Buffer, where: string, builtAt: string = new Date().toISOString()): NewsGraph {
  const { header, bodyStart } = readHeader(bytes, where);
  const graph = decodeSnapshotBody(bytes, bodyStart, where);
  if (graph.order !== header.nodes || graph.size !== header.edges) {
    throw new NewsgraphError('SNAPSHOT_INVALID', `${where}: the snapshot holds ${graph.order} nodes and ${graph.size} edges, its header says ${header.nodes} and ${header.edges}: the file is corrupt. Rebuild it with "newsgraph build".`);
  }
  recordGraphIdentity(graph, { id: header.id, builtAt, articleCount: header.articles });
  return graph;
}

/** @throws {NewsgraphError} SNAPSHOT_INVALID when the file cannot be read or is not a valid snapshot. */
export async function loadSnapshot(file: string): Promise<NewsGraph> {
  let bytes: Buffer;
  let written: Date;
  try {
    [bytes, written] = await Promise.all([readFile(file), stat(file).then((s) => s.mtime)]);
  } catch (error) {
    throw new NewsgraphError('SNAPSHOT_INVALID', `${displayPath(file)}: cannot read the snapshot: ${(error as Error).message}. Write one with "newsgraph build -o ${displayPath(file)}".`, { cause: error });
  }
  return decodeSnapshot(bytes, displayPath(file), written.toISOString());
}
