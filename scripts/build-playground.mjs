// Bundles the offline playground (GraphiQL, React, Monaco and its workers) into dist/playground/, which
// src/api/playground.ts serves under /playground/. Nothing in the output loads from another host.
//
// Output, minified and byte-identical from run to run for the same sources and packages:
//   playground.js, playground.css             the page's script (IIFE) and styles, fonts inlined as data: URLs
//   editor.worker.js, json.worker.js,
//   graphql.worker.js                          Monaco's web workers: separate entry points, as GraphiQL 5 needs
//
// The bundle is written to a fresh directory beside dist/playground and swapped in when complete, so a failed
// build leaves the previous one whole.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist', 'playground');
const staging = `${outdir}.building-${process.pid}`;

const ENTRY_POINTS = {
  playground: 'src/api/playground/client.jsx',
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};

// @graphiql/toolkit imports graphql-ws only for subscriptions over a websocket, which the playground does
// not use (no subscriptionUrl); the package is not installed, so stand in a module that says so.
const noSubscriptions = {
  name: 'no-graphql-ws',
  setup(builder) {
    builder.onResolve({ filter: /^graphql-ws$/ }, () => ({ path: 'graphql-ws', namespace: 'newsgraph-stub' }));
    builder.onLoad({ filter: /.*/, namespace: 'newsgraph-stub' }, () => ({
      contents: 'export function createClient() { throw new Error("The newsgraph playground does not run subscriptions."); }',
      loader: 'js',
    }));
  },
};

rmSync(staging, { recursive: true, force: true });
mkdirSync(dirname(outdir), { recursive: true });
try {
  await build({
    absWorkingDir: root,
    entryPoints: ENTRY_POINTS,
    outdir: staging,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'firefox115', 'safari16.4'],
    minify: true,
    jsx: 'automatic',
    legalComments: 'eof',
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"' },
    // Fonts and images referenced by CSS become data: URLs, so the page fetches nothing but these files.
    loader: { '.ttf': 'dataurl', '.woff': 'dataurl', '.woff2': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
    plugins: [noSubscriptions],
    logLevel: 'warning',
  });
  rmSync(outdir, { recursive: true, force: true });
  renameSync(staging, outdir);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  throw error;
}

const files = readdirSync(outdir).sort();
const sizes = files.map((file) => `${file} ${(statSync(join(outdir, file)).size / 1024).toFixed(0)} KB`);
console.log(`playground bundle in dist/playground: ${sizes.join(', ')}`);
