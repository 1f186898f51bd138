/**
 * The build a user runs after random edits, against a full build of the same data, byte for byte: the hand-picked
 * cases of snapshotPatch.test.ts and articlePatch.test.ts, mixed as a researcher mixes them (titles, dates, quotes,
 * negations, modalities, texts, relations dropped, articles added and deleted, aliases of shared entities), on
 * generated corpora, seeded so that a failure is reproduced by its seed and step. An edit that makes the data invalid
 * must be refused by both builds, then is undone.
 */
import { describe, expect, test } from '@jest/globals';
import { createRandom } from '../../bench/corpus/random.mjs';
import { cpSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { removeDir } from '../utils/fixtures.js';
import { articleFile, howBuilt, makeCorpus, oracle, readArticle, rebuild, writeArticle, type Corpus, type Yaml } from './patchCorpus.js';

const SEEDS = [11, 12];
const STEPS = 30;

type Edit = (c: Corpus, id: string, pick: <T>(items: readonly T[]) => T, fresh: () => number) => boolean;

const relationsOf = (yaml: Yaml): Record<string, unknown>[] => yaml.relations ?? [];

/** An edit of one relation of the article, picked at random; none when the article has no relation. */
function onRelation(change: (relation: Record<string, unknown>, pick: <T>(items: readonly T[]) => T) => void): Edit {
  return (c, id, pick) => {
    const y = readArticle(c, id);
    const relations = relationsOf(y);
    if (relations.length === 0) return false;
    change(pick(relations), pick);
    writeArticle(c, id, y);
    return true;
  };
}

/** The edits, each on article `id`; false when it does not apply there (no relation to edit). */
const EDITS: Record<string, Edit> = {
  title: (c, id, _pick, fresh) => {
    const y = readArticle(c, id);
    y.article = { ...y.article, title: `${String(y.article['title'])} (updated ${fresh()})` };
    writeArticle(c, id, y);
    return true;
  },
  date: (c, id, pick) => {
    const y = readArticle(c, id);
    y.article = { ...y.article, published: `20${pick(['12', '15', '18'])}-0${pick(['1', '4', '7'])}-1${pick(['0', '5', '9'])}` };
    writeArticle(c, id, y);
    return true;
  },
  delete: (c, id) => {
    rmSync(articleFile(c, id, 'yaml'));
    rmSync(articleFile(c, id, 'txt'));
    return true;
  },
  add: (c, id, pick, fresh) => {
    const added = `article-${String(900 + fresh()).padStart(5, '0')}`;
    writeFileSync(articleFile(c, added, 'yaml'), readFileSync(articleFile(c, id, 'yaml'), 'utf8').replaceAll(id, added));
    writeFileSync(articleFile(c, added, 'txt'), readFileSync(articleFile(c, id, 'txt'), 'utf8'));
    const y = readArticle(c, added);
    y.article = { ...y.article, published: `2016-0${pick(['2', '5', '8'])}-2${pick(['1', '4', '7'])}` };
    writeArticle(c, added, y);
    return true;
  },
  dropRelation: (c, id, pick) => {
    const y = readArticle(c, id);
    const relations = relationsOf(y);
    if (relations.length === 0) return false;
    relations.splice(relations.indexOf(pick(relations)), 1);
    writeArticle(c, id, y);
    return true;
  },
  negate: onRelation((r) => {
    r['negated'] = r['negated'] !== true;
  }),
  modality: onRelation((r, pick) => {
    r['modality'] = pick(['reported', 'alleged', 'planned', 'hypothetical', 'asserted']);
  }),
  shorterQuote: (c, id, pick) => {
    const y = readArticle(c, id);
    const relations = relationsOf(y).filter((r) => typeof r['evidence'] === 'string' && String(r['evidence']).includes(' '));
    if (relations.length === 0) return false;
    const r = pick(relations);
    const quote = String(r['evidence']);
    r['evidence'] = quote.slice(0, quote.lastIndexOf(' '));
    writeArticle(c, id, y);
    return true;
  },
  text: (c, id) => {
    writeFileSync(articleFile(c, id, 'txt'), `${readFileSync(articleFile(c, id, 'txt'), 'utf8')}\nEditors added this sentence later.\n`);
    return true;
  },
  alias: (c, _id, pick, fresh) => {
    const file = join(c.data, 'entities.yaml');
    const y = parse(readFileSync(file, 'utf8')) as { entities: Record<string, unknown>[] };
    const e = pick(y.entities);
    e['aliases'] = [...((e['aliases'] as string[] | undefined) ?? []), `Alias ${fresh()}`];
    writeFileSync(file, stringify(y, { lineWidth: 0 }));
    return true;
  },
};

/** The snapshot bytes, or the error's first line when the data does not build. */
async function outcome(make: () => Promise<Buffer>): Promise<{ bytes: Buffer } | { error: string }> {
  try {
    return { bytes: await make() };
  } catch (error) {
    return { error: (error instanceof Error ? error.message : String(error)).split('\n')[0] ?? '' };
  }
}

describe.each(SEEDS)('seed %i: random edits, the build through the cache against a full build', (seed) => {
  test(`${STEPS} edits: the same snapshot every time, or both builds refuse the data`, async () => {
    const c = makeCorpus(`newsgraph-random-edits-${seed}-`, 24, seed);
    const next = createRandom(seed).next;
    const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    let counter = 0;
    const fresh = () => ++counter;
    const backup = join(c.root, 'backup');
    const seen: string[] = [];
    try {
      await rebuild(c);
      for (let step = 0; step < STEPS; step++) {
        const articles = readdirSync(join(c.data, 'articles')).filter((f) => f.endsWith('.yaml')).map((f) => f.slice(0, -5));
        const kind = pick(Object.keys(EDITS));
        const id = pick(articles);
        rmSync(backup, { recursive: true, force: true });
        cpSync(c.data, backup, { recursive: true });
        if (!EDITS[kind]!(c, id, pick, fresh)) continue;
        let how = '';
        const patched = await outcome(async () => {
          how = howBuilt(await rebuild(c));
          return readFileSync(c.snapshot);
        });
        const full = await outcome(() => oracle(c));
        const where = `seed ${seed}, step ${step}: ${kind} of ${id}`;
        if ('error' in full || 'error' in patched) {
          // Both refuse, or the difference is the finding.
          expect({ where, patched: 'error' in patched, full: 'error' in full }).toEqual({ where, patched: true, full: true });
          rmSync(c.data, { recursive: true });
          cpSync(backup, c.data, { recursive: true });
          await rebuild(c);
          seen.push(`${kind}: refused`);
          continue;
        }
        expect({ where, same: patched.bytes.equals(full.bytes) }).toEqual({ where, same: true });
        seen.push(`${kind}: ${how}`);
      }
      // The run exercised several kinds of edit, and the patch as well as the full build.
      expect(new Set(seen.map((s) => s.split(':')[0])).size).toBeGreaterThan(4);
      expect(seen.some((s) => s.endsWith(': patched'))).toBe(true);
    } finally {
      removeDir(c.root);
    }
  }, 600_000);
});
