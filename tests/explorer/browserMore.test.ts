/**
 * The explorer's remaining controls in headless Chromium, against a real server on loopback over
 * tests/fixtures/explorer-more (relations attributed to two speakers beside an unattributed one, several predicates
 * from one entity, dated events whose names sort otherwise than their dates, articles of two months) and the seed
 * graph: pin and collapse, expand by one predicate, the attribution filter, events as projections only, the time
 * histogram and timeline, the legend, and the PNG export. Assertions read the DOM and the drawing's state, not pixels.
 */
import { afterAll, beforeAll, describe, expect } from '@jest/globals';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { buildGraph } from '../../src/build/index.js';
import { askOverHttp, dataOf, seedGraph } from '../api/seed.js';
import { chromiumAvailable, chromiumIt, CLICK_GAP_MS, drawing, ensureBundle, launchExplorerBrowser, openExplorer, ROOT, waitReady } from './browserHarness.js';

const FIXTURE = join(ROOT, 'tests', 'fixtures', 'explorer-more');

let server: RunningServer;
let seedServer: RunningServer;
let context: BrowserContext;
let profile: string;
const problems: string[] = [];

beforeAll(async () => {
  ensureBundle();
  server = await startServer({ graph: await buildGraph(FIXTURE), port: 0, handleSignals: false });
  seedServer = await startServer({ graph: await seedGraph(), port: 0, handleSignals: false });
  if (!chromiumAvailable) return;
  ({ context, profile } = await launchExplorerBrowser(problems));
}, 60_000);

afterAll(async () => {
  if (chromiumAvailable) {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  await server.close();
  await seedServer.close();
});

const open = (path: string, on: RunningServer = server): Promise<Page> => openExplorer(context, on, path, problems);

/** Selects a node through the accessible list (a DOM click), a click gap after the previous one. */
async function selectNode(page: Page, id: string): Promise<void> {
  await page.waitForTimeout(CLICK_GAP_MS);
  await page.locator(`#node-list li[data-id="${id}"]`).click();
  await page.waitForFunction((node) => globalThis.newsgraphExplorer?.state.selection?.id === node, id);
}

async function click(page: Page, selector: string): Promise<void> {
  await page.waitForTimeout(CLICK_GAP_MS);
  await page.locator(selector).click();
}

function positions(page: Page): Promise<Record<string, [number, number]>> {
  return page.evaluate(() => {
    const graph = globalThis.newsgraphExplorer?.view.graph;
    return Object.fromEntries(graph?.mapNodes((n, a) => [n, [a.x, a.y] as [number, number]]) ?? []);
  });
}

/** Attributes of the drawn edges, by id. */
function edgesOf(page: Page) {
  return page.evaluate(() => {
    const graph = globalThis.newsgraphExplorer?.view.graph;
    return Object.fromEntries(graph?.mapEdges((e, a) => [e, { predicate: a.predicate, origin: a.origin, attributedTo: a.attributedTo, modality: a.modality, color: a.color }]) ?? []);
  });
}

function kindsOf(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const graph = globalThis.newsgraphExplorer?.view.graph;
    return Object.fromEntries(graph?.mapNodes((n, a) => [n, a.kind]) ?? []);
  });
}

/** Expands the selected node (optionally by one predicate) and waits for the layout worker to start and stop. */
async function expandSelected(page: Page, predicate = ''): Promise<void> {
  await page.locator('#expand-predicate').selectOption(predicate);
  const expansions = await page.evaluate(() => globalThis.newsgraphExplorer?.state.expansions.length ?? 0);
  await click(page, '#expand');
  await page.waitForFunction((n) => (globalThis.newsgraphExplorer?.state.expansions.length ?? 0) > n, expansions);
  await page.waitForFunction(() => globalThis.newsgraphExplorer?.view.layoutRunning === false, null, { timeout: 10_000 });
}

