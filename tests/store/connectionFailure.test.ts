/**
 * A command given a PostgreSQL server it cannot use says why, in words a user can act on, and exits 1: the compiled
 * bin against a port nothing listens on (node's real ECONNREFUSED), and, with PostgreSQL, against a real server that
 * has no such database or role (its own 3D000 and 28000).
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { runNewsgraph, type CommandResult } from '../utils/cli.js';
import { PROJECT_ROOT } from '../utils/fixtures.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { postgresDatabase, type PostgresDatabase } from '../utils/sharedPostgres.js';

// serve is given a free port, so that a server that did start would not take another's.
const run = (args: readonly string[]): CommandResult => runNewsgraph(PROJECT_ROOT, args, { PORT: '0', HOST: '127.0.0.1' });

describe('a PostgreSQL server that cannot be reached', () => {
  test.each([
    ['export', ['export', '--format', 'json']],
    ['load', ['load']],
    ['serve', ['serve']],
  ])('%s --store names the host and port refused, and what to check', (_, args) => {
    const result = run([...args, '--store', 'postgres://nobody@127.0.0.1:1/news']);
    expect(result.stderr).toMatch(/cannot reach PostgreSQL at 127\.0\.0\.1:1: the connection was refused\. Is the server running there, and are the URL's host and port right/u);
    expect(result.stderr).not.toMatch(/unexpected error/u);
    expect(result.code).toBe(1);
  });
});

describePostgres('a PostgreSQL server that refuses what the URL asks', () => {
  let database: PostgresDatabase;
  beforeAll(async () => {
    database = await postgresDatabase();
  });
  afterAll(async () => {
    await database?.stop();
  });

  test('a database that does not exist: its name, and how to make it', () => {
    const result = run(['export', '--format', 'json', '--store', database.url.replace(/\/[^/]+$/u, '/no_such_database')]);
    expect(result.stderr).toMatch(/PostgreSQL: database "no_such_database" does not exist\. Create it \(createdb NAME\)/u);
    expect(result.code).toBe(1);
  });

  test('a role that does not exist: the server says so, and what to check', () => {
    const result = run(['export', '--format', 'json', '--store', database.url.replace(/\/\/[^@]+@/u, '//no_such_role@')]);
    expect(result.stderr).toMatch(/PostgreSQL refused the login: role "no_such_role" does not exist\. Check the user in the URL/u);
    expect(result.code).toBe(1);
  });
});
