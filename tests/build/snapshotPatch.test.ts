/**
 * Rebuild after one edit by patching the previous snapshot (src/build/incrementalBuild.ts, snapshotPatch.ts):
 * on small generated corpora (bench/corpus) over several seeds, each kind of edit a researcher makes to one
 * article is applied, `buildSnapshot` is run through the build cache and its assembly index, and the file it
 * writes must be byte for byte the snapshot a full build of the same data writes (the oracle). The kinds the
 * patch covers must be patched; the others must fall back to the full build, and say why.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { generateCorpus } from '../../bench/corpus/generate.mjs';
import { createCli } from '../../src/cli/cli.js';
import { removeDir, tempDir } from '../utils/fixtures.js';
import { articleFile, corporaBySeed, oracle, readArticle, rebuild, rebuildAndCompare, writeArticle, type Corpus } from './patchCorpus.js';

const ARTICLES = 40;
const SEEDS = [1, 2, 3];

const corpus = corporaBySeed('newsgraph-patch-', ARTICLES, SEEDS);

function quoteOf(evidence: unknown): string | undefined {
  if (typeof evidence === 'string') return evidence;
  return undefined;
}

/** Edits that the patch must cover, each applied to a different article of the corpus. */
const PATCHED: readonly { readonly name: string; readonly article: number; readonly edit: (c: Corpus, n: number) => void }[] = [
  {
    name: 'the title, outlet and url',
    article: 7,
    edit: (c, n) => {
      const yaml = readArticle(c, n);
      yaml.article = { ...yaml.article, title: `${String(yaml.article['title'])} (updated)`, source: 'Another Outlet', url: 'https://example.org/updated' };
      writeArticle(c, n, yaml);
    },
  },
  {
    name: "a relation's evidence quote, still verbatim in the text",
    article: 12,
    edit: (c, n) => {
      const yaml = readArticle(c, n);
      const text = readFileSync(articleFile(c, n, 'txt'), 'utf8');
      // A shorter quote, found once in the text: the relation's anchor moves, its fact stays.
      const changed = (yaml.relations ?? []).find((r) => {
        const quote = quoteOf(r['evidence']);
        const shorter = quote?.split(' ').slice(1).join(' ');
        if (shorter === undefined || shorter.length < 4 || text.indexOf(shorter) !== text.lastIndexOf(shorter)) return false;
        r['evidence'] = shorter;
        return true;
      });
      if (changed === undefined) throw new Error('no relation quote to shorten');
      writeArticle(c, n, yaml);
    },
  },
  {
    name: 'the text, edited before every quote (all anchors move)',
    article: 20,
    edit: (c, n) => {
      const file = articleFile(c, n, 'txt');
      writeFileSync(file, `Editor's note: this report was updated. ${readFileSync(file, 'utf8')}`);
    },
  },
  {
    name: 'a fact added between entities that exist (a second occasion: same id base, so ids renumber)',
    article: 25,
    edit: (c, n) => {
      const yaml = readArticle(c, n);
      const relations = yaml.relations ?? [];
      const model = relations.find((r) => r['event'] === undefined && r['time'] === undefined && r['predicate'] !== 'HOLDS_POSITION');
      if (model === undefined) throw new Error('no relation to copy');
      relations.splice(0, 0, { ...model, time: '2001-02-03' });
      writeArticle(c, n, yaml);
    },
  },
  {
    name: "a fact removed (the article's own event concerns a proposal)",
    article: 30,
    edit: (c, n) => {
      const yaml = readArticle(c, n);
      const events = new Set((yaml.events ?? []).map((e) => e['id']));
      const at = (yaml.relations ?? []).findIndex((r) => events.has(r['subject']));
      if (at < 0) throw new Error('no relation of an event of the article');
      yaml.relations?.splice(at, 1);
      writeArticle(c, n, yaml);
    },
  },
  {
    name: 'title, a negated fact added and the text, at once',
    article: 33,
    edit: (c, n) => {
      const yaml = readArticle(c, n);
      yaml.article = { ...yaml.article, title: 'A new title' };
      const model = (yaml.relations ?? []).find((r) => r['predicate'] !== 'HOLDS_POSITION' && r['negated'] === undefined);
      if (model === undefined) throw new Error('no relation to negate');
      yaml.relations?.push({ ...model, negated: true });
      writeArticle(c, n, yaml);
      const file = articleFile(c, n, 'txt');
      writeFileSync(file, `${readFileSync(file, 'utf8')}\nA closing line.\n`);
    },
  },
];

