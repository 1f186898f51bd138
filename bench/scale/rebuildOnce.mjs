// A rebuild in a fresh process after an edit to one article, as a user makes it: `newsgraph build DATA_DIR -o
// SNAPSHOT --cache CACHE_DIR` (the CLI's own command, run in this process), which patches the snapshot the last
// build wrote when it can (src/build/incrementalBuild.ts). The edit changes facts, not only words; it is chosen
// by EDIT: 0 the article's title, 1 a relation's quote (its anchor moves), 2 a fact added (a relation copied
// with another date: a new fact beside an existing one, whose ids renumber), 3 an article added (article
// ARTICLE's text and encoding copied as "ARTICLE-copy", its events and claims renamed with it, published after
// every other: a new report, whose facts merge into those other articles state), 4 that added article deleted
// (run 3 first; the data is then as before), 5 and 6 the same in the middle of publication order (the copy
// published on its source's day, so right after it: the numbers of every later article and node move).
// ARTICLE is the article's number (or, for 0-2, the next one that has what the edit needs).
// MODE "full" measures the path before the patch, as the baseline: buildGraph through the same build cache
// (only the edited article checked again), then writeSnapshot.
// Prints one JSON line: the build's time with the snapshot written (wall clock, in-process and from the process's
// start, and the process's CPU time,
// which a loaded machine inflates less), how the snapshot was made (patched, or full and why), the peak RSS.
// Usage: node bench/scale/rebuildOnce.mjs DATA_DIR SNAPSHOT_FILE CACHE_DIR [EDIT ARTICLE [MODE]]
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { createCli } from '../../dist/cli/cli.js';

const [dataDir, snapshotFile, cacheDir, editText = '0', articleText = '1', mode = 'patch'] = process.argv.slice(2);
const edit = Number(editText) % 7;
const what = ['title', 'quote', 'fact added', 'article added', 'article deleted', 'article added mid-corpus', 'article deleted mid-corpus'][edit];

/** Applies the edit to article `n` when it has what the edit needs; false otherwise. */
function tryEdit(n) {
  const id = `article-${String(n).padStart(5, '0')}`;
  if (edit >= 3) return addOrDelete(id);
  const yamlFile = join(dataDir, 'articles', `${id}.yaml`);
  const yaml = parse(readFileSync(yamlFile, 'utf8'));
  const text = readFileSync(join(dataDir, 'articles', `${id}.txt`), 'utf8');
  const relations = yaml.relations ?? [];
  if (edit === 0) {
    yaml.article.title = `${yaml.article.title} (edited)`;
  } else if (edit === 1) {
    // A shorter quote, still found once in the text: the relation's anchor moves.
    const changed = relations.find((r) => {
      if (typeof r.evidence !== 'string') return false;
      const shorter = r.evidence.split(' ').slice(1).join(' ');
      if (shorter.length < 4 || text.indexOf(shorter) !== text.lastIndexOf(shorter)) return false;
      r.evidence = shorter;
      return true;
    });
    if (changed === undefined) return undefined;
  } else {
    const model = relations.find((r) => r.event === undefined && r.time === undefined && r.predicate !== 'HOLDS_POSITION');
    if (model === undefined) return undefined;
    relations.push({ ...model, time: '2001-02-03' });
  }
  writeFileSync(yamlFile, stringify(yaml, { lineWidth: 0 }));
  return id;
}
/** Adds "ID-copy", a copy of article ID published after every other (or on its day), or deletes it. */
function addOrDelete(id) {
  const copy = `${id}-copy`;
  const files = ['yaml', 'txt'].map((extension) => join(dataDir, 'articles', `${copy}.${extension}`));
  if (edit === 4 || edit === 6) {
    if (!existsSync(files[0])) throw new Error(`${copy} is not there to delete: run the edit "article added" first`);
    for (const file of files) rmSync(file);
    return copy;
  }
  const yaml = parse(readFileSync(join(dataDir, 'articles', `${id}.yaml`), 'utf8').replaceAll(id, copy));
  if (edit === 3) yaml.article.published = '2099-12-31';
  writeFileSync(files[0], stringify(yaml, { lineWidth: 0 }));
  writeFileSync(files[1], readFileSync(join(dataDir, 'articles', `${id}.txt`)));
  return copy;
}

let article;
for (let n = Number(articleText); article === undefined && n < Number(articleText) + 50; n++) article = tryEdit(n);
if (article === undefined) throw new Error(`no article from ${articleText} lends itself to the edit "${what}"`);

let line = '';
let checked;
const started = performance.now();
if (mode === 'full') {
  // Loaded here, not above: the library's whole API (the server's modules too) is no part of what `newsgraph build` loads.
  const { buildGraph, writeSnapshot } = await import('../../dist/index.js');
  await writeSnapshot(await buildGraph(dataDir, { cache: cacheDir, onChecked: (c) => (checked = c.checked) }), snapshotFile);
  line = 'full path (buildGraph + writeSnapshot)';
} else {
  const code = await createCli().run(['build', dataDir, '-o', snapshotFile, '--cache', cacheDir], { out: (t) => (line += t), err: () => {} });
  if (code !== 0) throw new Error(`newsgraph build exited with ${code}`);
}
const totalMs = performance.now() - started;
// performance.now() counts from the process's start: node's own start-up and loading the modules included, as a
// user typing `newsgraph build` waits for them (the edit itself, made above, is a few milliseconds).
const processMs = performance.now();
const { user, system } = process.cpuUsage();
const peakRss = process.resourceUsage().maxRSS * 1024;
const patched = line.includes('(patched');
// The patch checks the edited article alone; a full build says how many it checked.
checked ??= patched ? 1 : Number(/\((\d+) checked/u.exec(line)?.[1]);
process.stdout.write(`${JSON.stringify({ mode, edit: what, article, totalMs, processMs, totalCpuMs: (user + system) / 1000, patched, checked, output: line.trim(), peakRss })}\n`);
