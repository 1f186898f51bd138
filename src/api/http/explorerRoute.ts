/**
 * The explorer: the page at `GET /explore` and its bundled files under `/explorer/`, which
 * `scripts/build-explorer.mjs` writes to `dist/explorer/` from `src/explorer/`. The page reads the same GraphQL
 * endpoint as everyone else and loads nothing from another host; a Content-Security-Policy header says so to
 * the browser, allowing the one thing it needs beyond 'self': the layout worker, which starts from a blob: URL.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { sendError } from './respond.js';
import { sendStaticAsset, StaticAssetFolder } from './staticAssets.js';

export const EXPLORE_PATH = '/explore';
export const EXPLORER_PREFIX = '/explorer/';

/**
 * The bundle, read once (staticAssets.ts). Three levels below the package root both as
 * src/api/http/explorerRoute.ts (jest) and dist/api/http/explorerRoute.js.
 */
const EXPLORER_ASSETS = new StaticAssetFolder(fileURLToPath(new URL('../../../dist/explorer/', import.meta.url)), {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
});

/**
 * The explorer's policy. `worker-src blob:`: graphology-layout-forceatlas2 starts its worker from a blob: URL, and
 * under 'self' alone the worker silently never runs. `img-src blob: data:`: the PNG export. sigma sets styles from
 * script, which CSP allows; 'unsafe-inline' styles cover the few style attributes it writes.
 */
export const EXPLORER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The explorer's HTML: an empty frame that `explorer.js` fills; it says so when the bundle is missing. */
export function renderExplorerPage(endpoint: string): string {
  const notice = EXPLORER_ASSETS.has('explorer.js')
    ? 'Loading the explorer…'
    : 'The explorer is not built: run <code>npm run build</code>, then reload this page.';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>newsgraph · explorer</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${EXPLORER_PREFIX}explorer.css">
</head>
<body>
<div id="newsgraph-explorer" data-endpoint="${endpoint.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)}"><p class="loading">${notice}</p></div>
<noscript>The explorer needs JavaScript. Without it, ask the GraphQL API at ${endpoint}.</noscript>
<script src="${EXPLORER_PREFIX}explorer.js"></script>
</body>
</html>
`;
}

/** Headers of every explorer response: its policy, and no referrer. */
const EXPLORER_HEADERS = { 'content-security-policy': EXPLORER_CSP, 'referrer-policy': 'no-referrer' };

/** The page: rendered per request (it names the endpoint and notices a bundle built after the server started). */
function sendPage(res: ServerResponse, method: string, body: Buffer): void {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': body.byteLength,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
    ...EXPLORER_HEADERS,
  });
  res.end(method === 'HEAD' ? undefined : body);
}

/** Answers `GET|HEAD /explore` (the page) and `/explorer/FILE` (the bundle); the caller routes only those here. */
export function handleExplorer(req: IncomingMessage, res: ServerResponse, method: string, pathname: string, endpoint: string): void {
  if (method !== 'GET' && method !== 'HEAD') {
    sendError(res, 405, 'BAD_REQUEST', `Use GET for ${pathname}.`, {}, { allow: 'GET, HEAD' });
    return;
  }
  if (pathname === EXPLORE_PATH) {
    sendPage(res, method, Buffer.from(renderExplorerPage(endpoint), 'utf8'));
    return;
  }
  const asset = EXPLORER_ASSETS.fromUrlSegment(pathname.slice(EXPLORER_PREFIX.length));
  if (asset === null) sendError(res, 404, 'NOT_FOUND', `No explorer file at ${pathname}.`);
  else sendStaticAsset(req, res, asset, EXPLORER_HEADERS);
}
