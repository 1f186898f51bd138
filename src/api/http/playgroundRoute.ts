/**
 * The offline playground: the page at `GET /graphql` for browsers (through Apollo's landing-page hook,
 * which replaces Apollo's own page that loads from outside hosts) and its bundled files under
 * `/playground/`. Both come from `../playground.ts`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { playgroundPolicy, readPlaygroundAsset, renderPlaygroundPage } from '../playground.js';
import { sendError } from './respond.js';
import { sendStaticAsset } from './staticAssets.js';

export const PLAYGROUND_PREFIX = '/playground/';

/**
 * The playground page's policy as a header (a meta tag alone does not cover `frame-ancestors` and comes after
 * the parser has started): the page's own directives (playgroundPolicy) for the same-origin endpoint.
 */
export const PLAYGROUND_CSP = [...playgroundPolicy(), "frame-ancestors 'none'"].join('; ');

/** Sets the playground's CSP header on a response of `/graphql` (JSON answers ignore it; the HTML page obeys it). */
export function setPlaygroundCsp(res: ServerResponse): void {
  res.setHeader('content-security-policy', PLAYGROUND_CSP);
}

/** An Apollo plugin whose landing page is the playground, rendered per request (it notices a new build). */
export function playgroundPlugin(endpoint: string): ApolloServerPlugin<BaseContext> {
  return {
    async serverWillStart() {
      return {
        async renderLandingPage() {
          return { html: async () => renderPlaygroundPage({ endpoint }) };
        },
      };
    },
  };
}

/** Serves one file of the playground bundle (with its ETag, or 304), or 404. */
export function handlePlaygroundAsset(req: IncomingMessage, res: ServerResponse, pathname: string): void {
  const asset = readPlaygroundAsset(pathname);
  if (asset === null) sendError(res, 404, 'NOT_FOUND', `No playground file at ${pathname}.`);
  else sendStaticAsset(req, res, asset);
}
