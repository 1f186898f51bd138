/**
 * A reload keeps the layers the server started with: `serve --extends DIR` then SIGHUP rebuilds on the same
 * base entities (the rebuild worker once got the directory alone, and a reload lost every inherited entity).
 */
import { afterAll, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, PROJECT_ROOT, removeDir, tempDir } from '../utils/fixtures.js';
import { writeDataDir } from '../utils/dataDir.js';
import { postGraphQL } from './http.js';

const root = tempDir();
afterAll(() => removeDir(root));

const ARTICLE = `article:
  id: berg-again
  title: Berg rejects the plan again
  text: berg-again.txt
mentions:
  anna-berg: Anna Berg
  ceasefire-plan: the ceasefire plan
relations:
  - subject: anna-berg
    predicate: REJECTED
    object: ceasefire-plan
    evidence: Anna Berg rejected the ceasefire plan
`;

function waitFor(read: () => string, pattern: RegExp, what: string): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = (): void => {
      const match = read().match(pattern);
      if (match !== null) resolve(match);
      else if (Date.now() - started > 30_000) reject(new Error(`timed out waiting for ${what}; output so far:\n${read()}`));
      else setTimeout(poll, 50);
    };
    poll();
  });
}

test('serve --extends, then SIGHUP: the rebuilt graph still holds the inherited entities', async () => {
  writeDataDir(
    {
      'base/entities.yaml': readFileSync(join(FIXTURES, 'data', 'minimal', 'entities.yaml'), 'utf8'),
      'user/articles/berg-again.txt': 'Anna Berg rejected the ceasefire plan again.',
      'user/articles/berg-again.yaml': ARTICLE,
    },
    root,
  );
  const bin = join(PROJECT_ROOT, 'dist', 'cli', 'bin.js');
  const child = spawn(process.execPath, [bin, 'serve', '--data', join(root, 'user'), '--extends', join(root, 'base'), '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  try {
    const [, url] = await waitFor(() => out, /GraphQL and playground: (\S+)/u, 'the server URL');
    const ask = async () => JSON.parse((await postGraphQL(url ?? '', '{ entity(id: "anna-berg") { name } }')).body.toString()) as { data?: { entity: { name: string } | null } };
    expect((await ask()).data?.entity?.name).toBe('Anna Berg');
    child.kill('SIGHUP');
    await waitFor(() => err, /newsgraph: serving (sha256:\w+):|could not|error/iu, 'the reload');
    expect(err).toMatch(/newsgraph: serving sha256:/u);
    expect((await ask()).data?.entity?.name).toBe('Anna Berg');
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}, 90_000);
