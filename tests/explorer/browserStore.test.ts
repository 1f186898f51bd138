/**
 * The explorer in headless Chromium against a server over PostgreSQL alone (no graph in its memory), on loopback:
 * "Export subgraph" downloads what is drawn, read from the database, byte for byte the file a server holding the
 * same graph in memory writes for the same ids.
 */
import { afterAll, beforeAll, expect } from '@jest/globals';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import type { RunningServer } from '../../src/api/index.js';
import { buildGraph } from '../../src/build/index.js';
import { serveTwice, type ServedTwice } from '../store/servedTwice.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { chromiumAvailable, chromiumIt, CLICK_GAP_MS, drawing, ensureBundle, launchExplorerBrowser, openExplorer, ROOT } from './browserHarness.js';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'explorer-more');

describePostgres('the explorer over a PostgreSQL store', () => {
  let served: ServedTwice;
  let server: RunningServer;
  let context: BrowserContext;
  let profile: string;
  const problems: string[] = [];

  beforeAll(async () => {
    ensureBundle();
    served = await serveTwice(await buildGraph(FIXTURE));
    server = served.postgresServer;
    if (!chromiumAvailable) return;
    ({ context, profile } = await launchExplorerBrowser(problems));
  }, 120_000);

  afterAll(async () => {
    if (chromiumAvailable) {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    }
    await served?.close();
  });

  chromiumIt('"Export subgraph" downloads what is drawn, read from the database, as the in-memory server writes it', async () => {
    const page = await openExplorer(context, server, '/explore?center=tomas-lind&depth=1', problems);
    const drawn = (await drawing(page)).nodes;
    expect(drawn.length).toBeGreaterThan(2);
    for (const format of ['json', 'graphml']) {
      await page.locator('#export-format').selectOption(format);
      await page.waitForTimeout(CLICK_GAP_MS);
      const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.locator('#export-link').click()]);
      expect(download.suggestedFilename()).toBe(`newsgraph.${format}`);
      const file = join(profile, `subgraph.${format}`);
      await download.saveAs(file);
      const fromDatabase = readFileSync(file, 'utf8');
      // The same ids POSTed to the server that holds the graph in memory.
      const response = await fetch(served.memoryServer.url.replace(/\/graphql$/u, `/export/${format}`), {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ids: drawn.join(',') }).toString(),
      });
      expect(response.status).toBe(200);
      expect(fromDatabase).toBe(await response.text());
      expect(await page.locator('#announcer').textContent()).toBe(`Exported ${drawn.length} entities as ${format}.`);
    }
    const exported = JSON.parse(readFileSync(join(profile, 'subgraph.json'), 'utf8')) as { nodes: { key: string }[]; edges: unknown[] };
    expect(exported.nodes.map((n) => n.key).sort()).toEqual([...drawn].sort());
    expect(exported.edges.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
});
