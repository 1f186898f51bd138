/**
 * answerDrained over a real loopback connection: a client that reads lets the writer go on, one that reads nothing
 * is given up on after the stall time (the writer is told, and can cut the answer), one that leaves is noticed.
 */
import { afterEach, expect, test } from '@jest/globals';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { answerDrained } from '../../src/api/http/answerDrained.js';
import { ClientGoneError } from '../../src/api/http/body.js';

const servers: Server[] = [];
const sockets: Socket[] = [];
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const server of servers.splice(0)) await new Promise((resolve) => server.close(resolve));
});

/** A server whose one answer writes 1 MiB pieces, waiting with answerDrained after each, up to 64 MiB; resolves with how it ended. */
async function writer(stallMs: number): Promise<{ port: number; ended: Promise<{ written: number; error?: unknown }> }> {
  let done: (value: { written: number; error?: unknown }) => void = () => undefined;
  const ended = new Promise<{ written: number; error?: unknown }>((resolve) => (done = resolve));
  const piece = Buffer.alloc(1024 * 1024, 'x');
  const server = createServer((_req, res: ServerResponse) => {
    void (async () => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      let written = 0;
      try {
        while (written < 64) {
          res.write(piece);
          written += 1;
          await answerDrained(res, stallMs);
        }
        res.end();
        done({ written });
      } catch (error) {
        res.destroy();
        done({ written, error });
      }
    })();
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as AddressInfo).port, ended };
}

function ask(port: number, read: boolean): Socket {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  socket.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n');
  if (read) socket.resume();
  else socket.pause();
  return socket;
}

test('a client that reads takes the whole answer', async () => {
  const { port, ended } = await writer(2_000);
  ask(port, true);
  expect(await ended).toEqual({ written: 64 });
});

test('a client that reads nothing is given up on after the stall time, long before the answer is written', async () => {
  const { port, ended } = await writer(300);
  const started = Date.now();
  ask(port, false);
  const { written, error } = await ended;
  expect(error).toBeInstanceOf(ClientGoneError);
  expect((error as ClientGoneError).reason).toBe('stalled');
  expect((error as ClientGoneError).message).toBe('the client took none of the answer for 300 ms');
  expect(written).toBeLessThan(64);
  expect(Date.now() - started).toBeGreaterThanOrEqual(300);
});

test('a client that leaves while the writer waits is noticed as gone', async () => {
  const { port, ended } = await writer(30_000);
  const socket = ask(port, false);
  setTimeout(() => socket.destroy(), 200);
  const { error } = await ended;
  expect((error as ClientGoneError).reason).toBe('aborted');
});
