// Regenerates docs/explorer.png: the explorer on the seed article's graph, in headless Chromium, through the same
// page and server as `newsgraph serve`. Run after `npm run build` (npm run screenshot does both).
//
//   node scripts/screenshot-explorer.mjs [OUT.png] [--center ID] [--data DIR]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { buildGraph, startServer } from '../dist/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at === -1 ? fallback : args.splice(at, 2)[1];
};
const center = option('--center', 'us-peace-framework');
const dataDir = option('--data', join(root, 'data'));
const out = args[0] ?? join(root, 'docs', 'explorer.png');

const graph = await buildGraph(dataDir);
const server = await startServer({ graph, port: 0, handleSignals: false });
const origin = new URL(server.url).origin;
const profile = mkdtempSync(join(tmpdir(), 'newsgraph-screenshot-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1600, height: 1000 },
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${origin}/explore?center=${encodeURIComponent(center)}&depth=1&sel=e:russia--not-endorsed--us-peace-framework`);
  await page.waitForFunction(() => window.newsgraphExplorer?.phase === 'ready' && document.querySelector('#article-text mark') !== null, null, { timeout: 30_000 });
  await page.waitForTimeout(500);
  await page.screenshot({ path: out });
  const drawn = await page.evaluate(() => window.newsgraphExplorer.view.graph.order);
  console.log(`wrote ${out}: ${drawn} entities around ${center}`);
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  await server.close();
}
