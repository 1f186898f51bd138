import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, removeDir, tempDir } from '../utils/fixtures.js';

// The package as a user gets it: `npm pack`, installed into a fresh project, used from TypeScript and
// from plain JavaScript through `import ... from 'newsgraph'` only.
const project = tempDir('newsgraph-user-');
const npm = (args: string[], cwd: string) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

beforeAll(() => {
  // dist/ is fresh: `npm test` builds first. --ignore-scripts: no second build inside pack.
  npm(['pack', '--ignore-scripts', '--pack-destination', project], PROJECT_ROOT);
  const tarball = readdirSync(project).find((f) => f.endsWith('.tgz'));
  if (!tarball) throw new Error('npm pack wrote no tarball');
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'research-script', private: true, type: 'module' }));
  // A TypeScript user's usual setup: @types/node, and skipLibCheck for the dependencies' own .d.ts files.
  npm(['install', '--no-audit', '--no-fund', '--ignore-scripts', join(project, tarball), '@types/node@20'], project);
}, 240_000);
afterAll(() => removeDir(project));

const SCRIPT = `
const graph = await buildGraph();
const result = await executeQuery(graph, \`query Rejected {
  relations(predicate: ["REJECTED"]) { edges { node { subject { name } object { name } evidence { exact } } } }
}\`);
const rows = result.data.relations.edges.map((e) => [e.node.subject.name, e.node.object.name, e.node.evidence[0].exact]);
const turtle = exportGraph(graph, 'turtle');
const server = await startServer({ graph, port: 0 });
const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ entity(id: "ukraine") { name } }' }) });
const overHttp = await response.json();
await server.close();
console.log(JSON.stringify({ rows, turtle: turtle.kind === 'text' ? turtle.text.length : 0, overHttp, stats: graphStats(graph).articles.find((a) => a.article === 'ukraine-peace-talks-2025-04').covered, formats: EXPORT_FORMATS.length }));
`;

function runUserScript(file: string): { rows: string[][]; turtle: number; overHttp: { data: { entity: { name: string } } }; stats: number; formats: number } {
  const run = spawnSync(process.execPath, [file], { cwd: project, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${file} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout) as ReturnType<typeof runUserScript>;
}

test('plain JavaScript imports newsgraph and answers a question in-process and over HTTP', () => {
  writeFileSync(join(project, 'script.mjs'), `import { buildGraph, executeQuery, exportGraph, startServer, graphStats, EXPORT_FORMATS } from 'newsgraph';\n${SCRIPT}`);
  const out = runUserScript('script.mjs');
  expect(out.rows).toContainEqual(['Ukraine', expect.stringMatching(/Crimea/u), expect.stringContaining('rejected')]);
  expect(out.turtle).toBeGreaterThan(1000);
  expect(out.overHttp.data.entity.name).toBe('Ukraine');
  expect(out.stats).toBe(17);
  expect(out.formats).toBe(11);
});

test('TypeScript sees the types: a typed script compiles against the installed package, and a wrong use does not', () => {
  const tsc = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsc');
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', strict: true, outDir: 'out', types: ['node'], skipLibCheck: true, lib: ['es2023'] }, include: ['typed.ts'] }),
  );
  writeFileSync(
    join(project, 'typed.ts'),
    `import { buildGraph, executeQuery, exportGraph, startServer, graphStats, EXPORT_FORMATS, type NewsGraph, type EntityAttributes } from 'newsgraph';
const graph: NewsGraph = await buildGraph();
const ukraine: EntityAttributes = graph.getNodeAttributes('ukraine');
const kind: 'GOVERNMENT' | 'PERSON' | 'ORGANIZATION' | 'GROUP' | 'PLACE' | 'PROPOSAL' | 'EVENT' | 'CLAIM' = ukraine.kind;
void kind;
const result: any = await executeQuery(graph, \`{ relations(predicate: ["REJECTED"]) { edges { node { subject { name } object { name } evidence { exact } } } } }\`);
const rows = result.data.relations.edges.map((e: any) => [e.node.subject.name, e.node.object.name, e.node.evidence[0].exact]);
const turtle = exportGraph(graph, 'turtle');
const server = await startServer({ graph, port: 0 });
const response = await fetch(server.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ entity(id: "ukraine") { name } }' }) });
const overHttp = await response.json();
await server.close();
console.log(JSON.stringify({ rows, turtle: turtle.kind === 'text' ? turtle.text.length : 0, overHttp, stats: graphStats(graph).articles.find((a) => a.article === 'ukraine-peace-talks-2025-04')?.covered, formats: EXPORT_FORMATS.length }));
`,
  );
  const compile = spawnSync(tsc, ['-p', '.'], { cwd: project, encoding: 'utf8' });
  expect(compile.stdout + compile.stderr).toBe('');
  const out = runUserScript(join('out', 'typed.js'));
  expect(out.rows).toContainEqual(['Ukraine', expect.stringMatching(/Crimea/u), expect.stringContaining('rejected')]);

  // The types are real: exporting to a format that does not exist is a compile error.
  writeFileSync(join(project, 'typed.ts'), `import { buildGraph, exportGraph } from 'newsgraph';\nexportGraph(await buildGraph(), 'pdf');\n`);
  const wrong = spawnSync(tsc, ['-p', '.', '--noEmit'], { cwd: project, encoding: 'utf8' });
  expect(wrong.status).not.toBe(0);
  expect(wrong.stdout).toContain('"pdf"');
});

test("the README's library example compiles and runs against the installed package", () => {
  const readme = readFileSync(join(PROJECT_ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Using it as a library'));
  const example = /```ts\n([\s\S]*?)```/u.exec(section)?.[1];
  expect(example).toContain("from 'newsgraph'");
  writeFileSync(join(project, 'typed.ts'), example ?? '');
  const tsc = join(PROJECT_ROOT, 'node_modules', '.bin', 'tsc');
  const compile = spawnSync(tsc, ['-p', '.'], { cwd: project, encoding: 'utf8' });
  expect(compile.stdout + compile.stderr).toBe('');
  const run = spawnSync(process.execPath, [join('out', 'typed.js')], { cwd: project, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.stdout).toContain('a condition Ukraine has rejected');
  expect(run.stdout).toContain('Jonas Gahr Støre GOVERNMENT');
  expect(readFileSync(join(project, 'graph.ttl'), 'utf8')).toContain('@prefix');
});
