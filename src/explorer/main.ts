/**
 * The explorer's entry point (bundled to dist/explorer/explorer.js): builds the frame, starts the controller on
 * the page's GraphQL endpoint, and exposes it as `window.newsgraphExplorer` for the browser tests and the
 * screenshot script (they read the drawing's state rather than pixels).
 */
import { ApiClient } from './api.js';
import { ExplorerApp } from './app.js';
import { buildFrame } from './frame.js';

declare global {
  interface Window {
    newsgraphExplorer?: ExplorerApp;
  }
}

const root = document.getElementById('newsgraph-explorer');
if (root !== null) {
  const endpoint = root.dataset['endpoint'] ?? '/graphql';
  const app = new ExplorerApp(new ApiClient(endpoint), buildFrame(root));
  window.newsgraphExplorer = app;
  void app.start();
}
