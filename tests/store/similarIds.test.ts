/**
 * "Did you mean" over a corpus's ids through the count table (src/store/memory/similarIds.ts) suggests exactly
 * what comparing the id with every id does: for typos of real ids (a letter dropped, doubled, swapped,
 * replaced), fragments, case changes, words of other ids and strings near nothing.
 */
import { beforeAll, expect, test } from '@jest/globals';
import { buildGraph } from '../../src/build/index.js';
import { suggestions } from '../../src/didYouMean.js';
import { graphIndex, type GraphIndex } from '../../src/graph/indices.js';
import { similarIds } from '../../src/store/memory/similarIds.js';
import { generatedCorpus } from '../serving/corpus.js';

let index: GraphIndex;
let ids: string[];
beforeAll(async () => {
  index = graphIndex(await buildGraph(generatedCorpus(30)));
  ids = [...index.entityPosition.keys()];
});

function typos(id: string, i: number): string[] {
  const at = i % Math.max(1, id.length - 1);
  return [
    id.slice(0, at) + id.slice(at + 1), // dropped
    id.slice(0, at) + (id[at] ?? '') + id.slice(at), // doubled
    id.slice(0, at) + (id[at + 1] ?? '') + (id[at] ?? '') + id.slice(at + 2), // swapped
    id.slice(0, at) + 'q' + id.slice(at + 1), // replaced
    id.toUpperCase(),
    id.slice(0, 3),
    id.split('-').at(-1) ?? id,
    `${id}-x`,
  ];
}

test('the same suggestions as a scan of every id', () => {
  const inputs = ids.filter((_, i) => i % 20 === 0).flatMap((id, i) => typos(id, i));
  inputs.push('jonas-gahr-store', 'vladimir-putin', 'x', 'zz', 'no-such-entity-at-all', 'Støre', '', 'a'.repeat(200));
  let suggested = 0;
  for (const input of inputs) {
    const expected = suggestions(input, ids);
    expect([input, similarIds(index, input)]).toEqual([input, expected]);
    suggested += expected.length;
  }
  expect(suggested).toBeGreaterThan(inputs.length); // most typos do have suggestions: the comparison is not vacuous
});
