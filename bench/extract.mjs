// Extraction benchmark: time to draft an article (offline rules, no writing), per 1,000 words, beside a
// baseline measured in the same run: the builder's own sentence splitter over the same texts (a lower bound
// for any pass over the text). The corpus is the texts of the four sets (development, held-out, unseen,
// blind), concatenated N times.
// With --corpus DIR it also times the whole command, `newsgraph extract`, into a copy of DIR (a generated
// corpus: `npm run corpus -- --articles 1000 --seed 1 -o /tmp/c1k`), beside `newsgraph validate DIR` in the
// same run: the command checks the new article against the entity table, so it must cost far less than
// validating the corpus, and about the same at 1,000 articles as at one.
// Usage: npm run build && node bench/extract.mjs [--runs 7] [--copies 1,10] [--corpus DIR [--corpus-runs 3]]
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { draftArticle, splitSentences } from '../dist/index.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, copies: { type: 'string', default: '1,10' }, corpus: { type: 'string' }, 'corpus-runs': { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const copies = values.copies.split(',').map(Number);
const root = new URL('../tests/fixtures/extraction/', import.meta.url).pathname;
const texts = ['texts', 'heldout-texts', 'unseen-texts', 'blind-texts'].flatMap((d) => readdirSync(join(root, d)).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(root, d, f), 'utf8')));
const known = parse(readFileSync(join(root, 'base', 'entities.yaml'), 'utf8')).entities;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const time = (fn) => {
  const times = [];
  for (let r = 0; r < runs + 1; r++) {
    const start = process.hrtime.bigint();
    fn();
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r > 0) times.push(ms); // the first run warms the JIT
  }
  return { ms: median(times), min: Math.min(...times), max: Math.max(...times) };
};

console.log(`newsgraph extract benchmark: median of ${runs} runs (after one warm-up); ${texts.length} articles per copy\n`);
console.log(`${'copies'.padStart(6)} ${'words'.padStart(7)} ${'draft ms'.padStart(9)} ${'min'.padStart(7)} ${'max'.padStart(7)} ${'ms/1k words'.padStart(12)} ${'split ms/1k'.padStart(12)} ${'ratio'.padStart(7)}`);
for (const n of copies) {
  const corpus = Array.from({ length: n }, (_, i) => texts.map((t) => ({ t, id: `a-${i}` }))).flat();
  const words = corpus.reduce((sum, { t }) => sum + t.split(/\s+/u).filter(Boolean).length, 0);
  const draft = time(() => corpus.forEach(({ t }, i) => draftArticle(t, { id: `a-${i}`, title: 't' }, known)));
  const split = time(() => corpus.forEach(({ t }) => splitSentences(t)));
  const per = (ms) => (ms / words) * 1000;
  console.log(`${String(n).padStart(6)} ${String(words).padStart(7)} ${draft.ms.toFixed(1).padStart(9)} ${draft.min.toFixed(1).padStart(7)} ${draft.max.toFixed(1).padStart(7)} ${per(draft.ms).toFixed(1).padStart(12)} ${per(split.ms).toFixed(2).padStart(12)} ${(draft.ms / split.ms).toFixed(0).padStart(7)}`);
}
console.log('\nTarget: ≤ 1,000 ms per 1,000 words. Figures taken on a shared 2-core machine; compare the ratio, not the absolute times.');

if (values.corpus !== undefined) {
  const bin = new URL('../dist/cli/bin.js', import.meta.url).pathname;
  const article = join(root, 'texts', 'gaza-ceasefire-talks.txt');
  const wall = (args) => {
    const start = process.hrtime.bigint();
    const run = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`newsgraph ${args.join(' ')} failed:\n${run.stderr}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const articles = readdirSync(join(values.corpus, 'articles')).filter((f) => f.endsWith('.yaml')).length;
  const extract = [];
  const validate = [];
  for (let r = 0; r < Number(values['corpus-runs']); r++) {
    const copy = mkdtempSync(join(tmpdir(), 'bench-extract-'));
    cpSync(values.corpus, copy, { recursive: true });
    try {
      validate.push(wall(['validate', copy]));
      extract.push(wall(['extract', article, '--data', copy, '--id', 'bench-article', '--published', '2025-06-01']));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }
  const line = (name, xs) => `${name.padEnd(34)} ${median(xs).toFixed(0).padStart(7)} ms   (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
  console.log(`\nWhole command into ${values.corpus} (${articles} articles), median of ${extract.length} runs, process start included:`);
  console.log(line('newsgraph extract (one article)', extract));
  console.log(line('newsgraph validate (baseline)', validate));
}
