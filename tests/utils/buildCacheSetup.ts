/**
 * jest's globalSetup: the builds of a test run keep their build cache (src/build/buildCache.ts) in a folder of
 * their own, removed at the end (buildCacheTeardown.ts), never in the user's ~/.cache/newsgraph. Every test
 * makes its data in a new temporary directory, and the cache keeps one folder per data directory, so a run
 * would otherwise leave hundreds of folders behind. Worker processes and the CLIs the tests start inherit
 * the variable.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// jest reads only a default export here.
export default function buildCacheSetup(): void {
  process.env['NEWSGRAPH_CACHE_DIR'] = mkdtempSync(join(tmpdir(), 'newsgraph-test-build-cache-'));
}
