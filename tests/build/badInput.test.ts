import { afterEach, describe, expect, test } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, symlinkSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { validateData } from '../../src/build/index.js';
import type { DiagnosticCode } from '../../src/errors.js';
import { copyData, mutate, removeDir, type Location } from '../utils/fixtures.js';

// Each case breaks the minimal fixture in one way; the builder must name the problem (by code) at the
// place of the broken text. The location comes from the mutated file, not from the expectation.
interface Case {
  readonly name: string;
  readonly code: DiagnosticCode;
  readonly file: 'entities.yaml' | 'articles/oslo-talks.yaml';
  readonly from: string;
  readonly to: string;
  /** Text at which the diagnostic must point; default: `to` trimmed. */
  readonly marker?: string;
  /** What the message must carry to help (a suggestion, the closest passage, the first declaration). */
  readonly helps?: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: 'YAML syntax error',
    code: 'YAML_SYNTAX',
    file: 'articles/oslo-talks.yaml',
    from: '  title: Berg and Lind meet in Oslo',
    to: '  title: "Berg and Lind meet in Oslo',
    // The closing quote is missing at the end of the line.
    marker: '\n  text:',
  },
  {
    name: 'unknown reference, with a suggestion',
    code: 'UNKNOWN_REFERENCE',
    file: 'articles/oslo-talks.yaml',
    from: '    object: ceasefire-plan\n    evidence: Lind proposed',
    to: '    object: ceasefire-plam\n    evidence: Lind proposed',
    marker: 'ceasefire-plam',
    helps: ['"ceasefire-plan"'],
  },
  {
    name: 'duplicate id',
    code: 'DUPLICATE_ID',
    file: 'entities.yaml',
    from: '  - id: radio-north\n',
    to: '  - id: oslo\n',
    marker: 'oslo\n    kind: ORGANIZATION',
    helps: ['entities.yaml:12:5'],
  },
  {
    name: 'predicate outside its domain or range',
    code: 'DOMAIN_RANGE',
    file: 'articles/oslo-talks.yaml',
    from: '    predicate: REJECTED\n    object: ceasefire-plan',
    to: '    predicate: REJECTED\n    object: oslo',
    marker: 'REJECTED',
    helps: ['PROPOSAL', 'PLACE'],
  },
  {
    name: 'event role that does not fit',
    code: 'ROLE_FILLER',
    file: 'articles/oslo-talks.yaml',
    from: '      - role: LOCATION\n        entity: oslo',
    to: '      - role: LOCATION\n        entity: anna-berg',
    marker: 'anna-berg\n        evidence: in Oslo',
    helps: ['PLACE', 'PERSON'],
  },
  {
    name: 'quote not verbatim, with the closest passage',
    code: 'QUOTE_NOT_VERBATIM',
    file: 'articles/oslo-talks.yaml',
    from: 'evidence: Berg rejected the plan',
    to: 'evidence: Berg rejectd the plan',
    marker: 'Berg rejectd',
    helps: ['"Berg rejected the plan"'],
  },
  {
    name: 'missing evidence anchor',
    code: 'MISSING_EVIDENCE',
    file: 'articles/oslo-talks.yaml',
    from: '    object: ceasefire-plan\n    evidence: Berg rejected the plan\n',
    to: '    object: ceasefire-plan\n',
    marker: 'subject: anna-berg',
  },
  {
    name: 'ambiguous quote',
    code: 'AMBIGUOUS_QUOTE',
    file: 'articles/oslo-talks.yaml',
    from: 'evidence: Lind rebuked Berg on Radio North',
    to: 'evidence: Lind',
    marker: 'Lind\n',
    helps: ['prefix'],
  },
];

let dirs: string[] = [];
afterEach(() => {
  dirs.forEach(removeDir);
  dirs = [];
});

function minimalCopy(): string {
  const dir = copyData('minimal');
  dirs.push(join(dir, '..'));
  return dir;
}

function broken(...cases: readonly Case[]): { dir: string; expected: (Location & Case)[] } {
  const dir = minimalCopy();
  const expected = cases.map((c) => ({ ...c, ...mutate(join(dir, c.file), c.from, c.to, c.marker ?? c.to.trim()) }));
  return { dir, expected };
}

describe('bad input is refused with its location', () => {
  test('the minimal fixture itself is valid', async () => {
    expect(await validateData(minimalCopy())).toEqual([]);
  });

  test.each(CASES)('$name', async (c) => {
    const { dir, expected } = broken(c);
    const problems = await validateData(dir);
    const found = problems.find((p) => p.code === c.code);
    expect(found).toMatchObject({ file: expect.stringContaining(c.file), line: expected[0]?.line, column: expected[0]?.column });
    expect(found?.lineText).toBeTruthy();
    for (const words of c.helps ?? []) expect(found?.message).toContain(words);
  });

  test('every problem is reported in one run, not just the first', async () => {
    // Cases on different lines can be applied together; each must still be found.
    const together = CASES.filter((c) => !['YAML_SYNTAX', 'MISSING_EVIDENCE', 'QUOTE_NOT_VERBATIM'].includes(c.code));
    const { dir } = broken(...together);
    const codes = new Set((await validateData(dir)).map((p) => p.code));
    for (const c of together) expect(codes).toContain(c.code);
  });
});

describe('what is not a regular file is refused unread, never waited on', () => {
  /** A FIFO (no writer: read whole, it never answers) at `path`. */
  function fifo(path: string): void {
    const made = spawnSync('mkfifo', [path]);
    if (made.status !== 0) throw new Error(`mkfifo failed: ${made.stderr.toString()}`);
  }

  test.each([
    ['entities.yaml, a FIFO', 'entities.yaml', (path: string) => fifo(path)],
    ["an article's encoding, a FIFO", 'articles/ARTICLE.yaml', (path: string) => fifo(path)],
    ["an article's encoding, /dev/zero", 'articles/ARTICLE.yaml', (path: string) => symlinkSync('/dev/zero', path)],
    ["an article's text, /dev/zero", 'articles/ARTICLE.txt', (path: string) => symlinkSync('/dev/zero', path)],
    ["an article's text, a FIFO", 'articles/ARTICLE.txt', (path: string) => fifo(path)],
    ['newsgraph.yaml, a directory', 'newsgraph.yaml', (path: string) => mkdirSync(path)],
  ] as const)('%s', async (_, relative, make) => {
    const dir = minimalCopy();
    const article = readdirSync(join(dir, 'articles')).find((name) => name.endsWith('.yaml'))?.replace(/\.yaml$/u, '') ?? '';
    const path = join(dir, relative.replace('ARTICLE', article));
    rmSync(path, { force: true });
    make(path);
    const problems = await validateData(dir);
    const found = problems.find((p) => p.code === 'FILE_UNREADABLE');
    expect(found?.message).toMatch(/it is (not a regular file \(a device, a pipe or a socket\)|a directory)/u);
    expect(found?.file).toContain(relative.endsWith('.txt') ? `${article}.yaml` : relative.replace('ARTICLE', article));
  });

  test('an encoding far over the size limit is refused from its size, unread', async () => {
    const dir = minimalCopy();
    const article = readdirSync(join(dir, 'articles')).find((name) => name.endsWith('.yaml')) ?? '';
    // 3 GiB, sparse: read whole it would fail as too large for a buffer, after a stat; refused by size it says so.
    truncateSync(join(dir, 'articles', article), 3 * 1024 ** 3);
    const problems = await validateData(dir);
    expect(problems.find((p) => p.code === 'LIMIT_EXCEEDED')?.message).toMatch(/this file has 3221225472 bytes, over the limit of 16777216 characters/u);
  });
});
