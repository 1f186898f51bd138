/**
 * `build --reviewed-only` (buildGraph's `reviewedOnly`) on a fact that one article states as reviewed and
 * another still as a draft of `newsgraph extract`: the reviewed graph keeps the fact with the reviewed
 * article's evidence only, never the draft's words or its article (merging must not launder a draft).
 * On a copy of the small invented corpus tests/fixtures/data/corpus.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph } from '../../src/build/index.js';
import type { NewsGraph } from '../../src/graph/types.js';
import { copyData, FIXTURES, removeDir } from '../utils/fixtures.js';

const FACT = 'anna-berg--holds-position--norland';
let dir: string;
let full: NewsGraph;
let reviewed: NewsGraph;

beforeAll(async () => {
  dir = copyData(join(FIXTURES, 'data', 'corpus'));
  // berg-lind-meet states the position the earlier coming-meeting also states: mark its statement a draft.
  const file = join(dir, 'articles', 'berg-lind-meet.yaml');
  const before = readFileSync(file, 'utf8');
  const marked = before.replace(
    '    properties: { title: prime  minister }\n    evidence: Prime Minister Anna Berg\n',
    '    properties: { title: prime  minister }\n    evidence: Prime Minister Anna Berg\n    draft: { rule: title-of-state, confidence: 0.8 }\n',
  );
  expect(marked).not.toBe(before);
  writeFileSync(file, marked);
  full = await buildGraph(dir);
  reviewed = await buildGraph(dir, { reviewedOnly: true });
});

afterAll(() => removeDir(dir));

const articlesOf = (graph: NewsGraph) => [...new Set(graph.getEdgeAttribute(FACT, 'evidence').map((e) => e.article))];

describe('a reviewed fact that a draft also states', () => {
  test('the full build merges both statements, and the fact is reviewed (one statement of it is)', () => {
    expect(articlesOf(full)).toEqual(['coming-meeting', 'berg-lind-meet']);
    expect(full.getEdgeAttribute(FACT, 'draft')).toBeUndefined();
  });

  test('the reviewed build keeps the fact with the reviewed statement only', () => {
    expect(reviewed.hasEdge(FACT)).toBe(true);
    expect(articlesOf(reviewed)).toEqual(['coming-meeting']);
    expect(reviewed.getEdgeAttribute(FACT, 'draft')).toBeUndefined();
  });

  test('nothing else changes: every other relation of the reviewed build is in the full build, with the same evidence', () => {
    reviewed.forEachEdge((id, r) => {
      if (id === FACT) return;
      expect(full.getEdgeAttributes(id).evidence).toEqual(r.evidence);
    });
    expect(reviewed.size).toBe(full.size);
  });
});
