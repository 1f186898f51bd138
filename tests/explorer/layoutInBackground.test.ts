/**
 * The explorer's layout computed in a worker thread (src/graph/layoutInBackground.ts), as a server starts it for a
 * large graph: the positions are those the graph's own layout gives, entity for entity. Through the compiled modules
 * in a child process, since the worker runs compiled code (npm test builds it first): from the sources, under the
 * test runner, there is no worker to start and the first explore lays the graph out itself.
 */
import { expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { generatedCorpus } from '../serving/corpus.js';
import { PROJECT_ROOT } from '../utils/fixtures.js';

const DIST = join(PROJECT_ROOT, 'dist');

test('a worker lays a graph out as the graph itself would, and a second start waits for the same work', () => {
  const data = generatedCorpus(300);
  const script = `
    const { buildGraph } = await import(${JSON.stringify(join(DIST, 'build', 'index.js'))});
    const { graphLayout, hasLayout } = await import(${JSON.stringify(join(DIST, 'graph', 'layout.js'))});
    const { layOutInBackground, layoutReady } = await import(${JSON.stringify(join(DIST, 'graph', 'layoutInBackground.js'))});
    const graph = await buildGraph(${JSON.stringify(data)});
    const here = await buildGraph(${JSON.stringify(data)});
    const started = layOutInBackground(graph, 1);
    const before = hasLayout(graph);
    const again = layOutInBackground(graph, 1) === started;
    await layoutReady(graph);
    // Only the worker's answer lays the graph out by now: graphLayout below would otherwise compute it here.
    const byWorker = hasLayout(graph);
    const fromWorker = graphLayout(graph);
    const fromGraph = graphLayout(here);
    let same = 0;
    for (const [id, at] of fromGraph) if (fromWorker.get(id)?.x === at.x && fromWorker.get(id)?.y === at.y) same++;
    // Below the threshold, nothing is started.
    const small = await buildGraph(${JSON.stringify(data)});
    await layOutInBackground(small);
    console.log(JSON.stringify({ entities: graph.order, same, before, again, byWorker, small: hasLayout(small) }));
  `;
  const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 120_000 });
  expect(run.stderr).toBe('');
  const result = JSON.parse(run.stdout) as { entities: number; same: number; before: boolean; again: boolean; byWorker: boolean; small: boolean };
  // More entities than the layout's core, so that the placement around the core is compared too.
  expect(result.entities).toBeGreaterThan(2_000);
  expect(result.same).toBe(result.entities);
  expect(result.before).toBe(false);
  expect(result.again).toBe(true);
  expect(result.byWorker).toBe(true);
  expect(result.small).toBe(false);
}, 180_000);
