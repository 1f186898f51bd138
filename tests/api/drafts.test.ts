/**
 * Drafted relations (`newsgraph extract` marks them `draft:` until a reviewer deletes the mark) are visible
 * and filterable through the API: `Relation.draft` and `Query.relations(draft:)`.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApolloServer } from '../../src/api/index.js';
import { buildGraph } from '../../src/build/index.js';
import { SEED_DATA, copyData, removeDir } from '../utils/fixtures.js';
import { askInProcess, type Ask } from './seed.js';

let dir: string;
let ask: Ask;

beforeAll(async () => {
  dir = copyData(SEED_DATA);
  // Mark the article's first stated relation (Trump HOLDS_POSITION President) as a draft, as extract writes it.
  const file = join(dir, 'articles', 'ukraine-peace-talks-2025-04.yaml');
  const text = readFileSync(file, 'utf8');
  const first = '  - subject: donald-trump\n    predicate: HOLDS_POSITION\n';
  expect(text.indexOf(first)).toBeGreaterThan(text.indexOf('relations:'));
  writeFileSync(file, text.replace(first, `${first}    draft: { rule: "title+name", confidence: 0.9 }\n`));
  ask = askInProcess(createApolloServer(await buildGraph(dir)));
});

afterAll(() => removeDir(join(dir, '..')));

const RELATIONS = `query($draft: Boolean) {
  relations(draft: $draft, first: 200) { totalCount edges { node { id draft predicate subject { id } } } }
}`;

interface RelationsAnswer {
  relations: { totalCount: number; edges: { node: { id: string; draft: boolean; predicate: string; subject: { id: string } } }[] };
}

test('the drafted relation says so, and draft: true keeps only it', async () => {
  const drafts = (await ask(RELATIONS, { draft: true })).data as unknown as RelationsAnswer;
  expect(drafts.relations.edges.map((e) => [e.node.subject.id, e.node.predicate, e.node.draft])).toEqual([['donald-trump', 'HOLDS_POSITION', true]]);
});

test('draft: false leaves it out, and no filter returns both', async () => {
  const all = (await ask(RELATIONS, {})).data as unknown as RelationsAnswer;
  const reviewed = (await ask(RELATIONS, { draft: false })).data as unknown as RelationsAnswer;
  expect(reviewed.relations.totalCount).toBe(all.relations.totalCount - 1);
  expect(reviewed.relations.edges.every((e) => !e.node.draft)).toBe(true);
  expect(all.relations.edges.filter((e) => e.node.draft)).toHaveLength(1);
});
