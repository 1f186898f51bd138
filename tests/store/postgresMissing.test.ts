// The PostgreSQL suites' guard (tests/utils/postgresCluster.ts): without a server here they skip, and say so loudly;
// under CI, where .ci/run installs PostgreSQL, a missing server is a failure, never a silent skip.
import { afterEach, beforeEach, expect, jest, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingPostgres, postgresBinDir } from '../utils/postgresCluster.js';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'newsgraph-pgroot-'));
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
  jest.restoreAllMocks();
});

test('without a server, the suites skip with a warning that names what to install', () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
  const reason = missingPostgres(root, {});
  expect(reason).toMatch(/PostgreSQL is not installed.*apt-get install -y postgresql/);
  expect(warn).toHaveBeenCalledTimes(1);
  expect(String(warn.mock.calls[0]?.[0])).toContain('SKIPPING');
});

test('under CI a missing server fails instead of skipping', () => {
  expect(() => missingPostgres(root, { CI: 'true' })).toThrow(/CI must install it in \.ci\/run/);
});

test('the newest installed version is the one used, and a version folder without initdb does not count', () => {
  for (const [version, withInitdb] of [['13', true], ['15', true], ['16', false]] as const) {
    mkdirSync(join(root, version, 'bin'), { recursive: true });
    if (withInitdb) writeFileSync(join(root, version, 'bin', 'initdb'), '');
  }
  expect(postgresBinDir(root)).toBe(join(root, '15', 'bin'));
  expect(missingPostgres(root, { CI: 'true' })).toBeNull();
});
