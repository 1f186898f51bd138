/**
 * The explorer in headless Chromium (Debian's, driven by playwright-core, WebGL through SwiftShader), against real
 * servers on loopback: the seed article's graph and tests/fixtures/explorer (quotes after emoji and combining marks,
 * a negated relation, two dated articles). Assertions read the DOM and the drawing's state, not pixels.
 * Clicks on the canvas are more than 300 ms apart: sigma turns two quicker clicks into a zooming double-click.
 */
import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { buildGraph } from '../../src/build/index.js';
import { askOverHttp, dataOf, seedGraph } from '../api/seed.js';
import { chromiumAvailable, chromiumIt, CLICK_GAP_MS, drawing, ensureBundle, launchExplorerBrowser, openExplorer, originOf, ROOT, waitReady } from './browserHarness.js';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'explorer');

let seedServer: RunningServer;
let fixtureServer: RunningServer;
let context: BrowserContext;
let profile: string;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  ensureBundle();
  seedServer = await startServer({ graph: await seedGraph(), port: 0, handleSignals: false });
  fixtureServer = await startServer({ graph: await buildGraph(FIXTURE), port: 0, handleSignals: false });
  if (!chromiumAvailable) return;
  ({ context, profile } = await launchExplorerBrowser(problems));
  context.on('request', (request) => requests.push(request.url()));
}, 60_000);

afterAll(async () => {
  if (chromiumAvailable) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  await seedServer.close();
  await fixtureServer.close();
});

/** A fresh page at `path`, once the explorer has built its view. */
const open = (server: RunningServer, path: string): Promise<Page> => openExplorer(context, server, path, problems);

/** Clicks the middle of a straight edge on the canvas (in viewport pixels of the graph container). */
async function clickEdge(page: Page, edge: string): Promise<void> {
  const middle = await page.evaluate((id) => {
    const app = globalThis.newsgraphExplorer;
    if (app === undefined) throw new Error('no explorer');
    const { graph } = app.view;
    const a = app.view.nodeOnScreen(graph.source(id));
    const b = app.view.nodeOnScreen(graph.target(id));
    return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
  }, edge);
  const box = await page.locator('#graph').boundingBox();
  const point = { x: (box?.x ?? 0) + middle.x, y: (box?.y ?? 0) + middle.y };
  await page.waitForTimeout(CLICK_GAP_MS);
  await page.mouse.click(point.x, point.y);
}

