/**
 * The worker of layoutInBackground.ts: lays out a graph's topology with topologyLayout, the very function the
 * server would run on the graph itself, so the positions are the same; sends them back as one array, x and y per
 * entity in the order of the topology's ids (topologyCoordinates).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { topologyCoordinates } from './layout.js';

/** A topology as sent: the ids joined by NUL (one string to copy), the relations' ends as indexes into them. */
export interface LayoutRequest {
  readonly joinedIds: string;
  readonly sources: Int32Array;
  readonly targets: Int32Array;
}

const { joinedIds, sources, targets } = workerData as LayoutRequest;
const xy = topologyCoordinates({ ids: joinedIds === '' ? [] : joinedIds.split('\u0000'), sources, targets });
parentPort?.postMessage(xy, [xy.buffer]);
