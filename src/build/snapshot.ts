/**
 * Snapshots: the built graph in newsgraph's own file format (version 1), written atomically and
 * byte-identical for the same input, loaded in seconds at corpus scale. The file is a magic line, a JSON
 * header (format version, the graph's content id, counts, the body's length and SHA-256; snapshotFormat.ts)
 * and a body of one JSON record per line with nothing derivable stored (snapshotEncode.ts). graphology's
 * JSON stays available as an export (`serializeGraph`, `newsgraph export --format json`).
 */
import { createHash } from 'node:crypto';
import { NewsgraphError } from '../errors.js';
import { idOfContentDigest, recordedGraphIdentity, recordGraphIdentity } from '../graph/identity.js';
import type { NewsGraph } from '../graph/types.js';
import { displayPath } from './paths.js';
import { decodeSnapshotBody } from './snapshotDecode.js';
import { readSnapshotFile } from './snapshotFile.js';
import { encodeSnapshotBody } from './snapshotEncode.js';
import { headerBytes, readHeader, SNAPSHOT_VERSION } from './snapshotFormat.js';
import { writeChunksAtomic } from './writeAtomic.js';

/**
 * graphology's JSON serialization of the graph (deterministic, since insertion and attribute order are):
 * what `newsgraph export --format json` writes. One string: for small graphs and tools that want graphology's
 * own format; snapshots use `encodeSnapshot`.
 */
export function serializeGraph(graph: NewsGraph): string {
  return `${JSON.stringify(graph.export(), null, 1)}\n`;
}

/**
 * The snapshot of `graph` as its header and its body's chunks. The body is hashed as it is: its SHA-256 is
 * the header's checksum and gives the graph's id (graph/identity.ts), recorded for the graph if it had none.
 */
function encodeSnapshotParts(graph: NewsGraph): { header: Buffer; body: Buffer[] } {
  const body = encodeSnapshotBody(graph);
  const hash = createHash('sha256');
  let bodyBytes = 0;
  for (const chunk of body) {
    hash.update(chunk);
    bodyBytes += chunk.length;
  }
  const bodySha256 = hash.digest('hex');
  const id = idOfContentDigest(bodySha256);
  const articles = graph.getAttribute('articles').length;
  const recorded = recordedGraphIdentity(graph);
  if (recorded === undefined) recordGraphIdentity(graph, { id, builtAt: new Date().toISOString(), articleCount: articles });
  const header = headerBytes({ format: 'newsgraph-snapshot', version: SNAPSHOT_VERSION, id, articles, nodes: graph.order, edges: graph.size, bodyBytes, bodySha256 });
  return { header, body };
}

/** The bytes of the snapshot file for `graph`: header and body. */
export function encodeSnapshot(graph: NewsGraph): Buffer {
  const { header, body } = encodeSnapshotParts(graph);
  return Buffer.concat([header, ...body]);
}

/** Writes the snapshot of `graph` to `file` atomically: readers see the old file or the new one, whole. */
export async function writeSnapshot(graph: NewsGraph, file: string): Promise<void> {
  const { header, body } = encodeSnapshotParts(graph);
  // Chunk by chunk: the file is never gathered into one buffer (100 MB at 10,000 articles).
  await writeChunksAtomic(file, [header, ...body]);
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
  const { bytes, written } = await readSnapshotFile(file, displayPath(file));
  return decodeSnapshot(bytes, displayPath(file), written.toISOString());
}
