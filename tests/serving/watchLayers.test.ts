/**
 * `serve --watch` watches the directories the data builds on, not only the data directory: an edit of an
 * entity in a directory given with `--extends`, or in one named by the `extends:` of newsgraph.yaml, rebuilds
 * and swaps in the graph (before, only the data directory itself was watched and such an edit went unseen).
 */
import { afterAll, expect, test } from '@jest/globals';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeDir, tempDir } from '../utils/fixtures.js';
import { writeDataDir } from '../utils/dataDir.js';
import { postGraphQL } from './http.js';
import { bergAgainArticle, spawnServe, waitFor } from './serveProcess.js';

const root = tempDir();
afterAll(() => removeDir(root));

const PEOPLE = `entities:
  - id: anna-berg
    kind: PERSON
    name: Anna Berg
`;
const PLANS = `entities:
  - id: ceasefire-plan
    kind: PROPOSAL
    name: Ceasefire plan
`;
test('serve --watch rebuilds when an entity changes in an --extends directory or an extends: layer', async () => {
  writeDataDir(
    {
      'people/entities.yaml': PEOPLE,
      'plans/entities.yaml': PLANS,
      'user/newsgraph.yaml': 'extends: [../plans]\n',
      ...bergAgainArticle('user'),
    },
    root,
  );
  const { child, out, err, exited } = spawnServe(['--data', join(root, 'user'), '--extends', join(root, 'people'), '--port', '0', '--watch']);
  const edit = (file: string, from: string, to: string): void => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  try {
    const [, url] = await waitFor(out, /GraphQL and playground: (\S+)/u, 'the server URL');
    const names = async (): Promise<string> => {
      const response = await postGraphQL(url ?? '', '{ a: entity(id: "anna-berg") { name } p: entity(id: "ceasefire-plan") { name } }');
      const { data } = JSON.parse(response.body.toString()) as { data?: { a: { name: string } | null; p: { name: string } | null } };
      return `${data?.a?.name ?? '-'} / ${data?.p?.name ?? '-'}`;
    };
    expect(await names()).toBe('Anna Berg / Ceasefire plan');
    await new Promise((resolve) => setTimeout(resolve, 500)); // the bases' watchers start once they are resolved

    // The directory given with --extends.
    let before = err().length;
    edit(join(root, 'people', 'entities.yaml'), 'name: Anna Berg', 'name: Anna K. Berg');
    await waitFor(() => err().slice(before), /newsgraph: serving sha256:\w+:/u, 'the rebuild after the --extends edit');
    expect(err().slice(before)).toMatch(/changed: [^\n]*people[\\/]entities\.yaml/u);
    expect(await names()).toBe('Anna K. Berg / Ceasefire plan');

    // The directory named by the data directory's newsgraph.yaml.
    before = err().length;
    edit(join(root, 'plans', 'entities.yaml'), 'name: Ceasefire plan', 'name: Truce plan');
    await waitFor(() => err().slice(before), /newsgraph: serving sha256:\w+:/u, 'the rebuild after the extends: edit');
    expect(err().slice(before)).toMatch(/changed: [^\n]*plans[\\/]entities\.yaml/u);
    expect(await names()).toBe('Anna K. Berg / Truce plan');
  } finally {
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }
}, 90_000);
