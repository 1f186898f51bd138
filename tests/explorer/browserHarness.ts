/**
 * What the explorer's browser tests share: the bundle, headless Chromium (Debian's, driven by playwright-core, WebGL
 * through SwiftShader), opening a page once the explorer has built its view, and reading what the drawing holds.
 */
import { it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { RunningServer } from '../../src/api/index.js';
import { missingChromium, SYSTEM_CHROMIUM } from '../utils/externalTools.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** More than sigma's double-click delay (300 ms): two quicker clicks would zoom. */
export const CLICK_GAP_MS = 400;

const skip = missingChromium();
export const chromiumAvailable = skip === null;
export const chromiumIt = chromiumAvailable ? it : it.skip;

/** Builds the bundle when it is missing (a checkout that has not run `npm run build`). */
export function ensureBundle(): void {
  if (existsSync(join(ROOT, 'dist', 'explorer', 'explorer.js'))) return;
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-explorer.mjs')], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`scripts/build-explorer.mjs failed:\n${result.stderr}`);
}

/** A persistent Chromium context in a fresh profile directory, downloads accepted; page errors go to `problems`. */
export async function launchExplorerBrowser(problems: string[]): Promise<{ context: BrowserContext; profile: string }> {
  const profile = mkdtempSync(join(tmpdir(), 'newsgraph-explorer-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: SYSTEM_CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
    acceptDownloads: true,
  });
  context.on('weberror', (error) => problems.push(`page error: ${error.error().message}`));
  return { context, profile };
}

export const originOf = (server: RunningServer): string => new URL(server.url).origin;

export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => globalThis.newsgraphExplorer?.phase === 'ready', null, { timeout: 30_000 });
}

/** A fresh page at `path`, once the explorer has built its view; console errors go to `problems`. */
export async function openExplorer(context: BrowserContext, server: RunningServer, path: string, problems: string[]): Promise<Page> {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  await page.goto(`${originOf(server)}${path}`);
  await waitReady(page);
  return page;
}

/** What the drawing holds and shows, read from the page's graph and sigma's display data. */
export function drawing(page: Page) {
  return page.evaluate(() => {
    const app = globalThis.newsgraphExplorer;
    if (app === undefined) throw new Error('no explorer');
    const { graph, renderer } = app.view;
    return {
      nodes: graph.nodes().sort(),
      visibleNodes: graph.filterNodes((n) => renderer.getNodeDisplayData(n)?.hidden === false).sort(),
      visibleEdges: graph.filterEdges((e) => renderer.getEdgeDisplayData(e)?.hidden === false).sort(),
      selection: app.state.selection,
      filters: app.state.filters,
      camera: renderer.getCamera().getState(),
    };
  });
}
