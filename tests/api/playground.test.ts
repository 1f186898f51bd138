/**
 * The offline playground: the page and its bundle, the example queries against the real schema, the page
 * served over HTTP at GET /graphql, and GraphiQL running in headless Chromium without touching any other
 * origin.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, validate } from 'graphql';
import { chromium, type BrowserContext } from 'playwright-core';
import { PLAYGROUND_EXAMPLES } from '../../src/api/examples.js';
import { createSchema, startServer, type RunningServer } from '../../src/api/index.js';
import { buildGraph } from '../../src/build/index.js';
import type { NewsGraph } from '../../src/graph/index.js';
import { readPlaygroundAsset, renderPlaygroundPage } from '../../src/api/playground.js';
import { missingChromium, SYSTEM_CHROMIUM } from '../utils/externalTools.js';
import { SEED_DATA } from '../utils/fixtures.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BUNDLE_DIR = join(ROOT, 'dist', 'playground');
const BUNDLE_FILES = ['playground.js', 'playground.css', 'editor.worker.js', 'json.worker.js', 'graphql.worker.js'];

/** Builds the bundle when it is missing (a fresh checkout that has not run `npm run build`). */
function ensureBundle(): void {
  if (BUNDLE_FILES.every((file) => existsSync(join(BUNDLE_DIR, file)))) return;
  const result = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-playground.mjs')], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`scripts/build-playground.mjs failed:\n${result.stderr}`);
}

