/**
 * A server no single request can stall: each refusal names itself (read-only, tokens, execution budget,
 * body), slow or lying clients lose their socket, oversize bodies get a 413 the client reads, and nothing
 * of this is logged as an unexpected error. Real HTTP on loopback.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { connect } from 'node:net';
import { executeQuery } from '../../src/api/execute.js';
import { startServer, type RunningServer } from '../../src/api/server.js';
import { seedGraph } from '../api/seed.js';

let server: RunningServer;
const logged: string[] = [];
beforeAll(async () => {
  const log = (m?: unknown) => logged.push(String(m));
  // The execution budget is wall-clock time: on a loaded machine the oversized answer below can use up the
  // default 2 s before it passes 4 MB, and be refused as EXECUTION_TIMEOUT. A longer budget makes the response
  // size the limit that must stop it (the budget has its own tests in tests/hardening/executionBudget.test.ts).
  const limits = { maxExecutionMs: 60_000 };
  server = await startServer({ graph: await seedGraph(), port: 0, handleSignals: false, limits, logger: { debug() {}, info() {}, warn: log, error: log } });
}, 60_000);
afterAll(async () => server.close());

async function post(query: string, variables?: Record<string, unknown>): Promise<{ status: number; body: { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] } }> {
  const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return { status: response.status, body: (await response.json()) as never };
}

/** Sends `head` (and `body`) on a raw socket and resolves with what the server answered before it closed. */
function raw(head: string, body: Buffer | string = '', timeoutMs = 20_000): Promise<{ text: string; closedMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(server.port, '127.0.0.1');
    let text = '';
    socket.on('data', (d) => (text += d.toString('latin1')));
    socket.on('error', () => undefined); // a reset after the answer is fine: the answer is what counts
    socket.on('close', () => resolve({ text, closedMs: Date.now() - started }));
    socket.write(head);
    if (body.length > 0) socket.write(body);
    setTimeout(() => {
      socket.destroy();
      reject(new Error(`socket still open after ${timeoutMs} ms; got ${text.slice(0, 80)}`));
    }, timeoutMs).unref();
  });
}

test('a mutation is refused as such, not as an internal error', async () => {
  const { body } = await post('mutation { __typename }');
  expect(body.errors?.[0]?.extensions?.['code']).toBe('OPERATION_NOT_SUPPORTED');
});

test('depth, alias, nesting and fragment bombs are refused by our own limits', async () => {
  let nesting = '';
  for (let i = 0; i < 10_000; i++) nesting += '{ a ';
  const aliases = `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`;
  const fragments = `{ ...F0 } ${Array.from({ length: 500 }, (_, i) => `fragment F${i} on Query { __typename }`).join('\n')}`;
  for (const bomb of [nesting, aliases, fragments]) {
    const { body } = await post(bomb);
    expect(body.errors?.map((e) => e.extensions?.['code'])).toEqual(['TOO_MANY_TOKENS']);
  }
  let deep = 'id';
  for (let i = 0; i < 60; i++) deep = `entities { ${deep} }`;
  expect((await post(`{ ${deep} }`)).body.errors?.[0]?.extensions?.['code']).toBe('QUERY_TOO_DEEP');
});

