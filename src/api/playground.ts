/**
 * The offline playground: GraphiQL, bundled with the package, served by our own server.
 *
 * Apollo Server's default landing page loads Apollo Sandbox and fonts from outside hosts, so it is blank
 * without internet. This module renders the HTML page that browsers get at `GET /graphql` and serves the
 * bundle that `scripts/build-playground.mjs` writes to `dist/playground/` (the page's `/playground/` URLs).
 * The page loads nothing from anywhere else, and says so to the browser with a Content-Security-Policy.
 */
import { fileURLToPath } from 'node:url';
import { StaticAssetFolder, type StaticAsset } from './http/staticAssets.js';

/** The URL path under which the page refers to the bundle's files. */
const PLAYGROUND_ASSET_PREFIX = '/playground/';

/**
 * The bundle that `scripts/build-playground.mjs` writes to dist/playground/, read once (http/staticAssets.ts).
 * This module runs as dist/api/playground.js (built) and as src/api/playground.ts (jest): both two levels below
 * the package root.
 */
export const PLAYGROUND_ASSETS = new StaticAssetFolder(fileURLToPath(new URL('../../dist/playground/', import.meta.url)), {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.ttf': 'font/ttf',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
});

/** The HTML that escapes `&`, `<`, `>`, `"` and `'`: safe in text and in quoted attribute values. */
function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

/**
 * The origin that `connect-src` must admit besides the page's own, when the endpoint is an absolute URL
 * elsewhere; null for a path on this server.
 */
function foreignOrigin(endpoint: string): string | null {
  if (!/^[a-z][a-z0-9+.-]*:/i.test(endpoint) && !endpoint.startsWith('//')) return null;
  return new URL(endpoint, 'http://placeholder.invalid').origin;
}

/**
 * The playground's content security policy, one directive each: the page's meta tag and the `/graphql`
 * response header (playgroundRoute.ts, which adds `frame-ancestors`, that a meta tag cannot carry) state it
 * from here. Monaco and GraphiQL set inline styles; the fonts are data: URLs inside the bundled CSS.
 * `extraOrigin`: an endpoint on another origin the page may call.
 */
export function playgroundPolicy(extraOrigin: string | null = null): string[] {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self'",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "img-src 'self' data:",
    `connect-src 'self'${extraOrigin === null ? '' : ` ${extraOrigin}`}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ];
}

/**
 * The playground's HTML page: GraphiQL with the example questions of the article in its tabs, running
 * operations against `endpoint`. Its scripts, styles and editor workers all come from `/playground/`.
 */
export function renderPlaygroundPage(options: { endpoint: string }): string {
  const { endpoint } = options;
  const extraOrigin = foreignOrigin(endpoint);
  const csp = playgroundPolicy(extraOrigin).join('; ');
  const loading = PLAYGROUND_ASSETS.has('playground.js')
    ? 'Loading the playground…'
    : 'The playground is not built: run <code>npm run build</code>, then reload this page.';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="referrer" content="no-referrer">
<title>newsgraph · GraphQL playground</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="${PLAYGROUND_ASSET_PREFIX}playground.css">
</head>
<body>
<div id="newsgraph-playground" data-endpoint="${escapeHtml(endpoint)}"><p class="newsgraph-loading">${loading}</p></div>
<noscript>The playground needs JavaScript. Without it, POST GraphQL requests to ${escapeHtml(endpoint)}.</noscript>
<script src="${PLAYGROUND_ASSET_PREFIX}playground.js"></script>
</body>
</html>
`;
}

/**
 * A file of the bundle for a request path under `/playground/` (query and fragment are ignored), or null
 * when the path is elsewhere, names no file of the bundle, or tries to leave it (`..`, encoded or not).
 */
export function readPlaygroundAsset(pathname: string): StaticAsset | null {
  const path = pathname.replace(/[?#].*$/s, '');
  if (!path.startsWith(PLAYGROUND_ASSET_PREFIX)) return null;
  return PLAYGROUND_ASSETS.fromUrlSegment(path.slice(PLAYGROUND_ASSET_PREFIX.length));
}
