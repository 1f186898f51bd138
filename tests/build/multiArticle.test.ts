import { afterAll, expect, test } from '@jest/globals';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph } from '../../src/build/index.js';
import { graphStats } from '../../src/graph/stats.js';
import { FIXTURES, SEED_DATA, copyData, removeDir } from '../utils/fixtures.js';

// The seed data plus a second small article that refers to the seed's entities by id.
const data = copyData(SEED_DATA);
for (const file of ['follow-up.yaml', 'follow-up.txt']) {
  copyFileSync(join(FIXTURES, 'second-article', file), join(data, 'articles', file));
}
afterAll(() => removeDir(join(data, '..')));

test('two articles build one graph in which shared entities carry evidence from both', async () => {
  const graph = await buildGraph(data);
  // Publication order: the dated seed first, the undated fixture last.
  expect(graph.getAttribute('articles').map((a) => a.id)).toEqual(['ukraine-peace-talks-2025-04', 'follow-up']);
  const witkoff = graph.getNodeAttributes('steve-witkoff');
  expect(witkoff.articles).toEqual(expect.arrayContaining(['follow-up', 'ukraine-peace-talks-2025-04']));
  expect(new Set(witkoff.evidence.map((e) => e.article))).toEqual(new Set(['follow-up', 'ukraine-peace-talks-2025-04']));
});

test("the second article's facts join the seed's: a planned meeting there, a meeting held here", async () => {
  const graph = await buildGraph(data);
  const between = (predicate: string) =>
    graph.filterEdges((_, r) => r.predicate === predicate && [r.subject, r.object].sort().join(' ') === 'steve-witkoff vladimir-putin');
  // The seed implies earlier meetings ("for a fourth time"); the follow-up's meeting is projected from its event.
  const met = between('MET_WITH').map((id) => graph.getEdgeAttributes(id)).filter((r) => r.origin === 'projection');
  expect(met).toHaveLength(1);
  expect(met[0]).toMatchObject({ event: 'witkoff-putin-fourth-meeting', modality: 'asserted' });
  expect(met[0]?.evidence[0]?.article).toBe('follow-up');
  expect(between('PLANS_TO_MEET').map((id) => graph.getEdgeAttribute(id, 'evidence')[0]?.article)).toEqual(['ukraine-peace-talks-2025-04']);
  const denied = graph.filterEdges('ukraine', 'russia-backs-framework', (_, r) => r.predicate === 'DENIED');
  expect(denied).toHaveLength(1);
});

test('coverage is reported per article', async () => {
  const stats = graphStats(await buildGraph(data));
  const followUp = stats.articles.find((a) => a.article === 'follow-up');
  // Its first sentence says only that it is a fixture: no fact, and stats says so.
  expect(followUp).toMatchObject({ sentences: 3, covered: 2 });
  expect(followUp?.uncovered.map((u) => u.index)).toEqual([0]);
});
