import { describe, expect, test } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../utils/fixtures.js';

// The engines we declare tell the truth: every production dependency that is installed admits the lowest
// node version package.json accepts (npm ci would otherwise warn EBADENGINE, and a user on that node breaks).

type Version = readonly [number, number, number];

/** The node ranges npm packages write: `||` of space-separated comparators, ^, ~, x-ranges, hyphen ranges. */
function satisfies(version: Version, range: string): boolean {
  return range.split('||').some((part) => {
    const set = part.trim().replace(/\s*-\s+/g, ' - ').replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1');
    const hyphen = /^(\S+) - (\S+)$/.exec(set);
    if (hyphen) return compare(version, low(hyphen[1] ?? '')) >= 0 && within(version, hyphen[2] ?? '', '<=');
    return set.split(/\s+/).filter(Boolean).every((c) => comparator(version, c));
  });
}

function comparator(v: Version, text: string): boolean {
  const match = /^(>=|<=|>|<|=|\^|~)?v?(.*)$/.exec(text);
  const op = match?.[1] ?? '';
  const rest = match?.[2] ?? '';
  if (rest === '' || rest === '*' || rest === 'x') return true;
  const lo = low(rest);
  const parts = rest.split('.').filter((p) => /^\d+$/.test(p)).length;
  switch (op) {
    case '>=':
      return compare(v, lo) >= 0;
    case '>':
      return parts === 3 ? compare(v, lo) > 0 : compare(v, bump(lo, parts - 1)) >= 0;
    case '<':
      return compare(v, lo) < 0;
    case '<=':
      return within(v, rest, '<=');
    case '^': {
      const index = lo[0] > 0 || parts === 1 ? 0 : lo[1] > 0 || parts === 2 ? 1 : 2;
      return compare(v, lo) >= 0 && compare(v, bump(lo, index)) < 0;
    }
    case '~':
      return compare(v, lo) >= 0 && compare(v, bump(lo, parts === 1 ? 0 : 1)) < 0;
    default:
      // "20", "20.x", "1.2.3": every version the given parts name.
      return compare(v, lo) >= 0 && (parts === 3 ? compare(v, lo) === 0 : compare(v, bump(lo, parts - 1)) < 0);
  }
}

function within(v: Version, text: string, _op: '<='): boolean {
  const parts = text.split('.').filter((p) => /^\d+$/.test(p)).length;
  const lo = low(text);
  return parts === 3 ? compare(v, lo) <= 0 : compare(v, bump(lo, parts - 1)) < 0;
}

function low(text: string): Version {
  const [a, b, c] = text.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : 0));
  return [a ?? 0, b ?? 0, c ?? 0];
}

function bump(v: Version, index: number): Version {
  const out = [...v] as [number, number, number];
  out[index] = (out[index] ?? 0) + 1;
  for (let i = index + 1; i < 3; i++) out[i] = 0;
  return out;
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

describe('the range check itself', () => {
  test.each([
    ['>=20', '20.11.0', true],
    ['>=22.15.0', '20.11.0', false],
    ['20 || >=22', '20.11.0', true],
    ['20 || >=22', '21.0.0', false],
    ['^12.22.0 || ^14.16.0 || ^16.0.0 || >=17.0.0', '20.11.0', true],
    ['^18.0.0', '20.11.0', false],
    ['>= 0.4', '20.11.0', true],
    ['>=0.8.x', '20.11.0', true],
    ['~20.10.0', '20.11.0', false],
    ['18 - 20', '20.11.0', true],
    ['<20.11', '20.11.0', false],
  ])('%s admits %s: %s', (range, version, expected) => {
    expect(satisfies(low(version), range)).toBe(expected);
  });
});

test('every installed production dependency admits the lowest node version we declare', () => {
  const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { engines: { node: string } };
  const declared = /^>=\s*v?(\d+(?:\.\d+){0,2})$/.exec(pkg.engines.node.trim());
  expect(declared).not.toBeNull();
  const lowest = low(declared?.[1] ?? '');
  const lock = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; optional?: boolean }>;
  };
  const refused: string[] = [];
  let checked = 0;
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev) continue;
    const manifest = join(PROJECT_ROOT, path, 'package.json');
    if (!existsSync(manifest)) continue; // an optional dependency for another platform
    checked++;
    const installed = JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string; version?: string; engines?: { node?: unknown } };
    const range = installed.engines?.node;
    if (typeof range === 'string' && !satisfies(lowest, range)) refused.push(`${path}@${installed.version ?? '?'} needs node ${range}`);
  }
  expect(checked).toBeGreaterThan(10);
  expect(refused).toEqual([]);
});
