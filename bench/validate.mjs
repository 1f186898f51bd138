// Validation cost on the inputs of issue 11 that once grew faster than linear: one article with many
// relations, many entities no article mentions, a long quote that is not verbatim, a long article, a 1 MB
// unknown id, and the target (a 1 MB article with 20,000 relations in ≤ 10 s). Each is printed beside the
// seed data's validation in the same run (the baseline), as median and spread of --runs runs.
// Usage: npm run build && node bench/validate.mjs [--runs 3] [--only NAME,...]
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { defaultDataDir, validateData } from '../dist/index.js';
import { writeLargeCase } from '../scripts/hardening/largeCases.mjs';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' }, only: { type: 'string' } } });
const runs = Number(values.runs);

const CASES = {
  '10,000 relations in one article': { relations: 10_000 },
  '20,000 relations in one article': { relations: 20_000 },
  '10,000 entities no article mentions': { unmentioned: 10_000 },
  'a 2,000-character quote not in a 100 KB article': { missingQuote: 2_000, textChars: 100_000 },
  'a 3,000-character quote not in a 1 MB article': { missingQuote: 3_000, textChars: 1_000_000 },
  'an article of 265 KB': { textChars: 265_000 },
  'an article of 794 KB': { textChars: 794_000 },
  'an unknown id of 1 MB': { unknownId: 1_000_000 },
  'target: a 1 MB article with 20,000 relations': { relations: 20_000, textChars: 1_000_000 },
};

async function time(dir) {
  const times = [];
  let problems = [];
  for (let r = 0; r < runs; r++) {
    const started = performance.now();
    problems = await validateData(dir);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)], spread: times[times.length - 1] - times[0], problems };
}

const seed = await time(defaultDataDir());
const fmt = (ms) => (ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
console.log(`baseline: the seed data: median ${fmt(seed.median)} (spread ${fmt(seed.spread)}), ${runs} runs`);
for (const [name, spec] of Object.entries(CASES)) {
  if (values.only && !values.only.split(',').some((o) => name.includes(o))) continue;
  const dir = writeLargeCase(spec);
  const { median, spread, problems } = await time(dir);
  const codes = [...new Set(problems.map((p) => p.code))].join(', ') || 'valid';
  console.log(`${name}: median ${fmt(median)} (spread ${fmt(spread)}; ${(median / seed.median).toFixed(0)}× the seed) → ${codes}`);
  rmSync(dir, { recursive: true, force: true });
}
