// npm run corpus -- --articles N --seed S -o DIR: writes a generated corpus (see generate.mjs) with
// progress on stderr. Needs the compiled package (npm run build) for the progress reporter.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate.mjs';

const progressModule = new URL('../../dist/progress.js', import.meta.url);
if (!existsSync(progressModule)) {
  process.stderr.write('corpus: dist/ is missing; run "npm run build" first.\n');
  process.exit(1);
}
const { createProgress } = await import(progressModule.href);

const { values } = parseArgs({
  options: {
    articles: { type: 'string', short: 'n', default: '100' },
    seed: { type: 'string', short: 's', default: '1' },
    out: { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q', default: false },
  },
});
if (values.out === undefined) {
  process.stderr.write('usage: npm run corpus -- --articles N [--seed S] -o DIR\n');
  process.exit(1);
}
const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 1) {
  process.stderr.write(`corpus: --articles must be a whole number ≥ 1, not "${values.articles}"\n`);
  process.exit(1);
}
const progress = createProgress('articles', articles, values.quiet ? { mode: 'silent' } : {});
const result = generateCorpus({ articles, seed: values.seed, out: values.out, onProgress: (done) => progress.update(done) });
progress.finish();
const top = [...result.mentions.entries()].sort((x, y) => y[1] - x[1]).slice(0, 3);
process.stdout.write(`${values.out}: ${articles} articles, ${result.entities} entities; most mentioned: ${top.map(([id, n]) => `${id} (${n})`).join(', ')}\n`);
