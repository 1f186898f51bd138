// npm run corpus -- --articles N --seed S -o DIR: writes a generated corpus (see generate.mjs) with
// progress on stderr. Needs the compiled package (npm run build) for the progress reporter.
import { existsSync, readdirSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { generateCorpus } from './generate.mjs';

const progressModule = new URL('../../dist/progress.js', import.meta.url);
if (!existsSync(progressModule)) {
  process.stderr.write('corpus: dist/ is missing; run "npm run build" first.\n');
  process.exit(1);
}
const { createProgress } = await import(progressModule.href);

const USAGE = `usage: npm run corpus -- --articles N [--seed S] [--quiet] -o DIR
  -n, --articles N  how many articles to generate (default 100)
  -s, --seed S      any string; the same seed gives the same bytes (default 1)
  -o, --out DIR     a new or empty folder: DIR/entities.yaml and DIR/articles/*.txt|*.yaml
  -q, --quiet       no progress on stderr
`;

function fail(message) {
  process.stderr.write(`corpus: ${message}\n${USAGE}`);
  process.exit(2);
}

let values;
try {
  ({ values } = parseArgs({
    options: {
      articles: { type: 'string', short: 'n', default: '100' },
      seed: { type: 'string', short: 's', default: '1' },
      out: { type: 'string', short: 'o' },
      quiet: { type: 'boolean', short: 'q', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
if (values.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (values.out === undefined) fail('-o DIR is required');
// The generator writes entities.yaml and articles/ into DIR: pointed at a folder that holds a corpus (data/, say), it
// would replace that corpus's entity table. A generated corpus goes into a folder of its own.
if (existsSync(values.out) && readdirSync(values.out).length > 0) {
  fail(`${values.out} is not empty; give a new or empty folder (the generator would overwrite its entities.yaml and articles)`);
}
const articles = Number(values.articles);
if (!Number.isInteger(articles) || articles < 1) {
  fail(`--articles must be a whole number ≥ 1, not "${values.articles}"`);
}
const progress = createProgress('articles', articles, values.quiet ? { mode: 'silent' } : {});
const result = generateCorpus({ articles, seed: values.seed, out: values.out, onProgress: (done) => progress.update(done) });
progress.finish();
const top = [...result.mentions.entries()].sort((x, y) => y[1] - x[1]).slice(0, 3);
process.stdout.write(`${values.out}: ${articles} articles, ${result.entities} entities; most mentioned: ${top.map(([id, n]) => `${id} (${n})`).join(', ')}\n`);
