/**
 * A reload keeps the layers the server started with: `serve --extends DIR` then SIGHUP rebuilds on the same
 * base entities (the rebuild worker once got the directory alone, and a reload lost every inherited entity).
 */
import { afterAll, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, removeDir, tempDir } from '../utils/fixtures.js';
import { writeDataDir } from '../utils/dataDir.js';
import { postGraphQL } from './http.js';
import { bergAgainArticle, spawnServe, waitFor } from './serveProcess.js';

const root = tempDir();
afterAll(() => removeDir(root));

test('serve --extends, then SIGHUP: the rebuilt graph still holds the inherited entities', async () => {
  writeDataDir(
    {
      'base/entities.yaml': readFileSync(join(FIXTURES, 'data', 'minimal', 'entities.yaml'), 'utf8'),
      ...bergAgainArticle('user'),
    },
    root,
  );
  const { child, out, err, exited } = spawnServe(['--data', join(root, 'user'), '--extends', join(root, 'base'), '--port', '0']);
  try {
    const [, url] = await waitFor(out, /GraphQL and playground: (\S+)/u, 'the server URL');
    const ask = async () => JSON.parse((await postGraphQL(url ?? '', '{ entity(id: "anna-berg") { name } }')).body.toString()) as { data?: { entity: { name: string } | null } };
    expect((await ask()).data?.entity?.name).toBe('Anna Berg');
    child.kill('SIGHUP');
    await waitFor(err, /newsgraph: serving (sha256:\w+):|could not|error/iu, 'the reload');
    expect(err()).toMatch(/newsgraph: serving sha256:/u);
    expect((await ask()).data?.entity?.name).toBe('Anna Berg');
  } finally {
    child.kill('SIGTERM');
    await exited;
  }
}, 90_000);
