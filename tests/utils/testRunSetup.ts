/**
 * jest's globalSetup, in the main process before any test file: the run's build cache folder (buildCacheSetup.ts),
 * and the name of the run's shared PostgreSQL folder (sharedPostgresRun.ts: no cluster is started here; the first
 * PostgreSQL test file starts it), and the file where skips for a missing tool are noted (skippedTools.ts), and the
 * folder under which tests make their temporary directories (runTempDir.ts). Worker processes inherit all four
 * through the environment.
 */
// jest loads its global hooks with require and without moduleNameMapper, so './x.js' would not find x.ts: the
// modules are required by their extensionless names (typed by their imports' types).
const { default: buildCacheSetup } = require('./buildCacheSetup') as typeof import('./buildCacheSetup.js');
const { sharedPostgresSetup } = require('./sharedPostgresRun') as typeof import('./sharedPostgresRun.js');
const { runTempSetup } = require('./runTempDir') as typeof import('./runTempDir.js');
const { skippedToolsSetup } = require('./skippedTools') as typeof import('./skippedTools.js');

// jest reads only a default export here.
export default function testRunSetup(): void {
  runTempSetup();
  buildCacheSetup();
  sharedPostgresSetup();
  skippedToolsSetup();
}
