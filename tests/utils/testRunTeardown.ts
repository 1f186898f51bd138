/**
 * jest's globalTeardown, in the main process once every test file has run (passed or failed): stops the run's shared
 * PostgreSQL cluster if a test file started one and removes its folders (sharedPostgresRun.ts), then removes the
 * build cache folder (buildCacheTeardown.ts) and the tests' temporary directories (runTempDir.ts), and lists the tests skipped for a missing tool, if any (skippedTools.ts).
 */
// jest loads its global hooks with require and without moduleNameMapper, so './x.js' would not find x.ts: the
// modules are required by their extensionless names (typed by their imports' types).
const { default: buildCacheTeardown } = require('./buildCacheTeardown') as typeof import('./buildCacheTeardown.js');
const { sharedPostgresTeardown } = require('./sharedPostgresRun') as typeof import('./sharedPostgresRun.js');
const { runTempTeardown } = require('./runTempDir') as typeof import('./runTempDir.js');
const { skippedToolsTeardown } = require('./skippedTools') as typeof import('./skippedTools.js');

// jest reads only a default export here.
export default async function testRunTeardown(): Promise<void> {
  try {
    await sharedPostgresTeardown();
  } finally {
    buildCacheTeardown();
    runTempTeardown();
    skippedToolsTeardown();
  }
}
