import { beforeAll, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { executeQuery } from '../../src/api/index.js';
import { buildGraph } from '../../src/build/index.js';
import { EXPORT_FORMATS } from '../../src/export/index.js';
import type { NewsGraph } from '../../src/graph/types.js';
import { PROJECT_ROOT } from '../utils/fixtures.js';

// The README tells the truth: every GraphQL example in it runs on the seed graph and answers something,
// and its exports table lists exactly the formats there are.
const README = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
const GRAPHQL_BLOCKS = [...README.matchAll(/```graphql\n([\s\S]*?)```/gu)].map((m) => m[1] ?? '');
// The commands table's `newsgraph query 'GRAPHQL'` is a placeholder, not an example.
const INLINE_QUERIES = [...README.matchAll(/newsgraph query '([^']+)'/gu)].map((m) => m[1] ?? '').filter((q) => q !== 'GRAPHQL');

let graph: NewsGraph;
beforeAll(async () => {
  graph = await buildGraph();
});

test('the README has GraphQL examples', () => {
  expect(GRAPHQL_BLOCKS.length).toBeGreaterThanOrEqual(5);
  expect(INLINE_QUERIES.length).toBeGreaterThanOrEqual(1);
});

test.each([...GRAPHQL_BLOCKS, ...INLINE_QUERIES].map((query, i) => [i, query] as const))('README example %i runs and answers', async (_i, query) => {
  const result = await executeQuery(graph, query);
  expect(result.errors).toBeUndefined();
  const answers = JSON.stringify(result.data);
  // Something was found: at least one name in the answer.
  expect(answers).toMatch(/"name":"[^"]+"/u);
});

test('the exports table lists every format, and only those', () => {
  const table = README.slice(README.indexOf('## Exports'));
  const listed = [...table.matchAll(/^\| `([a-z]+)` \|/gmu)].map((m) => m[1]);
  expect(listed.sort()).toEqual([...EXPORT_FORMATS].sort());
});