/** The src and href URLs of a page's elements. */
function assetUrls(html: string): string[] {
  return [...html.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((match) => match[1] ?? '');
}

let graph: NewsGraph;
beforeAll(async () => {
  ensureBundle();
  graph = await buildGraph(SEED_DATA);
}, 120_000);

describe('renderPlaygroundPage', () => {
  const html = renderPlaygroundPage({ endpoint: '/graphql' });

  it('refers only to files under /playground/ and to data: URLs', () => {
    const urls = assetUrls(html);
    expect(urls).toEqual(expect.arrayContaining(['/playground/playground.js', '/playground/playground.css']));
    for (const url of urls) expect(url.startsWith('/playground/') || url.startsWith('data:')).toBe(true);
  });

  it('tells the browser to load nothing from another origin', () => {
    const csp = (/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '').replaceAll('&#39;', "'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self';");
  });

  it('escapes the endpoint it embeds', () => {
    const page = renderPlaygroundPage({ endpoint: '/graphql?x="><script>alert(1)</script>' });
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('data-endpoint="/graphql?x=&#34;&#62;&#60;script&#62;');
  });
});

describe('readPlaygroundAsset', () => {
  it('serves every file of the bundle with its content type', () => {
    for (const file of BUNDLE_FILES) {
      const asset = readPlaygroundAsset(`/playground/${file}`);
      expect(asset?.body.equals(readFileSync(join(BUNDLE_DIR, file)))).toBe(true);
      expect(asset?.contentType).toMatch(file.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
    }
    expect(readPlaygroundAsset('/playground/playground.js?v=1')?.contentType).toMatch(/^text\/javascript/);
  });

  it.each([
    '/playground/../package.json',
    '/playground/%2e%2e/package.json',
    '/playground/..%2fpackage.json',
    '/playground/..%5c..%5cpackage.json',
    '/playground/%2Fetc%2Fpasswd',
    '/playground//etc/passwd',
    '/playground/.hidden.js',
    '/playground/playground.js%00.css',
    '/playground/%E0%A4%A',
    '/playground/',
    '/playground/missing.js',
    '/playground',
    '/graphql',
    '/package.json',
  ])('refuses %s', (path) => {
    expect(readPlaygroundAsset(path)).toBeNull();
  });
});

describe('the example queries', () => {
  it('each hold one operation, named as declared, with a question and unique names', () => {
    const names = PLAYGROUND_EXAMPLES.map((example) => example.operationName);
    expect(new Set(names).size).toBe(names.length);
    for (const example of PLAYGROUND_EXAMPLES) {
      const operations = parse(example.query).definitions.filter((node) => node.kind === Kind.OPERATION_DEFINITION);
      expect(operations.map((operation) => operation.name?.value)).toEqual([example.operationName]);
      expect(example.query.startsWith(`# ${example.question}\n`)).toBe(true);
      const declared = operations.flatMap((operation) => operation.variableDefinitions ?? []).map((v) => v.variable.name.value);
      expect(Object.keys(example.variables ?? {}).sort()).toEqual(declared.sort());
    }
  });

  it('are valid against the real schema', () => {
    const schema = createSchema(graph);
    for (const example of PLAYGROUND_EXAMPLES) {
      const errors = validate(schema, parse(example.query)).map((error) => `${example.operationName}: ${error.message}`);
      expect(errors).toEqual([]);
    }
  });
});

// Over HTTP, from the real server on an ephemeral loopback port, serving the seed article's graph.
describe('the playground over HTTP', () => {
  let server: RunningServer;
  let origin: string;
  beforeAll(async () => {
    server = await startServer({ graph, port: 0, handleSignals: false });
    origin = new URL(server.url).origin;
  });
  afterAll(async () => {
    await server.close();
  });

  it('is served at GET /graphql to browsers, with every asset same-origin and served', async () => {
    const response = await fetch(`${origin}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toContain('id="newsgraph-playground"');
    const urls = assetUrls(html).filter((url) => !url.startsWith('data:'));
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(new URL(url, `${origin}/graphql`).origin).toBe(origin);
      const asset = await fetch(new URL(url, origin));
      expect(asset.status).toBe(200);
    }
  });

  it('answers every example question of the article, within its limits', async () => {
    const answers = new Map<string, unknown>();
    for (const example of PLAYGROUND_EXAMPLES) {
      const response = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
        body: JSON.stringify({ query: example.query, variables: example.variables ?? {}, operationName: example.operationName }),
      });
      const result = (await response.json()) as { data?: unknown; errors?: unknown[] };
      expect([example.operationName, result.errors ?? []]).toEqual([example.operationName, []]);
      answers.set(example.operationName, result.data);
    }
    const names = (list: unknown): string[] => (list as { name: string }[]).map((entity) => entity.name).sort();

    const rejections = answers.get('WhoRejectedWhat') as { relations: { edges: { node: { subject: { name: string }; object: { name: string; partOf: { name: string }[] } } }[] } };
    expect(rejections.relations.edges.map(({ node }) => [node.subject.name, node.object.name, names(node.object.partOf)])).toContainEqual(['Ukraine', 'Crimea condition', ['U.S. peace framework']]);

    const [framework] = (answers.get('WhoHasNotEndorsedTheFramework') as { search: Record<string, unknown>[] }).search;
    expect(names(framework?.['notEndorsedBy'])).toEqual(['Russia', 'Ukraine']);
    expect(names(framework?.['resistedBy'])).toEqual(['Russia', 'Ukraine']);

    const meetings = (answers.get('WhoMetWhomAndWhere') as { timeline: Record<string, unknown>[] }).timeline;
    expect(meetings.map((m) => [names(m['participants']), names(m['locations'])])).toContainEqual([['Donald Trump', 'Jonas Gahr Støre'], ['White House']]);

    const [rebuke] = (answers.get('WhoRebukedWhom') as { timeline: Record<string, unknown>[] }).timeline;
    expect([names(rebuke?.['agents']), names(rebuke?.['targets']), names(rebuke?.['media'])]).toEqual([['Donald Trump'], ['Vladimir Putin'], ['Truth Social']]);
    const projections = rebuke?.['projections'] as { predicate: string; properties: { to?: string } }[];
    expect(projections.find((relation) => relation.predicate === 'URGED')?.properties.to).toMatch(/halt the attacks/);

    const people = (answers.get('WhoHoldsWhichPosition') as { entities: { edges: { node: { name: string; positions: { title: string; of: { name: string } }[] } }[] } }).entities.edges;
    const positions = people.flatMap(({ node }) => node.positions.map((position) => `${node.name}: ${position.title} of ${position.of.name}`));
    expect(positions).toEqual(expect.arrayContaining(['Jonas Gahr Støre: Prime Minister of Norway', 'Marco Rubio: Secretary of State of United States']));

    const claims = (answers.get('ContradictingClaims') as { claims: { contradicts: unknown[]; assertedBy: unknown[]; reportedBy: unknown[] }[] }).claims;
    expect(claims.length).toBeGreaterThanOrEqual(2);
    for (const claim of claims) expect(claim.contradicts.length).toBeGreaterThan(0);
    expect(claims.some((claim) => names(claim.assertedBy).includes('Donald Trump'))).toBe(true);

    const hits = (answers.get('SearchByName') as { search: { id: string }[] }).search;
    expect(hits[0]?.id).toBe('jonas-gahr-store');

    const path = (answers.get('HowAreTheyConnected') as { path: { object: { name: string }; subject: { name: string } }[] | null }).path;
    expect(path?.length).toBeGreaterThan(0);
  });

  describe('in headless Chromium', () => {
    const skip = missingChromium();
    const chromiumIt = skip === null ? it : it.skip;
    let profile: string;
    let context: BrowserContext;
    const requests: string[] = [];
    const problems: string[] = [];

    beforeAll(async () => {
      if (skip !== null) return;
      profile = mkdtempSync(join(tmpdir(), 'newsgraph-playground-'));
      context = await chromium.launchPersistentContext(profile, {
        executablePath: SYSTEM_CHROMIUM,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        viewport: { width: 1400, height: 900 },
      });
      // Every request of the pages and their workers, before it leaves the browser.
      context.on('request', (request) => requests.push(request.url()));
      context.on('weberror', (error) => problems.push(`page error: ${error.error().message}`));
    }, 60_000);

    afterAll(async () => {
      if (skip !== null) return;
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    });

    chromiumIt('renders GraphiQL, runs an example against the server, and loads nothing from elsewhere', async () => {
      const page = context.pages()[0] ?? (await context.newPage());
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console: ${message.text()}`);
      });
      await page.goto(`${origin}/graphql`);

      // GraphiQL with its Monaco editors, one tab per example, the Examples pane open.
      await page.locator('.graphiql-container .graphiql-query-editor .monaco-editor').first().waitFor({ timeout: 30_000 });
      await page.locator('.graphiql-tab').nth(PLAYGROUND_EXAMPLES.length - 1).waitFor();
      expect(await page.locator('.graphiql-tab').count()).toBe(PLAYGROUND_EXAMPLES.length);

      // Open the question about the U.S. framework from the Examples pane and run it.
      await page.locator('button[data-example="WhoHasNotEndorsedTheFramework"]').click();
      // GraphiQL reads the operation name from the editor after a short debounce, then titles the tab with it.
      await page.locator('.graphiql-tab-active', { hasText: 'WhoHasNotEndorsedTheFramework' }).waitFor();
      const answer = page.waitForResponse((response) => response.request().method() === 'POST' && (response.request().postData() ?? '').includes('WhoHasNotEndorsedTheFramework'));
      await page.locator('.graphiql-execute-button').click();
      const body = (await (await answer).json()) as { data?: { search: { notEndorsedBy: { name: string }[] }[] } };
      expect(body.data?.search[0]?.notEndorsedBy.map((entity) => entity.name).sort()).toEqual(['Russia', 'Ukraine']);
      await page.locator('.result-window .view-lines', { hasText: 'notEndorsedBy' }).waitFor();
      await page.screenshot({ path: '/tmp/playground.png' });

      // The schema came through introspection: the docs pane lists the root type.
      await page.locator('.graphiql-sidebar button[aria-label="Show Documentation Explorer"]').click();
      await page.locator('.graphiql-doc-explorer', { hasText: 'Query' }).waitFor();

      const origins = new Set(requests.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:')).map((url) => new URL(url).origin));
      expect([...origins]).toEqual([origin]);
      // The Monaco workers came from this server too.
      expect(requests).toEqual(expect.arrayContaining([`${origin}/playground/editor.worker.js`, `${origin}/playground/graphql.worker.js`]));
      expect(problems).toEqual([]);
    }, 90_000);
  });
});
