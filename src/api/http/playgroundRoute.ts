/**
 * The offline playground: the page at `GET /graphql` for browsers (through Apollo's landing-page hook,
 * which replaces Apollo's own page that loads from outside hosts) and its bundled files under
 * `/playground/`. Both come from `../playground.ts`.
 */
import type { ServerResponse } from 'node:http';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { readPlaygroundAsset, renderPlaygroundPage } from '../playground.js';
import { sendError } from './respond.js';

export const PLAYGROUND_PREFIX = '/playground/';

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

/** Serves one file of the playground bundle, or 404. */
export function handlePlaygroundAsset(res: ServerResponse, pathname: string): void {
  const asset = readPlaygroundAsset(pathname);
  if (asset === null) {
    sendError(res, 404, 'NOT_FOUND', `No playground file at ${pathname}.`);
    return;
  }
  res.writeHead(200, {
    'content-type': asset.contentType,
    'content-length': asset.body.byteLength,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  });
  res.end(asset.body);
}
