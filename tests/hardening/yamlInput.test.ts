import { describe, expect, it } from '@jest/globals';
import { formatDiagnostic } from '../../src/errors.js';
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

  it('lists nested past what the parser can recurse: a syntax error that says so, its line shown cut around the column', () => {
    // 50,000 levels of flow lists on one line (100 KB): the yaml package recurses per level and runs out of stack.
    const source = new YamlSource('f.yaml', `a: 1\nb: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`);
    expect(source.syntaxProblems.map((p) => p.code)).toEqual(['YAML_SYNTAX']);
    const [problem] = source.syntaxProblems;
    expect(problem?.message).toMatch(/nested too deeply to be read/u);
    expect(problem?.message).not.toMatch(/call stack/u);
    const shown = formatDiagnostic(problem!).split('\n');
    expect(shown).toHaveLength(3);
    expect(shown[1]!.length).toBeLessThan(200);
    // The caret stands under the column's character, where the window puts it.
    const [gutter, line] = [`${problem!.line} | `, problem!.lineText!];
    const caretAt = shown[2]!.indexOf('^') - gutter.length;
    expect(shown[1]!.slice(gutter.length)[caretAt]).toBe(line[problem!.column - 1]);
  });

  it('a long line is shown whole up to 160 characters, and cut around the column after', () => {
    const short = { code: 'YAML_SYNTAX' as const, file: 'f.yaml', line: 3, column: 5, message: 'm', lineText: `${'x'.repeat(150)}` };
    expect(formatDiagnostic(short).split('\n')[1]).toBe(`3 | ${'x'.repeat(150)}`);
    const text = Array.from({ length: 1000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join('');
    for (const column of [1, 40, 500, 990, 1000]) {
      const [, line, caret] = formatDiagnostic({ ...short, column, lineText: text }).split('\n');
      const window = line!.slice('3 | '.length);
      expect(window.length).toBeLessThanOrEqual(162);
      expect(window.startsWith('…')).toBe(column - 1 > 80);
      expect(window.endsWith('…')).toBe(column <= 920);
      expect(window[caret!.indexOf('^') - '3 | '.length]).toBe(text[column - 1]);
    }
  });

  it('still reports syntax errors as before', () => {
    expect(problems('a: [1, 2\n').found.map((f) => f.code)).toContain('YAML_SYNTAX');
  });
});
