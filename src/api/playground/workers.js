/**
 * Monaco's web workers, loaded from this server.
 *
 * GraphiQL 5 edits with Monaco, which runs its language services in web workers; graphiql's own
 * `setup-workers/*` helpers either fetch them from esm.sh or need a bundler's worker syntax. Ours are
 * separate entry points of the bundle (scripts/build-playground.mjs), beside this script. This module must
 * be imported before anything that loads Monaco.
 */

/** The URL of the directory this script was loaded from (`/playground/`), captured while it runs. */
const ASSET_BASE = (() => {
  const script = document.currentScript;
  return script instanceof HTMLScriptElement && script.src !== '' ? new URL('.', script.src).href : new URL('/playground/', location.href).href;
})();

/** Worker script per Monaco language label; every other label gets the plain editor worker. */
const WORKER_FILES = { graphql: 'graphql.worker.js', json: 'json.worker.js' };

/** @type {{ getWorker(workerId: string, label: string): Worker }} */
const environment = {
  getWorker(_workerId, label) {
    const file = label === 'graphql' || label === 'json' ? WORKER_FILES[label] : 'editor.worker.js';
    return new Worker(new URL(file, ASSET_BASE), { name: `newsgraph-${label}` });
  },
};

Object.assign(globalThis, { MonacoEnvironment: environment });
