/** jest's globalTeardown: removes the test run's build cache folder (buildCacheSetup.ts made it). */
import { rmSync } from 'node:fs';

// jest reads only a default export here.
export default function buildCacheTeardown(): void {
  const dir = process.env['NEWSGRAPH_CACHE_DIR'];
  if (dir !== undefined && dir.includes('newsgraph-test-build-cache-')) rmSync(dir, { recursive: true, force: true });
}
