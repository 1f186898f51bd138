/**
 * `serve --watch` watches the directories the data builds on, not only the data directory: an edit of an
 * entity in a directory given with `--extends`, or in one named by the `extends:` of newsgraph.yaml, rebuilds
 * and swaps in the graph (before, only the data directory itself was watched and such an edit went unseen).
 */
import { afterAll, expect, test } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT, removeDir, tempDir } from '../utils/fixtures.js';
import { writeDataDir } from '../utils/dataDir.js';
import { postGraphQL } from './http.js';

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

test('serve --watch rebuilds when an entity changes in an --extends directory or an extends: layer', async () => {
  writeDataDir(
    {
      'people/entities.yaml': PEOPLE,
      'plans/entities.yaml': PLANS,
      'user/newsgraph.yaml': 'extends: [../plans]\n',
      'user/articles/berg-again.txt': 'Anna Berg rejected the ceasefire plan again.',
      'user/articles/berg-again.yaml': ARTICLE,
    },
    root,
  );
  const bin = join(PROJECT_ROOT, 'dist', 'cli', 'bin.js');
  const args = [bin, 'serve', '--data', join(root, 'user'), '--extends', join(root, 'people'), '--port', '0', '--watch'];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const edit = (file: string, from: string, to: string): void => writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
  try {
    const [, url] = await waitFor(() => out, /GraphQL and playground: (\S+)/u, 'the server URL');
    const names = async (): Promise<string> => {
      const response = await postGraphQL(url ?? '', '{ a: entity(id: "anna-berg") { name } p: entity(id: "ceasefire-plan") { name } }');
      const { data } = JSON.parse(response.body.toString()) as { data?: { a: { name: string } | null; p: { name: string } | null } };
      return `${data?.a?.name ?? '-'} / ${data?.p?.name ?? '-'}`;
    };
    expect(await names()).toBe('Anna Berg / Ceasefire plan');
    await new Promise((resolve) => setTimeout(resolve, 500)); // the bases' watchers start once they are resolved

    // The directory given with --extends.
    let before = err.length;
    edit(join(root, 'people', 'entities.yaml'), 'name: Anna Berg', 'name: Anna K. Berg');
    await waitFor(() => err.slice(before), /newsgraph: serving sha256:\w+:/u, 'the rebuild after the --extends edit');
    expect(err.slice(before)).toMatch(/changed: [^\n]*people[\\/]entities\.yaml/u);
    expect(await names()).toBe('Anna K. Berg / Ceasefire plan');

    // The directory named by the data directory's newsgraph.yaml.
    before = err.length;
    edit(join(root, 'plans', 'entities.yaml'), 'name: Ceasefire plan', 'name: Truce plan');
    await waitFor(() => err.slice(before), /newsgraph: serving sha256:\w+:/u, 'the rebuild after the extends: edit');
    expect(err.slice(before)).toMatch(/changed: [^\n]*plans[\\/]entities\.yaml/u);
    expect(await names()).toBe('Anna K. Berg / Truce plan');
  } finally {
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  }
}, 90_000);