describe('the explorer\'s further controls in headless Chromium', () => {
  chromiumIt('pin: a pinned node stays put while the worker lays out an expansion, and survives collapse and reload', async () => {
    const page = await open('/explore?center=ceasefire-plan&depth=1');
    const first = await drawing(page);
    expect(first.nodes).toEqual(['anna-berg', 'ceasefire-plan', 'radio-north', 'tomas-lind']);

    // Pin Radio North: listed as pinned, labelled with the pin, recorded in the URL.
    await selectNode(page, 'radio-north');
    await click(page, '#pin');
    expect(await page.locator('#pin').getAttribute('aria-pressed')).toBe('true');
    expect(await page.locator('#node-list li[data-id="radio-north"]').textContent()).toMatch(/, pinned$/);
    expect(new URL(page.url()).searchParams.toString()).toContain('radio-north');
    const pinnedBefore = (await positions(page))['radio-north'];

    // Expand Anna Berg (all relations): new nodes move in the worker; the pinned node does not.
    await selectNode(page, 'anna-berg');
    const before = await positions(page);
    await expandSelected(page);
    const after = await positions(page);
    const fresh = Object.keys(after).filter((id) => before[id] === undefined).sort();
    expect(fresh).toEqual(expect.arrayContaining(['harbour-accord', 'berg-radio-meeting']));
    expect(after['radio-north']?.[0]).toBeCloseTo(pinnedBefore?.[0] ?? NaN, 4);
    expect(after['radio-north']?.[1]).toBeCloseTo(pinnedBefore?.[1] ?? NaN, 4);
    const server = dataOf(await askOverHttp(new URL('/graphql', page.url()).href)('{ explore(center: "anna-berg", depth: 1) { nodes { id x y } } }'));
    const laidOut = (server['explore'] as { nodes: { id: string; x: number; y: number }[] }).nodes.filter((n) => fresh.includes(n.id));
    expect(laidOut.some((n) => Math.hypot((after[n.id]?.[0] ?? n.x) - n.x, (after[n.id]?.[1] ?? n.y) - n.y) > 0.01)).toBe(true);

    // Pin Harbour accord, which hangs on Anna Berg alone; collapse Anna Berg: the expansion's other leaves go,
    // the pinned one and everything drawn before the expansion stay.
    await selectNode(page, 'harbour-accord');
    await click(page, '#pin');
    await selectNode(page, 'anna-berg');
    await click(page, '#collapse');
    await page.waitForFunction(() => globalThis.newsgraphExplorer?.state.collapsed.includes('anna-berg') === true);
    const collapsed = await drawing(page);
    expect(collapsed.nodes).toEqual(expect.arrayContaining(first.nodes));
    expect(collapsed.nodes).toContain('harbour-accord');
    // berg-radio-meeting's participants (Anna Berg, Radio North) are both drawn, so it does not hang on Anna Berg
    // alone and stays too.
    expect(collapsed.nodes).toContain('berg-radio-meeting');
    expect(await page.locator('#announcer').textContent()).toMatch(/^Collapsed Anna Berg: \d+ entities removed\.$/);

    // The URL rebuilds the same drawing, pins included.
    const again = await context.newPage();
    await again.goto(page.url());
    await waitReady(again);
    const restored = await drawing(again);
    expect(restored.nodes).toEqual(collapsed.nodes);
    expect([...(await again.evaluate(() => globalThis.newsgraphExplorer?.state.pinned ?? []))].sort()).toEqual(['harbour-accord', 'radio-north']);
    expect(await again.locator('#node-list li[data-id="harbour-accord"]').textContent()).toMatch(/, pinned$/);
    await again.close();

    // Unpinned, Harbour accord goes with the next collapse.
    await selectNode(page, 'harbour-accord');
    await click(page, '#pin');
    await selectNode(page, 'anna-berg');
    await click(page, '#collapse');
    await page.waitForFunction(() => globalThis.newsgraphExplorer?.view.graph.hasNode('harbour-accord') === false);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);

  chromiumIt('collapse removes the nodes an expansion added that hang on the expanded node alone', async () => {
    const page = await open('/explore?center=tomas-lind&depth=1');
    const first = (await drawing(page)).nodes;
    expect(first).not.toContain('harbour-accord');
    await selectNode(page, 'anna-berg');
    await expandSelected(page);
    const expanded = (await drawing(page)).nodes;
    const fresh = expanded.filter((id) => !first.includes(id));
    expect(fresh).toContain('harbour-accord');
    const hangingAlone = await page.evaluate((ids) => {
      const graph = globalThis.newsgraphExplorer?.view.graph;
      return ids.filter((id) => graph?.neighbors(id).every((n) => n === 'anna-berg') === true);
    }, fresh);
    expect(hangingAlone.length).toBeGreaterThan(0);
    await click(page, '#collapse');
    await page.waitForFunction(() => globalThis.newsgraphExplorer?.state.collapsed.includes('anna-berg') === true);
    const collapsed = (await drawing(page)).nodes;
    for (const id of hangingAlone) expect(collapsed).not.toContain(id);
    expect(collapsed).toEqual(expect.arrayContaining(first));
    expect(await page.locator('#node-list li[data-id="harbour-accord"]').count()).toBe(0);
    expect(await page.locator('#announcer').textContent()).toBe(`Collapsed Anna Berg: ${hangingAlone.length} entities removed.`);
    // Back returns to the expanded view.
    await page.goBack();
    await waitReady(page);
    expect((await drawing(page)).nodes).toEqual(expanded);
    await page.close();
  }, 90_000);

  chromiumIt('expand by one predicate adds only relations of that predicate', async () => {
    const page = await open('/explore?center=tomas-lind&depth=1');
    const before = await edgesOf(page);
    const nodesBefore = (await drawing(page)).nodes;
    const options = await page.locator('#expand-predicate option').evaluateAll((list) => list.map((o) => (o as HTMLOptionElement).value));
    expect(options).toEqual(expect.arrayContaining(['', 'BACKS', 'RESISTS', 'PARTICIPANT']));
    await selectNode(page, 'anna-berg');
    await expandSelected(page, 'BACKS');
    const after = await edgesOf(page);
    const added = Object.entries(after).filter(([id]) => before[id] === undefined);
    expect(added.length).toBeGreaterThan(0);
    expect(added.map(([, e]) => e.predicate)).toEqual(added.map(() => 'BACKS'));
    const nodes = (await drawing(page)).nodes;
    expect(nodes).toContain('harbour-accord');
    // Not the event Anna Berg takes part in with Radio North only (a PARTICIPANT edge).
    expect(nodes).not.toContain('berg-radio-meeting');
    expect(nodes.filter((id) => !nodesBefore.includes(id))).toEqual(['harbour-accord']);
    expect(await page.evaluate(() => globalThis.newsgraphExplorer?.state.expansions)).toEqual([{ id: 'anna-berg', predicate: 'BACKS' }]);
    // The same expansion with all relations adds that event too.
    await expandSelected(page, '');
    expect((await drawing(page)).nodes).toContain('berg-radio-meeting');
    await page.close();
  }, 90_000);

  chromiumIt('the attribution filter keeps the chosen speaker\'s relations and hides the others\'', async () => {
    const page = await open('/explore?center=ceasefire-plan&depth=1');
    const edges = await edgesOf(page);
    const bySpeaker = (speaker: string | null) => Object.entries(edges).filter(([, e]) => e.attributedTo === speaker).map(([id]) => id).sort();
    const berg = bySpeaker('anna-berg');
    const lind = bySpeaker('tomas-lind');
    expect(berg).toEqual(['tomas-lind--resists--ceasefire-plan']);
    expect(lind).toEqual(['radio-north--backs--ceasefire-plan']);
    const unattributed = 'anna-berg--backs--ceasefire-plan';
    expect((await drawing(page)).visibleEdges).toEqual(expect.arrayContaining([...berg, ...lind, unattributed]));
    const choices = await page.locator('#filter-attribution option').evaluateAll((list) => list.map((o) => [(o as HTMLOptionElement).value, o.textContent]));
    expect(choices).toEqual([['', 'anyone or no one'], ['anna-berg', 'Anna Berg'], ['tomas-lind', 'Tomas Lind']]);

    await page.locator('#filter-attribution').selectOption('anna-berg');
    let state = await drawing(page);
    expect(state.filters.attribution).toBe('anna-berg');
    expect(state.visibleEdges).toEqual(berg);
    expect(await page.locator('#edge-list li').evaluateAll((list) => list.map((li) => li.getAttribute('data-id')))).toEqual(berg);

    await page.locator('#filter-attribution').selectOption('tomas-lind');
    state = await drawing(page);
    expect(state.visibleEdges).toEqual(lind);

    // The URL keeps the filter.
    const again = await context.newPage();
    await again.goto(page.url());
    await waitReady(again);
    expect((await drawing(again)).visibleEdges).toEqual(lind);
    expect(await again.locator('#filter-attribution').inputValue()).toBe('tomas-lind');
    await again.close();

    await page.locator('#filter-attribution').selectOption('');
    expect((await drawing(page)).visibleEdges).toContain(unattributed);
    await page.close();
  }, 90_000);

  chromiumIt('"events as projections only" hides event nodes and role edges and shows the projected relations', async () => {
    const page = await open('/explore?center=anna-berg&depth=1');
    const edges = await edgesOf(page);
    const kinds = await kindsOf(page);
    const ofOrigin = (origin: string) => Object.entries(edges).filter(([, e]) => e.origin === origin).map(([id]) => id).sort();
    const roles = ofOrigin('ROLE');
    const projections = ofOrigin('PROJECTION');
    const events = Object.entries(kinds).filter(([, k]) => k === 'EVENT').map(([id]) => id).sort();
    expect(events).toEqual(['berg-radio-meeting', 'bergen-meeting', 'lind-criticism']);
    expect(roles.length).toBeGreaterThan(0);
    expect(projections.map((id) => edges[id]?.predicate).sort()).toEqual(expect.arrayContaining(['CRITICIZED', 'MET_WITH']));

    // By default: events and their role edges, not the projections.
    let state = await drawing(page);
    expect(state.visibleNodes).toEqual(expect.arrayContaining(events));
    expect(state.visibleEdges).toEqual(expect.arrayContaining(roles));
    for (const id of projections) expect(state.visibleEdges).not.toContain(id);

    await page.locator('#projections-only').check();
    state = await drawing(page);
    expect(state.filters.projectionsOnly).toBe(true);
    for (const id of events) expect(state.visibleNodes).not.toContain(id);
    for (const id of roles) expect(state.visibleEdges).not.toContain(id);
    expect(state.visibleEdges).toEqual(expect.arrayContaining(projections));
    expect(await page.locator('#node-list li[data-id="bergen-meeting"]').count()).toBe(0);
    expect(await page.locator('#timeline li').count()).toBe(0);
    const listed = await page.locator('#edge-list li').allTextContents();
    expect(listed.some((text) => text.startsWith('Tomas Lind — criticized → Anna Berg'))).toBe(true);

    await page.locator('#projections-only').uncheck();
    state = await drawing(page);
    expect(state.visibleNodes).toEqual(expect.arrayContaining(events));
    for (const id of projections) expect(state.visibleEdges).not.toContain(id);
    await page.close();
  }, 90_000);

  chromiumIt('time: the histogram counts articles per month, the slider cuts the view, the timeline lists events in time order', async () => {
    const page = await open('/explore?center=anna-berg&depth=1');
    const bars = page.locator('#histogram .bar');
    expect(await bars.evaluateAll((list) => list.map((b) => b.getAttribute('title')))).toEqual(['2025-02: 1 article', '2025-05: 1 article']);
    expect(await page.locator('#histogram .bar.outside').count()).toBe(0);
    expect(await page.locator('#time-to').getAttribute('max')).toBe('1');
    expect(await page.locator('#time-from-label').textContent()).toBe('2025-02-14');
    expect(await page.locator('#time-to-label').textContent()).toBe('2025-05-20');

    // Events in time order (their names sort otherwise), each a button that selects the event.
    const timeline = await page.locator('#timeline li button').allTextContents();
    expect(timeline).toEqual(['2025-02-10 · Berg–Radio North meeting', '2025-05-03 · Lind\'s criticism of Berg', '2025-05-12 · Bergen meeting of Lind and Berg']);
    await click(page, '#timeline button[data-id="lind-criticism"]');
    await page.waitForFunction(() => globalThis.newsgraphExplorer?.state.selection?.id === 'lind-criticism');

    // Up to the first date: the May article's events and relations go; its month's bar is outside.
    await page.locator('#time-to').fill('0');
    const state = await drawing(page);
    expect(state.filters.to).toBe('2025-02-14');
    expect(await page.locator('#time-to-label').textContent()).toBe('2025-02-14');
    expect(await page.locator('#histogram .bar.outside').evaluateAll((list) => list.map((b) => b.getAttribute('title')))).toEqual(['2025-05: 1 article']);
    expect(await page.locator('#timeline li button').allTextContents()).toEqual(['2025-02-10 · Berg–Radio North meeting']);
    expect(state.visibleNodes).not.toContain('bergen-meeting');
    expect(state.visibleNodes).not.toContain('harbour-accord');
    expect(state.visibleNodes).toContain('berg-radio-meeting');
    expect(state.visibleEdges).not.toContain('anna-berg--backs--harbour-accord');

    // From the second date: only May remains.
    await page.locator('#time-to').fill('1');
    await page.locator('#time-from').fill('1');
    expect((await drawing(page)).filters.to).toBeNull();
    expect(await page.locator('#timeline li button').allTextContents()).toEqual(['2025-05-03 · Lind\'s criticism of Berg', '2025-05-12 · Bergen meeting of Lind and Berg']);
    expect(await page.locator('#histogram .bar.outside').evaluateAll((list) => list.map((b) => b.getAttribute('title')))).toEqual(['2025-02: 1 article']);
    await page.close();
  }, 90_000);

  chromiumIt('the legend lists every entity kind of the API and the negated and modality styles, in the colours drawn', async () => {
    const page = await open('/explore?center=us-peace-framework&depth=1', seedServer);
    const answer = dataOf(await askOverHttp(seedServer.url)('{ __type(name: "EntityKind") { enumValues { name } } }'));
    const kinds = (answer['__type'] as { enumValues: { name: string }[] }).enumValues.map((v) => v.name.toLowerCase());
    expect(kinds.length).toBeGreaterThan(5);
    const entries = await page.locator('#legend li').allTextContents();
    for (const kind of kinds) expect(entries).toContain(kind);
    const text = entries.join('\n');
    for (const modality of ['asserted', 'reported', 'alleged', 'planned', 'hypothetical', 'background']) expect(text).toContain(modality);
    expect(text).toMatch(/negated.*NOT endorsed/);

    // The swatches are the colours the drawing uses: a negated edge's red and dash, a person's dot.
    const negated = page.locator('#legend li', { hasText: 'negated' }).locator('.swatch');
    expect(await negated.getAttribute('class')).toContain('dashed');
    const edges = await edgesOf(page);
    const negatedColor = Object.values(edges).find((e) => e.color.startsWith('rgba(214, 39, 40'))?.color ?? '';
    expect(negatedColor).not.toBe('');
    expect(await negated.evaluate((s) => getComputedStyle(s).borderTopColor)).toBe('rgb(214, 39, 40)');
    // Each kind drawn has the dot colour of its legend entry.
    const drawnColors = await page.evaluate(() => {
      const graph = globalThis.newsgraphExplorer?.view.graph;
      return Object.fromEntries(graph?.mapNodes((_n, a) => [a.kind.toLowerCase(), a.color]) ?? []);
    });
    expect(Object.keys(drawnColors).length).toBeGreaterThan(1);
    const hex = (rgb: string): string => `#${(rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;
    for (const [kind, color] of Object.entries(drawnColors)) {
      const dot = await page.locator('#legend li', { hasText: new RegExp(`^${kind}$`) }).locator('.swatch.dot').evaluate((s) => getComputedStyle(s).backgroundColor);
      expect([kind, hex(dot)]).toEqual([kind, color]);
    }
    const reported = Object.values(edges).find((e) => e.modality === 'reported');
    const asserted = Object.values(edges).find((e) => e.modality === 'asserted');
    const legendLine = (label: RegExp) => page.locator('#legend li', { hasText: label }).locator('.swatch').evaluate((s) => getComputedStyle(s).backgroundColor);
    expect(await legendLine(/^reported/)).toBe(reported?.color.replace(/\s/g, '').replace(/,/g, ', '));
    expect(await legendLine(/^asserted$/)).toBe(asserted?.color === 'rgba(80, 80, 80, 1)' ? 'rgb(80, 80, 80)' : asserted?.color);
    await page.close();
  }, 90_000);

  chromiumIt('"Export subgraph" exports what is drawn, expansions included', async () => {
    const page = await open('/explore?center=tomas-lind&depth=1');
    expect((await drawing(page)).nodes).not.toContain('harbour-accord');
    await selectNode(page, 'anna-berg');
    await expandSelected(page);
    const drawn = (await drawing(page)).nodes;
    expect(drawn).toContain('harbour-accord');
    await page.locator('#export-format').selectOption('json');
    await page.waitForTimeout(CLICK_GAP_MS);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.locator('#export-link').click()]);
    expect(download.suggestedFilename()).toBe('newsgraph.json');
    const file = join(profile, 'subgraph.json');
    await download.saveAs(file);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as { nodes: { key: string }[]; edges: { source: string; target: string }[] };
    expect(exported.nodes.map((n) => n.key).sort()).toEqual(drawn);
    expect(exported.edges.length).toBeGreaterThan(0);
    for (const edge of exported.edges) expect([drawn.includes(edge.source), drawn.includes(edge.target)]).toEqual([true, true]);
    expect(await page.locator('#announcer').textContent()).toBe(`Exported ${drawn.length} entities as json.`);
    await page.close();
  }, 90_000);

  chromiumIt('PNG export downloads a real PNG of the view', async () => {
    const page = await open('/explore?center=us-peace-framework&depth=1', seedServer);
    await page.waitForTimeout(CLICK_GAP_MS);
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), page.locator('#export-png').click()]);
    expect(download.suggestedFilename()).toBe('newsgraph-us-peace-framework.png');
    const file = join(profile, 'export.png');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    const box = await page.locator('#graph').boundingBox();
    // As large as the canvas (times the device pixel ratio, 1 here).
    expect(width).toBe(Math.round(box?.width ?? 0));
    expect(height).toBe(Math.round(box?.height ?? 0));
    expect(bytes.length).toBeGreaterThan(10_000);
    expect(problems).toEqual([]);
    await page.close();
  }, 90_000);
});
