/** Every example of the playground runs on the seed graph under the default limits, without an error. */
import { beforeAll, expect, test } from '@jest/globals';
import { executeQuery } from '../../src/api/index.js';
import { PLAYGROUND_EXAMPLES } from '../../src/api/examples.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { seedGraph } from './seed.js';

let graph: NewsGraph;
beforeAll(async () => {
  graph = await seedGraph();
});

test.each(PLAYGROUND_EXAMPLES.map((e) => [e.operationName, e] as const))('%s', async (_, example) => {
  const result = await executeQuery(graph, example.query, { variables: example.variables, operationName: example.operationName });
  expect(result.errors).toBeUndefined();
  expect(result.data).toBeDefined();
});
