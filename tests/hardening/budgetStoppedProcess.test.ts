/**
 * The execution budget does not charge an operation for time its server process was not running (a loaded machine's
 * wait for a core, a virtual machine's stolen time, a stopped process): the count of work (wall time within the
 * operation's runs) is lowered to the process's CPU time where that is less (src/api/executionBudget.ts). Before, at
 * load 15-20 on 2 cores, in-memory views of a few hundred ms of work were refused with EXECUTION_TIMEOUT.
 *
 * Made deterministic with signals: while a real `newsgraph serve` process (serving in its own process, not in the
 * server process it would start with its node flags) answers a question of 40-100 ms of work, it is stopped (SIGSTOP)
 * for STOP_MS, more than the budget, and let go (SIGCONT) for RUN_MS, again and again until the answer comes, so the
 * operation's runs are cut by stops each longer than its budget (BUDGET_MS, ten times its work): it must be answered
 * (the build before the change refused it with EXECUTION_TIMEOUT, 3 times in 3). The same question under the same stops with a budget below its work is still refused, so the
 * lowered count does not excuse real work.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import { SEED_DATA } from '../utils/fixtures.js';
import { postGraphQL } from '../serving/http.js';
import { spawnServe, waitFor, type ServeProcess } from '../serving/serveProcess.js';

/** 26 lists of 61 relations, each with its evidence, names and articles: about 100 ms of work on the seed graph, 650 KB. */
const QUESTION = `{ ${Array.from({ length: 26 }, (_, i) => `a${i}: relations(first: 61) { edges { node { evidence { exact prefix suffix article { title } } subject { name } object { name } } } }`).join(' ')} }`;
const BUDGET_MS = 300;
/** Each stop alone is over the budget: one that falls within the operation's runs passes it. */
const STOP_MS = 400;
/** Running time between two stops: short against the operation's work, so that stops fall within it. */
const RUN_MS = 10;

const started: ServeProcess[] = [];
afterEach(async () => {
  for (const server of started.splice(0)) {
    if (server.child.exitCode !== null) continue;
    server.child.kill('SIGCONT');
    server.child.kill('SIGTERM');
    await server.exited;
  }
});

async function serve(maxExecutionMs: number): Promise<{ server: ServeProcess; graphql: string }> {
  // No response cache: the question is executed every time it is asked.
  const args = ['--data', SEED_DATA, '--port', '0', '--response-cache-mb', '0', '--max-execution-ms', String(maxExecutionMs), '--max-wall-clock-ms', '120000'];
  const server = spawnServe(args, { serveItself: true });
  started.push(server);
  const [, graphql] = await waitFor(server.out, /GraphQL and playground: (\S+)/, 'the server to listen');
  return { server, graphql: graphql ?? '' };
}

interface Answer {
  readonly data?: unknown;
  readonly errors?: readonly { readonly extensions?: { readonly code?: string } }[];
}

/** Asks QUESTION while stopping and continuing the server's process until the answer comes; returns it and how many stops fell while it was asked. */
async function askThroughStops(server: ServeProcess, graphql: string): Promise<{ answer: Answer; stops: number }> {
  let answered = false;
  let stops = 0;
  const stopping = (async () => {
    while (!answered) {
      await new Promise((resolve) => setTimeout(resolve, RUN_MS));
      if (answered) break;
      server.child.kill('SIGSTOP');
      stops++;
      await new Promise((resolve) => setTimeout(resolve, STOP_MS));
      server.child.kill('SIGCONT');
    }
  })();
  const response = await postGraphQL(graphql, QUESTION).finally(() => (answered = true));
  await stopping;
  return { answer: JSON.parse(response.body.toString()) as Answer, stops };
}

const codes = (answer: Answer): (string | undefined)[] => (answer.errors ?? []).map((e) => e.extensions?.code);

describe('the execution budget and a server process that is not running', () => {
  test('an operation far within its budget is answered though stops longer than its budget cut its runs', async () => {
    const { server, graphql } = await serve(BUDGET_MS);
    // Warm: the first execution also compiles the code paths.
    expect(codes(JSON.parse((await postGraphQL(graphql, QUESTION)).body.toString()) as Answer)).toEqual([]);
    const { answer, stops } = await askThroughStops(server, graphql);
    expect(codes(answer)).toEqual([]);
    // Stops fell while it was asked, after the first (which may come before its execution starts).
    expect(stops).toBeGreaterThanOrEqual(2);
    expect(Object.keys(answer.data as object)).toHaveLength(26);
  }, 120_000);

  test('an operation that works past its budget is still refused under the same stops', async () => {
    const { server, graphql } = await serve(5);
    const { answer } = await askThroughStops(server, graphql);
    expect(codes(answer)).toEqual(['EXECUTION_TIMEOUT']);
  }, 120_000);
});