describe('the explorer in headless Chromium', () => {
  chromiumIt('loads nothing from outside its origin, and search finds "gahr store"', async () => {
    const page = await open(seedServer, '/explore');
    await page.locator('#search-input').fill('gahr store');
    const hit = page.locator('#search-results li[data-id="jonas-gahr-store"]');
    await hit.waitFor();
    expect(await hit.textContent()).toContain('Jonas Gahr Støre');
    await hit.click();
    await page.waitForFunction(() => globalThis.newsgraphExplorer?.state.center === 'jonas-gahr-store' && globalThis.newsgraphExplorer.phase === 'ready');
    const state = await drawing(page);
    expect(state.nodes).toContain('jonas-gahr-store');
    expect(state.nodes.length).toBeGreaterThan(3);
    await page.locator('#node-list li[data-id="jonas-gahr-store"]').waitFor();
    const origins = new Set(requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:')).map((url) => new URL(url).origin));
    expect([...origins].filter((o) => o !== originOf(seedServer) && o !== originOf(fixtureServer))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);

  chromiumIt('highlights exactly the quoted characters of a clicked edge, after emoji and combining marks', async () => {
    const page = await open(fixtureServer, '/explore?center=zoe-angstrom&depth=1');
    const edge = 'zoe-angstrom--proposed--ceasefire-plan';
    await clickEdge(page, edge);
    await page.waitForFunction((id) => globalThis.newsgraphExplorer?.state.selection?.id === id, edge);
    const mark = page.locator('#article-text mark');
    await mark.waitFor();
    expect(await mark.count()).toBe(1);
    const answer = dataOf(await askOverHttp(fixtureServer.url)(`{ relations(subject: "zoe-angstrom", predicate: ["PROPOSED"]) { edges { node { evidence { exact } } } } }`));
    const exact = (answer['relations'] as { edges: { node: { evidence: { exact: string }[] } }[] }).edges[0]?.node.evidence[0]?.exact;
    expect(exact).toBe('Ångström proposed a ceasefire plan'.normalize('NFD'));
    expect(await mark.textContent()).toBe(exact);
    // The article pane holds the whole text, emoji and all, around the one mark.
    expect(await page.locator('#article-text').textContent()).toContain('🌊🧑🏽‍⚖️');
    await page.close();
  }, 60_000);

  chromiumIt('draws a negated relation in its own colour and lists it as negated; filters hide and show', async () => {
    const page = await open(fixtureServer, '/explore?center=ceasefire-plan&depth=1');
    const negated = 'anna-berg--not-endorsed--ceasefire-plan';
    const look = await page.evaluate((id) => {
      const app = globalThis.newsgraphExplorer;
      if (app === undefined) throw new Error('no explorer');
      return { attributes: app.view.graph.getEdgeAttributes(id), shown: app.view.renderer.getEdgeDisplayData(id) };
    }, negated);
    expect(look.attributes.negated).toBe(true);
    expect(look.attributes.label).toBe('NOT endorsed');
    expect(look.attributes.type).toBe('dashed');
    expect(look.shown?.hidden).toBe(false);
    expect(look.shown?.color).toMatch(/^rgba\(214, 39, 40/);
    const listed = page.locator(`#edge-list li[data-id="${negated}"]`);
    expect(await listed.getAttribute('data-negated')).toBe('true');
    expect(await listed.textContent()).toMatch(/NOT endorsed.*\(negated\)/);

    // Negated: hidden, then only them, then all.
    await page.locator('#filter-negated').selectOption('hide');
    expect((await drawing(page)).visibleEdges).not.toContain(negated);
    expect(await page.locator(`#edge-list li[data-id="${negated}"]`).count()).toBe(0);
    await page.locator('#filter-negated').selectOption('only');
    expect((await drawing(page)).visibleEdges).toEqual([negated]);
    await page.locator('#filter-negated').selectOption('all');
    expect((await drawing(page)).visibleEdges).toContain(negated);

    // A kind chip hides that kind's nodes (and their edges), and shows them again.
    const person = page.locator('#chips-kind button[data-value="PERSON"]');
    await person.click();
    let state = await drawing(page);
    expect(state.visibleNodes).not.toContain('anna-berg');
    expect(state.visibleNodes).toContain('ceasefire-plan');
    expect(state.visibleEdges).not.toContain(negated);
    await person.click();
    state = await drawing(page);
    expect(state.visibleNodes).toContain('anna-berg');

    // Modality: the reported BACKS goes with "reported".
    const reported = page.locator('#chips-modality button[data-value="reported"]');
    await reported.click();
    expect((await drawing(page)).visibleEdges).not.toContain('tomas-lind--backs--ceasefire-plan');
    await reported.click();
    expect((await drawing(page)).visibleEdges).toContain('tomas-lind--backs--ceasefire-plan');

    // Article: only what the radio article states.
    await page.locator('#filter-article').selectOption('radio-rebuke');
    state = await drawing(page);
    expect(state.visibleEdges).toContain('tomas-lind--backs--ceasefire-plan');
    expect(state.visibleEdges).not.toContain(negated);
    await page.locator('#filter-article').selectOption('');

    // Time: the slider's upper end on the first date leaves out the April article.
    await page.locator('#time-to').fill('0');
    state = await drawing(page);
    expect(state.visibleEdges).toContain(negated);
    expect(state.visibleEdges).not.toContain('tomas-lind--backs--ceasefire-plan');
    expect(state.filters.to).toBe('2025-03-02');
    await page.close();
  }, 60_000);

  chromiumIt('shows the path between two entities with a quote per hop, and the URL restores the view', async () => {
    const page = await open(fixtureServer, '/explore?center=zoe-angstrom&depth=1');
    await page.locator('#path-from').fill('zoe angstrom');
    await page.locator('#path-to').fill('tomas lind');
    await page.locator('#path-form button[type="submit"]').click();
    const hops = page.locator('#path-result li');
    await page.locator('#path-result li q').nth(1).waitFor();
    expect(await hops.count()).toBe(2);
    const quotes = await page.locator('#path-result li q').allTextContents();
    expect(quotes).toEqual(['Ångström proposed a ceasefire plan'.normalize('NFD'), 'Lind reportedly backs the ceasefire plan']);
    const drawn = await drawing(page);
    expect(drawn.nodes).toContain('tomas-lind');

    // Select a node, hide a kind, move the camera; then open the URL in a new page.
    await page.locator('#node-list li[data-id="ceasefire-plan"]').click();
    await page.locator('#chips-kind button[data-value="EVENT"]').click();
    await page.evaluate(() => globalThis.newsgraphExplorer?.view.renderer.getCamera().setState({ x: 0.4, y: 0.6, ratio: 0.8 }));
    await page.waitForURL((url) => url.searchParams.get('cam') === '0.4000,0.6000,0.8000');
    const url = page.url();
    const before = await drawing(page);
    const again = await context.newPage();
    await again.goto(url);
    await waitReady(again);
    const after = await drawing(again);
    expect(after.selection).toEqual({ kind: 'node', id: 'ceasefire-plan' });
    expect(after.filters.hiddenKinds).toEqual(['EVENT']);
    expect(after.visibleNodes).toEqual(before.visibleNodes);
    expect(after.visibleEdges).toEqual(before.visibleEdges);
    expect(after.camera.ratio).toBeCloseTo(0.8, 3);
    expect(after.camera.x).toBeCloseTo(0.4, 3);
    expect(await again.locator('#path-result li q').count()).toBe(2);

    // Back leads to the view before the path.
    await again.close();
    await page.goBack();
    await waitReady(page);
    expect((await drawing(page)).nodes).not.toContain('tomas-lind');
    await page.close();
  }, 60_000);

  chromiumIt('expands a node with new nodes laid out in the worker, the others left where they were', async () => {
    const page = await open(fixtureServer, '/explore?center=lind-rebuke&depth=1');
    const before = await page.evaluate(() => {
      const { graph } = globalThis.newsgraphExplorer?.view ?? { graph: null };
      return Object.fromEntries(graph?.mapNodes((n, a) => [n, [a.x, a.y]]) ?? []);
    });
    await page.locator('#node-list li[data-id="anna-berg"]').click();
    await page.locator('#expand').click();
    await page.waitForFunction(() => globalThis.newsgraphExplorer?.view.layoutRunning === true);
    await page.waitForFunction(() => globalThis.newsgraphExplorer?.view.layoutRunning === false, null, { timeout: 10_000 });
    const after = await page.evaluate(() => {
      const { graph } = globalThis.newsgraphExplorer?.view ?? { graph: null };
      return Object.fromEntries(graph?.mapNodes((n, a) => [n, [a.x, a.y]]) ?? []);
    });
    expect(Object.keys(after).length).toBeGreaterThan(Object.keys(before).length);
    // Fixed nodes come back from the worker's Float32 matrix unmoved, to float precision.
    for (const [id, [x, y] = []] of Object.entries(before)) {
      expect(after[id]?.[0]).toBeCloseTo(x ?? NaN, 4);
      expect(after[id]?.[1]).toBeCloseTo(y ?? NaN, 4);
    }
    const server = dataOf(await askOverHttp(fixtureServer.url)('{ explore(center: "anna-berg", depth: 1) { nodes { id x y } } }'));
    const fresh = (server['explore'] as { nodes: { id: string; x: number; y: number }[] }).nodes.filter((n) => before[n.id] === undefined);
    expect(fresh.length).toBeGreaterThan(0);
    // The worker ran (the CSP allows its blob: URL): some new node moved from its server position.
    expect(fresh.some((n) => Math.hypot((after[n.id]?.[0] ?? n.x) - n.x, (after[n.id]?.[1] ?? n.y) - n.y) > 0.01)).toBe(true);
    expect(new URL(page.url()).searchParams.get('expand')).toBe('anna-berg');
    await page.close();
  }, 60_000);

  chromiumIt('keyboard: arrows move between neighbours, Enter selects, Escape clears, with announcements', async () => {
    const page = await open(fixtureServer, '/explore?center=ceasefire-plan&depth=1&sel=n:ceasefire-plan');
    await page.locator('#graph').focus();
    await page.keyboard.press('ArrowRight');
    const announced = await page.locator('#announcer').textContent();
    expect(announced).toMatch(/neighbours of Ceasefire plan\. Enter selects\./);
    await page.keyboard.press('Enter');
    const selected = await page.evaluate(() => globalThis.newsgraphExplorer?.state.selection);
    expect(selected?.kind).toBe('node');
    expect(selected?.id).not.toBe('ceasefire-plan');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => globalThis.newsgraphExplorer?.state.selection)).toBeNull();
    expect(await page.locator('#announcer').getAttribute('aria-live')).toBe('polite');

    // Arrow keys step through the quotes of the selection, each highlighted in its own article.
    await page.locator('#node-list li[data-id="anna-berg"]').click();
    await page.locator('#evidence-list li').nth(1).waitFor();
    const quotes = await page.locator('#evidence-list li q').allTextContents();
    expect(quotes.length).toBeGreaterThanOrEqual(2);
    await page.locator('#article-text mark').waitFor();
    expect(await page.locator('#article-text mark').textContent()).toBe(quotes[0]);
    await page.locator('#evidence-list').focus();
    await page.keyboard.press('ArrowDown');
    await page.locator('#evidence-list li[data-index="1"][aria-selected="true"]').waitFor();
    await page.waitForFunction((quote) => globalThis.newsgraphExplorer !== undefined && document.querySelector('#article-text mark')?.textContent === quote, quotes[1]);
    expect(await page.locator('#article-text mark').count()).toBe(1);
    await page.close();
  }, 60_000);

  chromiumIt('screenshot smoke test of the seed graph', async () => {
    const page = await open(seedServer, '/explore?center=us-peace-framework&depth=1&sel=e:russia--not-endorsed--us-peace-framework');
    await page.locator('#article-text mark').waitFor();
    const shot = join(profile, 'explorer.png');
    await page.screenshot({ path: shot });
    expect(statSync(shot).size).toBeGreaterThan(20_000);
    const state = await drawing(page);
    expect(state.nodes.length).toBeGreaterThan(5);
    expect(await page.locator('#node-list li').count()).toBe(state.visibleNodes.length);
    expect(await page.locator('#edge-list li').count()).toBe(state.visibleEdges.length);
    const canvas = await page.locator('#graph canvas').first().boundingBox();
    expect((canvas?.width ?? 0) * (canvas?.height ?? 0)).toBeGreaterThan(100_000);
    expect(await page.locator('.relation-title').getAttribute('data-negated')).toBe('true');
    expect(await page.locator('#evidence-heading .badge.negated').textContent()).toContain('not endorsed');
    expect(problems).toEqual([]);
    await page.close();
  }, 60_000);
});