/** Edits that must be built the full way, and the words of the reason given. */
const FALLBACK: readonly { readonly name: string; readonly reason: RegExp; readonly edit: (c: Corpus) => void }[] = [
  {
    name: 'entities.yaml changed',
    reason: /entities\.yaml changed/u,
    edit: (c) => {
      const file = join(c.data, 'entities.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(/description: (.*)/u, 'description: $1 (revised)'));
    },
  },
  {
    // Patched when it can be (tests/build/articlePatch.test.ts); not when it is the first to state a fact.
    name: 'an article added, the first to state facts other articles state',
    reason: /article-99999 added: it states first/u,
    edit: (c) => {
      const yaml = readArticle(c, 3);
      yaml.article = { ...yaml.article, published: '2014-12-31' };
      const text = readFileSync(articleFile(c, 3, 'txt'), 'utf8');
      const id = 'article-99999';
      const copied = stringify(yaml, { lineWidth: 0 }).replaceAll('article-00003', id);
      writeFileSync(join(c.data, 'articles', `${id}.txt`), text);
      writeFileSync(join(c.data, 'articles', `${id}.yaml`), copied);
    },
  },
  {
    name: 'an article deleted, the first to state facts other articles state',
    reason: /article-99999 deleted: it first stated/u,
    edit: (c) => {
      rmSync(join(c.data, 'articles', 'article-99999.yaml'));
      rmSync(join(c.data, 'articles', 'article-99999.txt'));
    },
  },
  {
    name: 'a publication date changed (the article order shifts)',
    reason: /date/u,
    edit: (c) => {
      const yaml = readArticle(c, 9);
      yaml.article = { ...yaml.article, published: '2030-01-01' };
      writeArticle(c, 9, yaml);
    },
  },
  {
    name: 'an event removed',
    reason: /events/u,
    edit: (c) => {
      const yaml = readArticle(c, 11);
      const removed = yaml.events?.pop();
      // Its role quotes and relations go with it.
      yaml.relations = (yaml.relations ?? []).filter((r) => r['subject'] !== removed?.['id'] && r['object'] !== removed?.['id']);
      writeArticle(c, 11, yaml);
    },
  },
  {
    name: 'an explicit relation id',
    reason: /explicit id/u,
    edit: (c) => {
      const yaml = readArticle(c, 14);
      const first = yaml.relations?.[0];
      if (first === undefined) throw new Error('no relation');
      first['id'] = 'an-explicit-id';
      writeArticle(c, 14, yaml);
    },
  },
  {
    name: 'a fact other articles state too, changed here (its modality)',
    reason: /other articles/u,
    edit: (c) => {
      const yaml = readArticle(c, 16);
      const shared = yaml.relations?.find((r) => r['predicate'] === 'HOLDS_POSITION');
      if (shared === undefined) throw new Error('no position held');
      shared['modality'] = 'reported';
      writeArticle(c, 16, yaml);
    },
  },
  {
    name: 'two articles edited',
    reason: /more than one/u,
    edit: (c) => {
      for (const n of [17, 18]) {
        const yaml = readArticle(c, n);
        yaml.article = { ...yaml.article, title: 'Two at once' };
        writeArticle(c, n, yaml);
      }
    },
  },
];

describe.each(SEEDS)('seed %i', (seed) => {
  test('a first build is a full one and writes the same snapshot as buildGraph', async () => {
    const built = await rebuildAndCompare(corpus(seed));
    expect(built.how).toBe('full');
  }, 120_000);

  test('nothing changed: the snapshot is left as it is', async () => {
    const c = corpus(seed);
    const before = readFileSync(c.snapshot);
    const built = await rebuild(c);
    expect(built.how).toBe('unchanged');
    expect(readFileSync(c.snapshot).equals(before)).toBe(true);
  }, 120_000);

  test.each(PATCHED)('patched: $name', async ({ article, edit }) => {
    const c = corpus(seed);
    edit(c, article);
    const built = await rebuildAndCompare(c);
    expect(built.how === 'full' ? built.reason : built.how).toBe('patched');
  }, 120_000);

  test.each(FALLBACK)('full build: $name', async ({ edit, reason }) => {
    const c = corpus(seed);
    edit(c);
    const built = await rebuildAndCompare(c);
    expect(built.how).toBe('full');
    if (built.how === 'full') expect(built.reason).toMatch(reason);
    // And the build after it patches again.
    const yaml = readArticle(c, 5);
    yaml.article = { ...yaml.article, title: `${String(yaml.article['title'])}.` };
    writeArticle(c, 5, yaml);
    const next = await rebuildAndCompare(c);
    expect(next.how === 'full' ? next.reason : next.how).toBe('patched');
  }, 120_000);

  test('an edit that makes the data invalid falls back to the full build, which reports it', async () => {
    const c = corpus(seed);
    const yaml = readArticle(c, 6);
    const first = yaml.relations?.[0];
    if (first === undefined) throw new Error('no relation');
    first['object'] = 'nobody-known';
    writeArticle(c, 6, yaml);
    const before = readFileSync(c.snapshot);
    await expect(rebuild(c)).rejects.toMatchObject({ code: 'DATA_INVALID' });
    expect(readFileSync(c.snapshot).equals(before)).toBe(true);
  }, 120_000);
});

describe('newsgraph build, the command a user runs', () => {
  let root: string;
  beforeAll(() => {
    root = tempDir('newsgraph-patch-cli-');
    generateCorpus({ articles: 20, seed: 9, out: join(root, 'data') });
  });
  afterAll(() => removeDir(root));

  /** Runs `newsgraph build` in this process; returns its output line. */
  async function build(): Promise<string> {
    let out = '';
    const code = await createCli().run(['build', join(root, 'data'), '-o', join(root, 'out.snapshot'), '--cache', join(root, 'cache'), '--threads', '1'], {
      out: (text) => (out += text),
      err: () => {},
    });
    expect(code).toBe(0);
    return out;
  }

  test('says when it patched the snapshot, and why it built in full', async () => {
    const c = { root, data: join(root, 'data'), cache: join(root, 'cache'), snapshot: join(root, 'out.snapshot') };
    expect(await build()).not.toMatch(/patched|full build:/u);
    const yaml = readArticle(c, 4);
    yaml.article = { ...yaml.article, title: 'Edited through the command' };
    writeArticle(c, 4, yaml);
    expect(await build()).toMatch(/\(patched after an edit of article-00004\)\n$/u);
    expect(readFileSync(c.snapshot).equals(await oracle(c))).toBe(true);
    expect(await build()).toMatch(/\(unchanged: no source file changed since the last build\)\n$/u);
    const entities = join(c.data, 'entities.yaml');
    writeFileSync(entities, `${readFileSync(entities, 'utf8')}\n# a comment\n`);
    expect(await build()).toMatch(/; full build: entities\.yaml changed\n$/u);
    expect(readFileSync(c.snapshot).equals(await oracle(c))).toBe(true);
  }, 120_000);

  test('names the change it patched for: an article added, then deleted', async () => {
    const c = { root, data: join(root, 'data'), cache: join(root, 'cache'), snapshot: join(root, 'out.snapshot') };
    await build();
    // A new report: article 8's encoding under a new id, published after every other article.
    const copied = stringify(readArticle(c, 8), { lineWidth: 0 }).replaceAll('article-00008', 'article-90001');
    writeFileSync(articleFile(c, 'article-90001', 'yaml'), copied);
    writeFileSync(articleFile(c, 'article-90001', 'txt'), readFileSync(articleFile(c, 8, 'txt'), 'utf8'));
    const added = readArticle(c, 'article-90001');
    added.article = { ...added.article, published: '2099-01-01' };
    writeArticle(c, 'article-90001', added);
    expect(await build()).toMatch(/\(patched after adding article-90001\)\n$/u);
    expect(readFileSync(c.snapshot).equals(await oracle(c))).toBe(true);
    rmSync(articleFile(c, 'article-90001', 'yaml'));
    rmSync(articleFile(c, 'article-90001', 'txt'));
    expect(await build()).toMatch(/\(patched after deleting article-90001\)\n$/u);
    expect(readFileSync(c.snapshot).equals(await oracle(c))).toBe(true);
  }, 120_000);
});
