/**
 * The explorer's server side: Query.explore (a capped neighbourhood that says when it was cut, with positions from
 * a deterministic layout computed once per graph), and the page's headers (a CSP header on the explorer and on the
 * playground, the worker allowed from blob:), over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { buildGraph } from '../../src/build/index.js';
import { graphLayout, neighborhoodRings } from '../../src/graph/index.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { askOverHttp, codesOf, dataOf, seedGraph, type Ask } from '../api/seed.js';
import { SEED_DATA } from '../utils/fixtures.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/explorer/', import.meta.url));

const EXPLORE = `query ($center: ID!, $depth: Int, $limit: Int, $predicate: [String!]) {
  explore(center: $center, depth: $depth, limit: $limit, predicate: $predicate) {
    center truncated reachable reachableIsExact edgesTruncated
    nodes { id name kind x y distance degree articleIds }
    edges { id predicate source target negated modality origin articleIds }
  }
}`;

interface View {
  center: string;
  truncated: boolean;
  reachableIsExact: boolean;
  edgesTruncated: boolean;
  reachable: number;
  nodes: { id: string; x: number; y: number; distance: number }[];
  edges: { id: string; source: string; target: string; negated: boolean; predicate: string }[];
}

let seed: NewsGraph;
let server: RunningServer;
let ask: Ask;
beforeAll(async () => {
  seed = await seedGraph();
  server = await startServer({ graph: seed, port: 0, handleSignals: false });
  ask = askOverHttp(server.url);
});
afterAll(async () => {
  await server.close();
});

async function explore(variables: Record<string, unknown>): Promise<View> {
  return dataOf(await ask(EXPLORE, variables))['explore'] as View;
}

describe('Query.explore', () => {
  it('gives the neighbourhood nearest first, with every relation among the entities drawn', async () => {
    const view = await explore({ center: 'us-peace-framework', depth: 1 });
    expect(view.truncated).toBe(false);
    expect(view.nodes[0]).toMatchObject({ id: 'us-peace-framework', distance: 0 });
    expect(view.nodes.slice(1).every((n) => n.distance === 1)).toBe(true);
    expect(view.reachable).toBe(view.nodes.length);
    const ids = new Set(view.nodes.map((n) => n.id));
    for (const edge of view.edges) expect([ids.has(edge.source), ids.has(edge.target)]).toEqual([true, true]);
    expect(view.edges.find((e) => e.source === 'russia' && e.predicate === 'ENDORSED')?.negated).toBe(true);
  });

  it('cuts at the limit and says so', async () => {
    const whole = await explore({ center: 'us-peace-framework', depth: 2 });
    const cut = await explore({ center: 'us-peace-framework', depth: 2, limit: 5 });
    expect(whole.nodes.length).toBeGreaterThan(5);
    expect(cut.nodes.map((n) => n.id)).toEqual(whole.nodes.slice(0, 5).map((n) => n.id));
    expect([cut.truncated, cut.reachable, cut.reachableIsExact]).toEqual([true, whole.nodes.length, true]);
    expect(whole.edgesTruncated).toBe(false);
    const kept = new Set(cut.nodes.map((n) => n.id));
    expect(cut.edges.every((e) => kept.has(e.source) && kept.has(e.target))).toBe(true);
    // At most four relations per entity drawn, and it says when there were more.
    const two = await explore({ center: 'us-peace-framework', depth: 1, limit: 2 });
    expect(two.edges.length).toBeLessThanOrEqual(8);
    const among = whole.edges.filter((e) => two.nodes.some((n) => n.id === e.source) && two.nodes.some((n) => n.id === e.target));
    expect(two.edgesTruncated).toBe(among.length > 8);
    expect(two.edges.length).toBe(Math.min(among.length, 8));
  });

  it('joins an expansion to what is already drawn through connectTo', async () => {
    const alone = await explore({ center: 'russia', depth: 0 });
    expect(alone.edges).toEqual([]);
    const joined = dataOf(await ask('{ explore(center: "russia", depth: 0, connectTo: ["us-peace-framework"]) { nodes { id } edges { id source target } } }'))['explore'] as View;
    expect(joined.nodes.map((n) => n.id)).toEqual(['russia']);
    expect(joined.edges.map((e) => e.id)).toContain('russia--not-endorsed--us-peace-framework');
    expect(joined.edges.every((e) => [e.source, e.target].includes('russia'))).toBe(true);
  });

  it('stops counting at a budget once the entities to draw are found, and says the count is a lower bound', async () => {
    const whole = neighborhoodRings(seed, 'donald-trump', { depth: 2 });
    const budgeted = neighborhoodRings(seed, 'donald-trump', { depth: 2, limit: 3, countBudget: 5 });
    expect(budgeted.kept).toEqual(whole.kept.slice(0, 3));
    expect(budgeted.exact).toBe(false);
    expect(budgeted.reachable).toBeLessThan(whole.reachable);
    // Before the limit is reached, the budget does not stop the walk.
    expect(neighborhoodRings(seed, 'donald-trump', { depth: 2, countBudget: 5 })).toEqual(whole);
    expect(whole.exact).toBe(true);
  });

  it('follows only the predicates asked for', async () => {
    const view = await explore({ center: 'us-peace-framework', depth: 1, predicate: ['ENDORSED'] });
    expect(view.edges.length).toBeGreaterThan(0);
    expect(view.edges.every((e) => e.predicate === 'ENDORSED')).toBe(true);
  });

  it('draws every entity where the graph layout puts it, the same on every build', async () => {
    const view = await explore({ center: 'donald-trump', depth: 1 });
    const layout = graphLayout(seed);
    for (const node of view.nodes) expect({ x: node.x, y: node.y }).toEqual(layout.get(node.id));
    const again = graphLayout(await buildGraph(SEED_DATA));
    expect(Object.fromEntries(again)).toEqual(Object.fromEntries(layout));
    // Spread out, not piled on one point.
    const xs = view.nodes.map((n) => n.x);
    expect(Math.max(...xs) - Math.min(...xs)).toBeGreaterThan(1);
  });

  it('refuses an unknown centre, a bad limit and an unknown predicate with codes', async () => {
    expect(codesOf(await ask(EXPLORE, { center: 'nobody' }))).toEqual(['NOT_FOUND']);
    expect(codesOf(await ask(EXPLORE, { center: 'donald-trump', limit: 0 }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await ask(EXPLORE, { center: 'donald-trump', limit: 5000 }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await ask(EXPLORE, { center: 'donald-trump', depth: 9 }))).toEqual(['BAD_USER_INPUT']);
    expect(codesOf(await ask(EXPLORE, { center: 'donald-trump', predicate: ['ENDORSE'] }))).toEqual(['BAD_USER_INPUT']);
  });

  it('fits the cost limit at its largest limit, with the fields the explorer reads', async () => {
    const query = `{ explore(center: "donald-trump", depth: 4, limit: 2000) { reachable
      nodes { id name kind x y distance degree time articleIds(first: 5) articleCount firstPublished lastPublished }
      edges { id predicate source target negated modality origin attributedTo event time articleIds(first: 5) articleCount firstPublished lastPublished } } }`;
    const view = dataOf(await ask(query))['explore'] as View;
    expect(view.nodes.length).toBe(view.reachable);
  });

  it('lists the articles behind each item in publication order, cut at first, with their count and dates', async () => {
    const graph = await buildGraph(FIXTURE);
    const fixture = await startServer({ graph, port: 0, handleSignals: false });
    try {
      const query = `{ explore(center: "anna-berg", depth: 0) { nodes { id articleIds articleCount firstPublished lastPublished one: articleIds(first: 1) } } }`;
      const [anna] = (dataOf(await askOverHttp(fixture.url)(query))['explore'] as { nodes: Record<string, unknown>[] }).nodes;
      expect(anna).toEqual({
        id: 'anna-berg',
        articleIds: ['harbour-talks', 'radio-rebuke'],
        articleCount: 2,
        firstPublished: '2025-03-02',
        lastPublished: '2025-04-10',
        one: ['harbour-talks'],
      });
      expect(codesOf(await askOverHttp(fixture.url)('{ explore(center: "anna-berg") { nodes { articleIds(first: 500) } } }'))).toEqual(['BAD_USER_INPUT']);
    } finally {
      await fixture.close();
    }
  });
});

describe('the explorer over HTTP', () => {
  it('is at /explore, where / leads, with a CSP header that lets the layout worker start from blob:', async () => {
    const origin = new URL(server.url).origin;
    const root = await fetch(`${origin}/`, { redirect: 'manual' });
    expect(root.headers.get('location')).toBe('/explore');
    const page = await fetch(`${origin}/explore`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/worker-src 'self' blob:/);
    expect(csp).toMatch(/default-src 'self'/);
    expect(csp).toMatch(/connect-src 'self'(;|$)/);
    const html = await page.text();
    for (const [, url] of html.matchAll(/\s(?:src|href)="([^"]*)"/g)) {
      if (url === undefined || url.startsWith('data:')) continue;
      expect(new URL(url, origin).origin).toBe(origin);
      expect((await fetch(new URL(url, origin))).status).toBe(200);
    }
    expect((await fetch(`${origin}/explorer/..%2Fpackage.json`)).status).toBe(404);
    expect((await fetch(`${origin}/explorer/nothing.js`)).status).toBe(404);
  });

  it('sends the playground a CSP header too', async () => {
    const origin = new URL(server.url).origin;
    const page = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
  });
});

describe('the explorer fixture', () => {
  it('builds, with its quotes after emoji and combining marks', async () => {
    const graph = await buildGraph(FIXTURE);
    const negated = graph.getEdgeAttributes(graph.edges().find((e) => graph.getEdgeAttribute(e, 'negated')) ?? '');
    expect(negated.predicate).toBe('ENDORSED');
    const proposed = graph.getEdgeAttributes('zoe-angstrom--proposed--ceasefire-plan');
    const text = graph.getAttribute('articles').find((a) => a.id === 'harbour-talks')?.text ?? '';
    // A UTF-16 slice with the code-point offsets would be off by the emoji's surrogate pairs.
    expect(text.slice(proposed.evidence[0]?.start, proposed.evidence[0]?.end)).not.toBe(proposed.evidence[0]?.exact);
  });
});
