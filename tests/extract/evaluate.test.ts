/**
 * Quality gates of the offline extractor, measured by `newsgraph evaluate` against hand-checked gold
 * encodings. The development set's thresholds are the targets; the held-out set (gold written by
 * hand before the extractor ever ran on it) asserts the level reached, so that a regression fails.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { buildGraph } from '../../src/build/index.js';
import { evaluateDirectories, evaluateGraphs, type Evaluation } from '../../src/extract/index.js';
import { PROJECT_ROOT, copyData, removeDir } from '../utils/fixtures.js';
import { validateData } from '../../src/build/index.js';
import { BLIND_GOLD, BLIND_TEXTS, DEV_GOLD, DEV_TEXTS, HELDOUT_GOLD, HELDOUT_TEXTS, UNSEEN_GOLD, UNSEEN_TEXTS, draftDirectory, textsOf } from './devSet.js';

const drafts: string[] = [];
afterAll(() => drafts.forEach(removeDir));

describe('development set (13 articles): the issue targets', () => {
  let result: Evaluation;
  beforeAll(async () => {
    const dir = await draftDirectory(DEV_TEXTS);
    drafts.push(dir);
    result = await evaluateDirectories(DEV_GOLD, dir);
  });
  test('compares every article of the set', () => {
    expect(result.articles.sort()).toEqual(textsOf(DEV_TEXTS).map((t) => t.id));
  });
  test('typed relations: precision ≥ 0.75, recall ≥ 0.45', () => {
    expect(result.relations.precision).toBeGreaterThanOrEqual(0.75);
    expect(result.relations.recall).toBeGreaterThanOrEqual(0.45);
  });
  test('entity mentions: recall of known entities ≥ 0.95, of new ones ≥ 0.75', () => {
    expect(result.mentionsKnown.recall).toBeGreaterThanOrEqual(0.95);
    expect(result.mentionsNew.recall).toBeGreaterThanOrEqual(0.75);
  });
  test('polarity ≥ 0.95 on matched relations; asserter ≥ 0.90 on matched claims', () => {
    expect(result.polarityMatches).toBeGreaterThan(10);
    expect(result.polarityAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.asserterMatches).toBeGreaterThan(5);
    expect(result.asserterAccuracy).toBeGreaterThanOrEqual(0.9);
  });
  test('events and attribution: the levels reached (regression guard)', () => {
    expect(result.events.recall).toBeGreaterThanOrEqual(0.8);
    expect(result.attribution.recall).toBeGreaterThanOrEqual(0.8);
    expect(result.attribution.precision).toBeGreaterThanOrEqual(0.9);
  });
});

describe('held-out set (3 articles, never tuned on): the levels reached', () => {
  let result: Evaluation;
  beforeAll(async () => {
    const dir = await draftDirectory(HELDOUT_TEXTS);
    drafts.push(dir);
    result = await evaluateDirectories(HELDOUT_GOLD, dir);
  });
  test('precision holds; recall is below the dev set (the gap is documented in docs/extraction.md)', () => {
    expect(result.articles).toHaveLength(3);
    expect(result.relations.precision).toBeGreaterThanOrEqual(0.75);
    expect(result.relations.recall).toBeGreaterThanOrEqual(0.7); // 0.74 (14 of 19) reached
    expect(result.mentionsKnown.recall).toBeGreaterThanOrEqual(0.95);
    expect(result.mentionsNew.recall).toBeGreaterThanOrEqual(0.75);
    expect(result.polarityAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.asserterAccuracy).toBeGreaterThanOrEqual(0.9);
  });
});

describe('unseen set (3 articles, measured once, never tuned on): the levels reached', () => {
  let result: Evaluation;
  beforeAll(async () => {
    const dir = await draftDirectory(UNSEEN_TEXTS);
    drafts.push(dir);
    result = await evaluateDirectories(UNSEEN_GOLD, dir);
  });
  test('relations and mentions reach the targets (relations 1.00 / 0.75, new-entity mentions 0.80)', () => {
    expect(result.articles).toHaveLength(3);
    expect(result.relations.precision).toBeGreaterThanOrEqual(0.75);
    expect(result.relations.recall).toBeGreaterThanOrEqual(0.7);
    expect(result.mentionsKnown.recall).toBeGreaterThanOrEqual(0.95);
    expect(result.mentionsNew.recall).toBeGreaterThanOrEqual(0.75);
    expect(result.polarityAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});

describe('blind set (6 articles, gold written before the extractor ran on them, never tuned on): the levels reached', () => {
  let result: Evaluation;
  let dir: string;
  beforeAll(async () => {
    dir = await draftDirectory(BLIND_TEXTS);
    drafts.push(dir);
    result = await evaluateDirectories(BLIND_GOLD, dir);
  });
  test('every draft validates (quotes verbatim: the builder anchors each one)', async () => {
    expect(result.articles.sort()).toEqual(textsOf(BLIND_TEXTS).map((t) => t.id));
    expect(await validateData(dir)).toEqual([]);
  });
  test('reached: relation precision, known-entity mentions, polarity, asserter (0.96 on 26 matched claims, was 0.83)', () => {
    expect(result.relations.precision).toBeGreaterThanOrEqual(0.75);
    expect(result.mentionsKnown.recall).toBeGreaterThanOrEqual(0.95);
    expect(result.polarityMatches).toBeGreaterThan(30);
    expect(result.polarityAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(result.asserterMatches).toBeGreaterThan(20);
    expect(result.asserterAccuracy).toBeGreaterThanOrEqual(0.9);
  });
  test('not reached (docs/extraction.md): relation recall 0.40 < 0.45, new-entity mentions 0.74 < 0.75; held at those levels', () => {
    expect(result.relations.recall).toBeGreaterThanOrEqual(0.39);
    expect(result.mentionsNew.recall).toBeGreaterThanOrEqual(0.73);
    expect(result.attribution.recall).toBeGreaterThanOrEqual(0.55);
  });
});

describe('the evaluator itself', () => {
  test('gold against itself scores 1 everywhere', async () => {
    const gold = await buildGraph(DEV_GOLD);
    const ids = textsOf(DEV_TEXTS).map((t) => t.id);
    const self = evaluateGraphs(gold, gold, ids);
    // Every gold entity is unmarked, so all count as known here.
    for (const s of [self.mentionsKnown, self.relations, self.events, self.attribution]) {
      expect(s.gold).toBeGreaterThan(0);
      expect([s.precision, s.recall]).toEqual([1, 1]);
    }
    expect(self.polarityAccuracy).toBe(1);
    expect(self.asserterAccuracy).toBe(1);
  });

  test('a flipped polarity is counted against polarity and the relation; a wrong speaker against the asserter', async () => {
    const copy = copyData(DEV_GOLD);
    drafts.push(copy);
    const file = join(copy, 'articles', 'nato-summit-quotes.yaml');
    const text = readFileSync(file, 'utf8');
    const flipped = text.replace(/(predicate: CRITICIZED\n {4}object: russia\n {4})negated: true/u, '$1negated: false').replace(/subject: volodymyr-zelensky\n(\s+)predicate: ASSERTED/u, 'subject: viktor-orban\n$1predicate: ASSERTED');
    expect(flipped).not.toBe(text);
    writeFileSync(file, flipped);
    const result = await evaluateDirectories(DEV_GOLD, copy);
    expect(result.articles).toEqual(['nato-summit-quotes']);
    expect(result.polarityAccuracy).toBeLessThan(1);
    expect(result.relations.recall).toBeLessThan(1);
    expect(result.asserterAccuracy).toBeLessThan(1);
  });

  test('newsgraph evaluate prints the figures; with no article to compare it says so instead of perfect scores', () => {
    const bin = join(PROJECT_ROOT, 'dist', 'cli', 'bin.js');
    // A copy whose one article is written differently (a comment) but encodes the same facts: compared, all 1.00.
    const copy = copyData(DEV_GOLD);
    drafts.push(copy);
    const file = join(copy, 'articles', 'nato-summit-quotes.yaml');
    writeFileSync(file, `# reviewed again\n${readFileSync(file, 'utf8')}`);
    const run = spawnSync(process.execPath, [bin, 'evaluate', DEV_GOLD, copy], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/typed relations\s+1\.00\s+1\.00/u);
    const json = spawnSync(process.execPath, [bin, 'evaluate', DEV_GOLD, copy, '--json'], { encoding: 'utf8' });
    expect(JSON.parse(json.stdout)).toMatchObject({ articles: ['nato-summit-quotes'] });
    // The same directory twice (every article identical), or directories with no article in common: refused.
    const same = spawnSync(process.execPath, [bin, 'evaluate', DEV_GOLD, DEV_GOLD], { encoding: 'utf8' });
    expect(same.status).toBe(1);
    expect(same.stderr).toMatch(/nothing to evaluate: every article in both is encoded identically/u);
    const apart = spawnSync(process.execPath, [bin, 'evaluate', DEV_GOLD, join(PROJECT_ROOT, 'tests', 'fixtures', 'seed')], { encoding: 'utf8' });
    expect(apart.status).toBe(1);
    expect(apart.stderr).toMatch(/nothing to evaluate: no article id is in both \(.* has \d+ article\(s\), .* 1; 0 in both\)/u);
    expect(apart.stdout).toBe('');
  });
});
