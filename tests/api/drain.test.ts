/**
 * Graceful shutdown on node's own connection tracking (http/drain.ts), which replaced Apollo's drain plugin and
 * its two listeners per request: on close, an idle keep-alive connection is closed at once; a request in flight
 * is answered, and its keep-alive connection closed after it; a request that does not finish within the grace
 * period has its connection cut; close() resolves as soon as the last connection is gone.
 */
import { connect, type Socket } from 'node:net';
import { beforeAll, expect, test } from '@jest/globals';
import { startServer } from '../../src/api/index.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { seedGraph } from './seed.js';

const QUIET = { info() {}, warn() {}, error() {}, debug() {} };
const BODY = '{"query":"{ snapshot { id } }"}';
const HEAD = `POST /graphql HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(BODY)}\r\n\r\n`;

let graph: NewsGraph;
beforeAll(async () => {
  graph = await seedGraph();
});

/** A raw keep-alive connection: what it has received, and whether the server has closed it. */
interface Connection {
  readonly socket: Socket;
  received(): string;
  readonly closed: Promise<void>;
}

function open(port: number): Promise<Connection> {
  return new Promise((resolve, reject) => {
    let text = '';
    const socket = connect(port, '127.0.0.1');
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('error', () => undefined); // a cut connection may report a reset; 'close' is what is checked
    const closed = new Promise<void>((done) => socket.once('close', () => done()));
    socket.once('connect', () => resolve({ socket, received: () => text, closed }));
    socket.once('error', reject);
  });
}

async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what}: not within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 10));
  if (!condition()) throw new Error(`${what}: never`);
}

test('idle connections close at once, a request in flight is answered and then closed, close() resolves without waiting for the grace period', async () => {
  const server = await startServer({ graph, port: 0, handleSignals: false, logger: QUIET, shutdownGraceMs: 20_000 });
  const idle = await open(server.port);
  idle.socket.write(HEAD + BODY);
  await until(() => idle.received().includes('"snapshot"'), 'the first answer');
  const busy = await open(server.port);
  busy.socket.write(HEAD + BODY.slice(0, 10)); // in flight: half its body sent
  await new Promise((r) => setTimeout(r, 50));

  const started = Date.now();
  const closing = server.close();
  await within(idle.closed, 2_000, 'the idle keep-alive connection closed');
  expect(busy.socket.destroyed).toBe(false);
  busy.socket.write(BODY.slice(10));
  await within(busy.closed, 2_000, 'the busy connection closed after its answer');
  expect(busy.received()).toMatch(/^HTTP\/1\.1 200 /u);
  expect(busy.received()).toContain('"snapshot"');
  await within(closing, 2_000, 'close()');
  expect(Date.now() - started).toBeLessThan(5_000);
});

test('a request still unfinished at the end of the grace period has its connection cut', async () => {
  const server = await startServer({ graph, port: 0, handleSignals: false, logger: QUIET, shutdownGraceMs: 300 });
  const stuck = await open(server.port);
  stuck.socket.write(HEAD + BODY.slice(0, 10)); // and nothing more
  await new Promise((r) => setTimeout(r, 50));
  const started = Date.now();
  await within(server.close(), 3_000, 'close()');
  expect(Date.now() - started).toBeGreaterThanOrEqual(250);
  await within(stuck.closed, 1_000, 'the stuck connection cut');
  expect(stuck.received()).toBe('');
});