test('variables nested thousands of levels deep are refused as such, over HTTP and in-process, twice (cache or none)', async () => {
  // Built as text: JSON.stringify itself overflows the stack on such values. Each body is under the 100 KB limit.
  const lists = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
  const objects = `${'{"a":'.repeat(3_000)}1${'}'.repeat(3_000)}`;
  const bodies = [
    `{"query":"query ($t: String!) { search(text: $t) { id } }","variables":{"t":${lists}}}`,
    `{"query":"query ($t: String!) { search(text: $t) { id } }","variables":{"t":${objects}}}`,
    `{"query":"{ __typename }","variables":{"undeclared":${lists}}}`,
  ];
  for (const body of [...bodies, ...bodies]) {
    const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const answer = (await response.json()) as { errors?: { message: string; extensions?: Record<string, unknown> }[] };
    expect(answer.errors?.map((e) => e.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors?.[0]?.message).toMatch(/nest more than 32 levels/u);
  }
  const variables = { t: JSON.parse(lists) as unknown };
  const inProcess = await executeQuery(await seedGraph(), 'query ($t: String!) { search(text: $t) { id } }', { variables });
  expect(inProcess.errors?.map((e) => e.extensions?.['code'])).toEqual(['BAD_USER_INPUT']);
  // A list of strings, as the schema's list arguments take, still passes.
  const fine = await post('query ($p: [String!]) { relations(predicate: $p, first: 1) { totalCount } }', { p: ['REJECTED'] });
  expect(fine.body.errors).toBeUndefined();
});

test('a document nested past what the parser can recurse gets a parse error that says so', async () => {
  // With maxTokens raised (or a parser not yet compiled), a list literal 50,000 levels deep overflows graphql-js's parser.
  const deep = `{ search(text: ${'['.repeat(50_000)}${']'.repeat(50_000)}) { id } }`;
  const answer = await executeQuery(await seedGraph(), deep, { limits: { maxTokens: 1_000_000 } });
  expect(answer.errors?.map((e) => e.extensions?.['code'])).toEqual(['GRAPHQL_PARSE_FAILED']);
  expect(answer.errors?.[0]?.message).toMatch(/nests too deeply to be parsed/u);
});

test('an accepted query whose answer is too large is stopped with one coded error', async () => {
  const worst = `{ ${Array.from({ length: 26 }, (_, i) => `a${i}: relations(first: 61) { edges { node { evidence { exact article { text } } } } }`).join(' ')} }`;
  const { body } = await post(worst);
  expect(body.errors?.map((e) => e.extensions?.['code'])).toEqual(['RESPONSE_TOO_LARGE']);
  expect(body.data).toBeUndefined();
});

test('did-you-mean is not computed for an id of 90 KB', async () => {
  const { body } = await post('query($id: ID!) { entity(id: $id) { id } }', { id: 'x'.repeat(90_000) });
  expect(JSON.stringify(body)).not.toContain('Did you mean');
});

test('a body shorter than its Content-Length loses its socket with a 408', async () => {
  const { text } = await raw(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n`, '{"query":');
  expect(text).toMatch(/^HTTP\/1\.1 408/);
}, 30_000);

test('a 10 MB body gets its 413, read by a client that is still sending', async () => {
  // Sent in 64 KB chunks a millisecond apart, as a client on a real link does: a server that closes on its
  // answer resets the connection under the client's next write, and the answer is often lost with it.
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const chunks = 160;
  const answers = await Promise.all(
    Array.from({ length: 5 }, () =>
      new Promise<string>((resolve) => {
        const socket = connect(server.port, '127.0.0.1');
        let text = '';
        socket.on('data', (d) => (text += d.toString('latin1')));
        socket.on('error', () => undefined);
        socket.on('close', () => resolve(text));
        socket.write(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${chunk.length * chunks}\r\nConnection: close\r\n\r\n`);
        let sent = 0;
        const send = (): void => {
          if (sent++ >= chunks || socket.destroyed) return;
          socket.write(chunk);
          setTimeout(send, 1);
        };
        send();
      }),
    ),
  );
  for (const text of answers) {
    expect(text).toMatch(/^HTTP\/1\.1 413/);
    expect(text).toContain('REQUEST_TOO_LARGE');
  }
}, 60_000);

test('with Expect: 100-continue, an oversize body is refused before it is sent', async () => {
  const { text } = await raw(`POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 10485760\r\nExpect: 100-continue\r\n\r\n`);
  expect(text).toMatch(/^HTTP\/1\.1 413/);
  expect(text).not.toContain('100 Continue');
});

test('with Expect: 100-continue, a body within the limit is answered', async () => {
  const body = JSON.stringify({ query: '{ __typename }' });
  const head = `POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`;
  const { text } = await raw(head, body);
  expect(text).toMatch(/^HTTP\/1\.1 100 Continue/);
  expect(text).toContain('"__typename":"Query"');
});

test('a connection that never sends a request is closed by the server', async () => {
  const { text } = await raw('');
  expect(text).toBe('');
}, 30_000);

test('a long baseIri is refused', async () => {
  const response = await fetch(`${server.url.replace('/graphql', '')}/export/turtle?baseIri=${'a'.repeat(10_000)}`);
  expect(response.status).toBe(400);
});

test('nothing above was logged as an unexpected error', () => {
  expect(logged.filter((l) => l.includes('unexpected'))).toEqual([]);
});
