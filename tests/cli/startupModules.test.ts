/**
 * The commands that read and write data files (validate, build, extract, show, stats) load neither the server
 * (Apollo, graphql-js) nor the PostgreSQL client: those are loaded when serve, query, load or a `--store` command
 * runs. Loading them made every command start in 0.4 s instead of 0.2 s, paid at every edit-and-rebuild and at
 * each of a corpus's `extract` runs. A resolve hook given to the real command lists the packages it loads.
 */
import { describe, expect, test } from '@jest/globals';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runNewsgraph } from '../utils/cli.js';
import { SEED_DATA, tempDir } from '../utils/fixtures.js';

const MARK = 'newsgraph-test-loaded-package ';
const HOOKS = `
export async function resolve(specifier, context, next) {
  if (!/^(\\.|\\/|node:|file:|data:)/u.test(specifier)) console.error(${JSON.stringify(MARK)} + specifier);
  return next(specifier, context);
}`;

function packagesLoadedBy(args: readonly string[]): { code: number | null; packages: Set<string> } {
  const dir = tempDir();
  const hook = join(dir, 'listPackages.mjs');
  writeFileSync(hook, `import { register } from 'node:module';\nregister(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});\n`);
  const result = runNewsgraph(dir, args, { NODE_OPTIONS: `--import=${hook}` });
  const specifiers = result.stderr.split('\n').filter((line) => line.startsWith(MARK)).map((line) => line.slice(MARK.length));
  return { code: result.code, packages: new Set(specifiers.map(packageName)) };
}

/** 'pg/lib/client' → 'pg', '@apollo/server/plugin/x' → '@apollo/server'. */
function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

const SERVER_AND_DATABASE = ['@apollo/server', 'graphql', 'graphql-tag', 'pg', 'pg-copy-streams', 'n3'];

describe('what a command loads', () => {
  test('validate loads the builder and nothing of the server or the database client', () => {
    const { code, packages } = packagesLoadedBy(['validate', SEED_DATA]);
    expect(code).toBe(0);
    // The hook sees the builder's own packages: it would see the others too.
    expect(packages).toContain('yaml');
    for (const name of SERVER_AND_DATABASE) expect(packages).not.toContain(name);
  });

  test('query does load graphql-js (the hook sees what is loaded late, too)', () => {
    const { code, packages } = packagesLoadedBy(['query', '{ entity(id: "ukraine") { name } }', '--data', SEED_DATA]);
    expect(code).toBe(0);
    expect(packages).toContain('graphql');
  });
});
