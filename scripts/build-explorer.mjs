// Bundles the explorer (src/explorer/, framework-free TypeScript over sigma.js and graphology) into dist/explorer/,
// which src/api/http/explorerRoute.ts serves under /explorer/. Nothing in the output loads from another host.
//
// Output, minified and byte-identical from run to run for the same sources and packages:
//   explorer.js    the page's script (IIFE), with sigma, graphology, the ForceAtlas2 worker (started from a blob:
//                  URL, so no separate file) and @sigma/edge-curve / @sigma/export-image
//   explorer.css   its styles
//
// Written to a fresh directory beside dist/explorer and swapped in when complete: a failed build leaves the old one.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist', 'explorer');
const staging = `${outdir}.building-${process.pid}`;

rmSync(staging, { recursive: true, force: true });
mkdirSync(dirname(outdir), { recursive: true });
try {
  await build({
    absWorkingDir: root,
    entryPoints: [
      { in: 'src/explorer/main.ts', out: 'explorer' },
      { in: 'src/explorer/explorer.css', out: 'explorer' },
    ],
    outdir: staging,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome110', 'firefox115', 'safari16.4'],
    minify: true,
    legalComments: 'eof',
    charset: 'utf8',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'warning',
  });
  rmSync(outdir, { recursive: true, force: true });
  renameSync(staging, outdir);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  throw error;
}

const files = readdirSync(outdir).sort();
const sizes = files.map((file) => {
  const path = join(outdir, file);
  return `${file} ${(statSync(path).size / 1024).toFixed(0)} KB (${(gzipSync(readFileSync(path)).length / 1024).toFixed(0)} KB gzipped)`;
});
console.log(`explorer bundle in dist/explorer: ${sizes.join(', ')}`);
