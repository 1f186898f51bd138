/** The GraphQL-over-HTTP conformance audits of graphql-http, run against our server: every MUST passes. */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { serverAudits, type AuditResult } from 'graphql-http';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { seedGraph } from './seed.js';

let server: RunningServer;
let results: AuditResult[];
let elapsedMs: number;

beforeAll(async () => {
  server = await startServer({ graph: await seedGraph(), port: 0, handleSignals: false });
  const started = performance.now();
  results = await Promise.all(serverAudits({ url: server.url, fetchFn: fetch }).map((audit) => audit.fn()));
  elapsedMs = performance.now() - started;
});
afterAll(async () => {
  await server.close();
});

test('every MUST audit passes', () => {
  const must = results.filter((r) => r.name.startsWith('MUST'));
  const failed = must.filter((r) => r.status !== 'ok').map((r) => `${r.id} ${r.name}: ${'reason' in r ? r.reason : ''}`);
  expect(failed).toEqual([]);
  expect(must.length).toBeGreaterThanOrEqual(10);
  const summary = (level: string): string => {
    const of = results.filter((r) => r.name.startsWith(level));
    return `${of.filter((r) => r.status === 'ok').length}/${of.length} ${level}`;
  };
  // For the record (the report quotes it): how conformant beyond MUST, and how long the audit took.
  console.info(`graphql-http audits: ${summary('MUST')}, ${summary('SHOULD')}, ${summary('MAY')} passed in ${Math.round(elapsedMs)} ms`);
  for (const r of results) if (r.status !== 'ok') console.info(`  ${r.status}: ${r.id} ${r.name}: ${r.reason}`);
});
