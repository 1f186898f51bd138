/**
 * The list of bodies being read (body.ts): the idle sweep finds every silent body, wherever it sits in the list,
 * a body that ends or whose client leaves is taken out of it (first, middle or last), and none is left behind.
 * It is a list linked through the readers themselves rather than a Set, so that a cache hit leaves no garbage in the
 * old generation (docs/design-choices.md, section `front`); these tests hold the list to what the Set did.
 */
import { createServer, request, type ClientRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { bodiesBeingRead, ClientGoneError, readBodyThen } from '../../src/api/http/body.js';

const IDLE_MS = 200;

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let waited = 0; !condition(); waited += 10) {
    if (waited > 5_000) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('bodies being read, in a linked list', () => {
  let server: Server;
  let url: string;
  /** What each request's reader gave, by the request's `x-name` header; a name twice would be a reader told twice. */
  const outcomes: { name: string; outcome: string }[] = [];
  beforeAll(async () => {
    server = createServer((req: IncomingMessage, res) => {
      readBodyThen(
        req,
        1_000,
        (error, body) => {
          const outcome = error === null ? `ok ${body?.length ?? 0}` : error instanceof ClientGoneError ? `gone ${error.reason}` : error.name;
          outcomes.push({ name: String(req.headers['x-name']), outcome });
          if (!res.destroyed) res.end(outcome);
        },
        IDLE_MS,
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  /** A POST that declares 50 bytes and sends 10: its reader stays in the list until the sweep or the client ends it. */
  function silent(name: string): { req: ClientRequest; answer: Promise<string> } {
    const req = request(url, { method: 'POST', headers: { 'content-length': '50', 'x-name': name } });
    const answer = new Promise<string>((resolve) => {
      req.on('response', (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => {
          req.destroy();
          resolve(text);
        });
      });
      req.on('error', () => resolve('client error'));
    });
    req.write('0123456789');
    return { req, answer };
  }

  function whole(name: string, body: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const req = request(url, { method: 'POST', headers: { 'x-name': name } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve(text));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  test('silent bodies anywhere in the list expire once each; ended and aborted ones leave it; none is left', async () => {
    outcomes.length = 0;
    expect(bodiesBeingRead()).toBe(0);
    const first = silent('first');
    const middle = silent('middle');
    const last = silent('last');
    await until(() => bodiesBeingRead() === 3, 'three bodies being read');
    // Bodies that end are taken out at once (from the end of the list), while the three wait.
    expect(await whole('quick', '{"a":1}')).toBe('ok 7');
    expect(bodiesBeingRead()).toBe(3);
    // A client leaving mid-body takes its reader out of the middle of the list.
    middle.req.destroy();
    await until(() => outcomes.some((o) => o.name === 'middle'), 'the aborted body');
    expect(bodiesBeingRead()).toBe(2);
    // The sweep finds the first and the last, after the idle time, and the list is empty.
    expect(await first.answer).toBe('gone idle');
    expect(await last.answer).toBe('gone idle');
    expect(await middle.answer).toBe('client error');
    await new Promise((r) => setTimeout(r, IDLE_MS * 2)); // a second call to any reader would come now
    expect(outcomes.map((o) => `${o.name}: ${o.outcome}`).sort()).toEqual(['first: gone idle', 'last: gone idle', 'middle: gone aborted', 'quick: ok 7']);
    expect(bodiesBeingRead()).toBe(0);
    // The list is used again as usual once empty (the sweep stopped, and starts again with the next body).
    const again = silent('again');
    expect(await whole('after', '{"b":2}')).toBe('ok 7');
    expect(await again.answer).toBe('gone idle');
    expect(bodiesBeingRead()).toBe(0);
  }, 20_000);

  test('many bodies at once, ended in any order, leave an empty list', async () => {
    outcomes.length = 0;
    const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => whole(`n${i}`, 'x'.repeat(i))));
    expect(answers).toEqual(Array.from({ length: 40 }, (_, i) => `ok ${i}`));
    expect(bodiesBeingRead()).toBe(0);
  });
});
