import { describe, expect, it } from '@jest/globals';
import { YamlSource } from '../../src/build/yamlSource.js';
import { MAX_ID_CHARS, MAX_SCALAR_CHARS, MAX_YAML_CHARS } from '../../src/build/inputLimits.js';

/** The codes and locations of a file's problems. */
function problems(text: string) {
  const source = new YamlSource('f.yaml', text);
  return { data: source.data, found: source.syntaxProblems.map((p) => ({ code: p.code, at: `${p.line}:${p.column}`, message: p.message })) };
}

describe('YAML input the loader refuses with a location', () => {
  it('accepts an alias of an earlier anchor, and expands it', () => {
    const { data, found } = problems('a: &x [1, 2]\nb: *x\n');
    expect(found).toEqual([]);
    expect(data).toEqual({ a: [1, 2], b: [1, 2] });
  });

  it('refuses an unresolved alias at the alias', () => {
    const { found } = problems('a: 1\nb: *nowhere\n');
    expect(found.map((f) => [f.code, f.at])).toEqual([['YAML_ALIAS', '2:4']]);
  });

  it('refuses an alias inside its own anchor (a cycle)', () => {
    const { found } = problems('a: &x\n  b: *x\n');
    expect(found.map((f) => [f.code, f.at])).toEqual([['YAML_ALIAS', '2:6']]);
  });

  it('refuses an alias bomb at its first alias', () => {
    const levels = ['a0: &a0 [x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 9; i++) levels.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    const { data, found } = problems(`${levels.join('\n')}\n`);
    expect(data).toBeUndefined();
    expect(found.map((f) => [f.code, f.at])).toEqual([['YAML_ALIAS', '2:10']]);
  });

  it('refuses control characters and bytes that are not UTF-8 where they are', () => {
    expect(problems('a: 1\nb: x\u0007y\n').found.map((f) => [f.code, f.at])).toEqual([['NOT_TEXT', '2:5']]);
    expect(problems('a: \ufffd\n').found.map((f) => [f.code, f.at])).toEqual([['NOT_TEXT', '1:4']]);
  });

  it('accepts a byte order mark and CRLF line ends', () => {
    const { data, found } = problems('\ufeffa: 1\r\nb: two\r\n');
    expect(found).toEqual([]);
    expect(data).toEqual({ a: 1, b: 'two' });
  });

  it('refuses values, ids and files over the limits', () => {
    expect(problems(`a: ${'x'.repeat(MAX_SCALAR_CHARS + 1)}\n`).found.map((f) => [f.code, f.at])).toEqual([['LIMIT_EXCEEDED', '1:4']]);
    expect(problems(`list:\n  - subject: ${'y'.repeat(MAX_ID_CHARS + 1)}\n`).found.map((f) => [f.code, f.at])).toEqual([['LIMIT_EXCEEDED', '2:14']]);
    expect(problems(`${'k'.repeat(MAX_ID_CHARS + 1)}: 1\n`).found.map((f) => [f.code, f.at])).toEqual([['LIMIT_EXCEEDED', '1:1']]);
    expect(problems(`a: "${'z'.repeat(MAX_YAML_CHARS)}"\n`).found.map((f) => f.code)).toEqual(['LIMIT_EXCEEDED']);
  });

  it('still reports syntax errors as before', () => {
    expect(problems('a: [1, 2\n').found.map((f) => f.code)).toContain('YAML_SYNTAX');
  });
});
