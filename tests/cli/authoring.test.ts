import { afterAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { buildGraph } from '../../src/build/index.js';
import { createCli } from '../../src/cli/cli.js';
import { formatReview } from '../../src/cli/commands/show.js';
import { reviewArticle } from '../../src/graph/articleReview.js';
import { PREDICATES } from '../../src/ontology/index.js';
import { FIXTURES, removeDir, tempDir } from '../utils/fixtures.js';
import { writeDataDir } from '../utils/dataDir.js';

// The authoring commands in-process: show (text beside its encoding), vocabulary, stats' facts per
// sentence, and the layering options of validate and build.

const STANDALONE = join(FIXTURES, 'data', 'standalone');

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await createCli().run(argv, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

function fail(): never {
  throw new Error('no such article');
}

const work = tempDir();
afterAll(() => removeDir(work));

describe('newsgraph show', () => {
  test('prints each sentence with the facts drawn from it: negation, modality, attribution, events, claims', async () => {
    const { code, out } = await run('show', 'oslo-follow-up', '--data', STANDALONE);
    expect(code).toBe(0);
    const blocks = out.split('\n\n');
    const sentence = (n: number) => blocks.find((b) => b.startsWith(`[S${n}] `)) ?? '';
    expect(sentence(0)).toContain('HOLDS_POSITION anna-berg → norway  { title: Prime Minister }');
    expect(sentence(0)).toContain('claim plan-will-fail: "The ceasefire plan will fail."');
    expect(sentence(1)).toContain('DENIED tomas-lind → plan-will-fail');
    expect(sentence(2)).toContain('event fourth-meeting: MEETING, planned (next week); AGENT anna-berg, PARTICIPANT tomas-lind');
    expect(sentence(3)).toContain('NOT BACKS tomas-lind → ceasefire-plan  (reported, according to anna-berg)');
    expect(sentence(3)).not.toContain('HOLDS_POSITION');
  });

  test('--json gives the same review as data', async () => {
    const { out } = await run('show', 'oslo-follow-up', '--json', '--data', STANDALONE);
    const review = JSON.parse(out) as { sentences: { relations: { predicate: string; negated: boolean; draft: boolean }[] }[] };
    expect(review.sentences).toHaveLength(4);
    expect(review.sentences[3]?.relations).toEqual([expect.objectContaining({ predicate: 'BACKS', negated: true, draft: false })]);
  });

  test('drafted facts and entities are marked as drafts', async () => {
    const graph = await buildGraph(STANDALONE);
    const backs = graph.edges('tomas-lind', 'ceasefire-plan').find((e) => graph.getEdgeAttribute(e, 'predicate') === 'BACKS');
    expect(backs).toBeDefined();
    // The extraction step sets `draft` on what it drafted; here set on the built graph as it would be.
    graph.mergeEdgeAttributes(backs ?? '', { draft: true });
    graph.mergeNodeAttributes('norway', { draft: true });
    const text = formatReview(reviewArticle(graph, 'oslo-follow-up') ?? fail());
    expect(text).toContain('NOT BACKS tomas-lind → ceasefire-plan  (reported, according to anna-berg)  [draft]');
    expect(text).toContain('names: anna-berg, norway [draft], ceasefire-plan');
    expect(text).not.toContain('DENIED tomas-lind → plan-will-fail  [draft]');
  });

  test('an unknown article is refused with did-you-mean, exit 1', async () => {
    const { code, err } = await run('show', 'oslo-folow-up', '--data', STANDALONE);
    expect(code).toBe(1);
    expect(err).toContain('"oslo-follow-up"');
  });
});

describe('newsgraph vocabulary', () => {
  test('--json lists every predicate with its signatures', async () => {
    const { code, out } = await run('vocabulary', '--json');
    expect(code).toBe(0);
    const v = JSON.parse(out) as { predicates: { name: string; signatures: unknown[] }[] };
    expect(v.predicates.map((p) => p.name)).toEqual(Object.keys(PREDICATES));
    expect(v.predicates.every((p) => p.signatures.length > 0)).toBe(true);
  });

  test('prints the Markdown of docs/vocabulary.md', async () => {
    const { out } = await run('vocabulary');
    expect(out).toMatch(/^# The newsgraph vocabulary/u);
    expect(out).toContain('| `PLANS_TO_MEET` |');
  });
});

test('stats counts facts per sentence', async () => {
  const { out } = await run('stats', '--json', '--data', STANDALONE);
  const stats = JSON.parse(out) as { articles: { factsPerSentence: number[] }[] };
  // S0: HOLDS_POSITION, ASSERTED, ABOUT; S1: DENIED; S2: the planned meeting's two role edges and PLANS_TO_MEET; S3: BACKS.
  expect(stats.articles[0]?.factsPerSentence).toEqual([3, 1, 3, 1]);
  expect((await run('stats', '--data', STANDALONE)).out).toContain('facts per sentence: S0 3, S1 1, S2 3, S3 1');
});

describe('layering from the command line', () => {
  const dir = writeDataDir(
    {
      'articles/trump.txt': 'President Donald Trump spoke again.',
      'articles/trump.yaml': 'article:\n  id: trump-again\n  title: Trump again\n  text: trump.txt\nmentions:\n  donald-trump: President Donald Trump\n',
    },
    join(work, 'user'),
  );

  test('validate --with-package-entities accepts a directory that only names package entities', async () => {
    expect((await run('validate', dir)).code).toBe(1);
    const { code, out } = await run('validate', dir, '--with-package-entities');
    expect(code).toBe(0);
    expect(out).toContain('valid');
  });

  test('build, stats and show take it too', async () => {
    const snapshot = join(work, 'user.json');
    expect((await run('build', dir, '--with-package-entities', '-o', snapshot)).out).toContain('1 entities');
    expect((await run('stats', '--data', dir, '--with-package-entities')).code).toBe(0);
    expect((await run('show', 'trump-again', '--data', dir, '--with-package-entities')).out).toContain('names: donald-trump');
    // A snapshot is already built: layering options there are a mistake, said so.
    expect((await run('stats', '--snapshot', snapshot, '--with-package-entities')).code).toBe(1);
  });
});
