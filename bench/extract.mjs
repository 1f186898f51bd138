// Extraction benchmark: time to draft an article (offline rules, no writing), per 1,000 words, beside a
// baseline measured in the same run: the builder's own sentence splitter over the same texts (a lower bound
// for any pass over the text). The corpus is the development and held-out texts, concatenated N times.
// Usage: npm run build && node bench/extract.mjs [--runs 7] [--copies 1,10]
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { draftArticle, splitSentences } from '../dist/index.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '7' }, copies: { type: 'string', default: '1,10' } } });
const runs = Number(values.runs);
const copies = values.copies.split(',').map(Number);
const root = new URL('../tests/fixtures/extraction/', import.meta.url).pathname;
const texts = ['texts', 'heldout-texts', 'unseen-texts'].flatMap((d) => readdirSync(join(root, d)).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(root, d, f), 'utf8')));
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
