// The build's baseline: only reading and parsing the same YAML files, on one thread, with the parser and
// options the builder uses (yaml's parseDocument with a line counter). Prints one JSON line.
// Usage: node bench/scale/parseYaml.mjs DATA_DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';

const [dataDir] = process.argv.slice(2);
const files = [join(dataDir, 'entities.yaml'), ...readdirSync(join(dataDir, 'articles')).filter((f) => f.endsWith('.yaml')).sort().map((f) => join(dataDir, 'articles', f))];
const started = performance.now();
let nodes = 0;
for (const file of files) {
  const doc = parseDocument(readFileSync(file, 'utf8'), { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0].message}`);
  nodes += doc.contents === null ? 0 : 1;
}
const parseMs = performance.now() - started;
const { user, system } = process.cpuUsage();
const parseCpuMs = (user + system) / 1000;
process.stdout.write(`${JSON.stringify({ files: files.length, parseMs, parseCpuMs, documents: nodes })}\n`);
