/**
 * A connection waiting for a slow answer is not idle. The server closes connections silent for
 * SOCKET_IDLE_TIMEOUT_MS (clients that send nothing), but while it works on an answer nothing crosses the socket
 * either: a GraphQL execution that waited on its store for longer than that (a slow database) lost its connection
 * with no answer ("other side closed"), and with the default limits the execution ceiling (10 s) raced the idle
 * timeout (10 s). Real server on loopback; the store waits on a timer (as a database does), so the figures are
 * wall-clock waits, not work, and the machine's load does not move them.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { SOCKET_IDLE_TIMEOUT_MS } from '../../src/api/server.js';
import { seedGraph } from '../api/seed.js';
import { waitingStore } from '../utils/waitingStore.js';

const QUIET = { info() {}, warn() {}, error() {}, debug() {} };
/** Longer than the idle timeout: the answer comes after the connection would have been cut. */
const SLOW_MS = SOCKET_IDLE_TIMEOUT_MS + 1_500;
const WAITS = { slow: SLOW_MS, stall: 'never' } as const;

interface Answer {
  readonly status: number;
  readonly body: { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> };
}

async function post(url: string, query: string): Promise<Answer> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return { status: response.status, body: (await response.json()) as Answer['body'] };
}

describe('a request whose answer takes longer than the idle timeout', () => {
  let patient: RunningServer;
  let defaults: RunningServer;

  beforeAll(async () => {
    const graph = await seedGraph();
    // A ceiling past the store's wait: the slow search must be answered.
    patient = await startServer({ graph, store: waitingStore(graph, WAITS), port: 0, handleSignals: false, logger: QUIET, limits: { maxWallClockMs: 60_000 } });
    // Default limits: the ceiling (10 s), not the idle timeout, must end a stalled request, with an answer.
    defaults = await startServer({ graph, store: waitingStore(graph, WAITS), port: 0, handleSignals: false, logger: QUIET });
  }, 60_000);

  afterAll(async () => {
    await patient?.close();
    await defaults?.close();
  });

  test('is answered (a slow store within the ceiling), and a stalled one gets EXECUTION_CEILING, not a cut connection', async () => {
    const started = Date.now();
    const [slow, stalled] = await Promise.all([post(patient.url, '{ search(text: "slow") { id } }'), post(defaults.url, '{ search(text: "stall") { id } }')]);
    // The slow search really outlasted the idle timeout (so the connection was silent for longer than it).
    expect(Date.now() - started).toBeGreaterThanOrEqual(SLOW_MS);
    expect(slow.status).toBe(200);
    expect(slow.body.errors).toBeUndefined();
    expect(slow.body.data).toEqual({ search: [] });
    expect(stalled.body.errors?.map((e) => e.extensions?.code)).toEqual(['EXECUTION_CEILING']);
    // The connections' idle timer is back once answered: the servers still answer a quick question.
    expect((await post(patient.url, '{ search(text: "Kyiv", limit: 1) { id } }')).body.data).toEqual({ search: [{ id: expect.any(String) }] });
  }, 60_000);
});
