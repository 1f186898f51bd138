/**
 * "Did you mean" over PostgreSQL (nearIds.ts): the candidate ids are read once per corpus and kept, not on every
 * unknown id (at 100,000 articles that read was 50,000 ids per request); the suggestions are still exactly those of
 * `suggestions` over the same ids, in the same order, measured for fewer of them (a tighter character-count bound,
 * a bound that tightens once three are found, a banded edit distance); and a new load is suggested from at once.
 */
import { describe, expect, test } from '@jest/globals';
import { boundedEditDistance, suggestions } from '../../src/didYouMean.js';
import type { NewsGraph } from '../../src/graph/types.js';
import { memoryStore } from '../../src/store/index.js';
import { loadGraphIntoPostgres } from '../../src/store/postgres/index.js';
import { bandedEditDistance, candidateTable, nearestIn } from '../../src/store/postgres/nearIds.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { postgresFixture } from '../utils/postgresFixture.js';
import { addEntity, emptyNewsGraph, fuzzStrings } from '../utils/sampleGraph.js';

/** Ids shaped like a generated corpus's (names, articles' events and claims), some near each other. */
function idsLike(count: number, salt: string): string[] {
  const syllables = ['ga', 'vess', 'or', 'dor', 'core', 'nor', 'zen', 'vin', 'mi', 'bre', 'hu', 'jo', 'nas', 'put', 'in', 'st'];
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const word = (n: number): string => Array.from({ length: 2 + (n % 3) }, (_, k) => syllables[(n * 7 + k * 5 + i) % syllables.length]).join('');
    if (i % 3 === 0) ids.push(`article-${String(i).padStart(5, '0')}-event-${i % 9}`);
    else ids.push(`${word(i)}-${word(i * 3 + 1)}${salt}`);
  }
  return [...new Set(ids)];
}

describe('near ids, measured for fewer', () => {
  test('the banded edit distance is the bounded one: exact within the bound, past it otherwise', () => {
    const strings = [...fuzzStrings(['a', 'b', 'é', '-'], 4)].concat(['abcdefgh', 'hgfedcba', 'jonas-gahr-store', 'jonas-gavessor']);
    const wrong: unknown[] = [];
    let compared = 0;
    for (const a of strings.filter((_, i) => i % 5 === 0)) {
      for (const b of strings) {
        const exact = boundedEditDistance(a, b, Number.POSITIVE_INFINITY);
        for (const bound of [0, 1, 2, 3, 6, Number.POSITIVE_INFINITY]) {
          const banded = bandedEditDistance(a, b, bound);
          compared++;
          if (exact <= bound ? banded !== exact : banded <= bound) wrong.push({ a, b, bound, exact, banded });
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(compared).toBeGreaterThan(100_000);
  });

  test('the same suggestions, in the same order, as suggestions() over every candidate', () => {
    const tiny = [...fuzzStrings(['a', 'B', 'é', '-'], 4)];
    const tinyTable = candidateTable(tiny);
    const differ: unknown[] = [];
    for (const input of tiny.filter((_, i) => i % 5 === 0)) {
      const [expected, actual] = [suggestions(input, tiny), nearestIn(tinyTable, input)];
      if (JSON.stringify(actual) !== JSON.stringify(expected)) differ.push({ input, expected, actual });
    }
    expect(differ).toEqual([]);
    const ids = idsLike(2_000, '');
    const table = candidateTable(ids);
    const inputs = ['jonas-gahr-store', 'vladimir-putin', 'article-00042-event-3', 'article-0042-event', 'x', 'zz', 'GAVESS', 'a'.repeat(200), ''];
    for (const [i, id] of ids.entries()) if (i % 61 === 0) inputs.push(id.slice(1), `${id}x`, id.toUpperCase(), id.slice(0, 4), id.replace(/[aeiou]/u, 'q'));
    let suggested = 0;
    for (const input of inputs) {
      const expected = suggestions(input, ids);
      expect([input, nearestIn(table, input)]).toEqual([input, expected]);
      suggested += expected.length;
    }
    expect(suggested).toBeGreaterThan(inputs.length); // most inputs have suggestions: the comparison is not vacuous
  });
});


function graphOf(ids: readonly string[]): NewsGraph {
  const graph = emptyNewsGraph();
  for (const id of ids) addEntity(graph, { id, kind: 'PERSON', name: id, properties: {} });
  return graph;
}

describePostgres('did you mean over PostgreSQL', () => {
  const fixture = postgresFixture(() => graphOf(idsLike(1_200, '')));

  test('the candidates are read once per corpus, the suggestions are the in-memory store\u2019s, and a new load is suggested from', async () => {
    const first = graphOf(idsLike(1_200, ''));
    const memory = memoryStore(first);
    const inputs = ['jonas-gahr-store', 'gavessor-dor', 'article-00043-event-7', 'hubre', 'nasput-inst', 'zz'];
    await fixture.store.identity(); // the corpus figures read, and the store listening for loads
    // Statements besides the corpus figures (read again after TRUST_NOTIFICATIONS_MS, should a slow machine get there).
    const sent = (): number => fixture.store.statementCount - fixture.store.metaReadCount;
    const before = sent();
    for (const input of inputs) expect([input, await fixture.store.similarIds(input)]).toEqual([input, await memory.similarIds(input)]);
    // One statement for all the unknown ids: the candidates, read at the first and kept.
    expect(sent() - before).toBe(1);
    expect(fixture.store.nearIdsReadCount).toBe(1);
    // Through a path between unknown ids too: the entity look-ups only, no candidates read again.
    const lookups = sent();
    const typo = `${idsLike(1_200, '')[1] ?? ''}x`;
    await expect(fixture.store.path(typo, 'gavessor-dor', 4)).rejects.toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining(`from: no entity with id "${typo}". Did you mean`) });
    expect(sent() - lookups).toBeLessThanOrEqual(1);

    // Another corpus loaded: its own ids are suggested (read again, once).
    const second = graphOf(idsLike(900, '-b'));
    const { identity } = await loadGraphIntoPostgres(fixture.url, second);
    const deadline = Date.now() + 5_000;
    while ((await fixture.store.identity()).id !== identity.id && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    const other = memoryStore(second);
    for (const input of inputs) expect([input, await fixture.store.similarIds(input)]).toEqual([input, await other.similarIds(input)]);
    expect(fixture.store.nearIdsReadCount).toBe(2);
    expect((await fixture.store.similarIds('gavessor-dor')).every((id) => id.endsWith('-b') || id.startsWith('article-'))).toBe(true);
  });
});
