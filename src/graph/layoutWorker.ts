/**
 * The worker of layoutInBackground.ts: lays out a graph's topology with topologyLayout, the very function the
 * server would run on the graph itself, so the positions are the same; sends them back as x and y per entity, in
 * the order of the topology's ids.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { topologyLayout, type Topology } from './layout.js';

/** A topology as sent: the ids joined by NUL (one string to copy), the relations' ends as indexes into them. */
export interface LayoutRequest {
  readonly joinedIds: string;
  readonly sources: Int32Array;
  readonly targets: Int32Array;
}

const request = workerData as LayoutRequest | undefined;
const topology: Topology = { ids: request === undefined || request.joinedIds === '' ? [] : request.joinedIds.split('\u0000'), sources: request?.sources ?? new Int32Array(), targets: request?.targets ?? new Int32Array() };
const positions = topologyLayout(topology);
const xy = new Float64Array(topology.ids.length * 2);
topology.ids.forEach((id, i) => {
  const at = positions.get(id);
  xy[2 * i] = at?.x ?? 0;
  xy[2 * i + 1] = at?.y ?? 0;
});
parentPort?.postMessage(xy, [xy.buffer]);
