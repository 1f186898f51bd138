import { afterEach, describe, expect, test } from '@jest/globals';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph, validateData } from '../../src/build/index.js';
import { DataError, type DiagnosticCode } from '../../src/errors.js';
import { SEED_DATA, copyData, locate, mutate, removeDir, type Location } from '../utils/fixtures.js';

// One mistake, one problem: a bad item is set aside alone, the rest of its file is still checked, and
// nothing that depends on the set-aside part is reported again elsewhere. Counts and codes are exact.

const ARTICLE = 'articles/oslo-follow-up.yaml';
const SEED_ARTICLE = 'articles/ukraine-peace-talks-2025-04.yaml';

let dirs: string[] = [];
afterEach(() => {
  dirs.forEach(removeDir);
  dirs = [];
});

function fixture(source = 'standalone'): string {
  const dir = copyData(source);
  dirs.push(join(dir, '..'));
  return dir;
}

/** The problems as "CODE FILE:LINE:COL", for exact comparison. */
async function problemsOf(dir: string): Promise<string[]> {
  return (await validateData(dir)).map((p) => `${p.code} ${p.file.replace(/^.*?\/data\//u, '')}:${p.line}:${p.column}`);
}

const at = (code: DiagnosticCode, file: string, where: Location) => `${code} ${file}:${where.line}:${where.column}`;

describe('errors that stand alone', () => {
  test('the fixture is valid', async () => {
    expect(await validateData(fixture())).toEqual([]);
  });

  test('a misspelt predicate in the seed article is one problem, not 34', async () => {
    // As `sed -i '0,/predicate: HOLDS_POSITION/s//predicate: HOLDS_POSITON/'`: the first occurrence only.
    const dir = fixture(SEED_DATA);
    const file = join(dir, SEED_ARTICLE);
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace('predicate: HOLDS_POSITION', 'predicate: HOLDS_POSITON'));
    const where = locate(readFileSync(file, 'utf8'), 'HOLDS_POSITON');
    const problems = await validateData(dir);
    expect(problems.map((p) => p.code)).toEqual(['SCHEMA']);
    expect(problems[0]).toMatchObject({ line: where.line, column: where.column });
    expect(problems[0]?.message).toContain('"HOLDS_POSITION"');
  });

  test('a bad item does not hide an independent problem of the same article', async () => {
    const dir = fixture();
    const file = join(dir, ARTICLE);
    const predicate = mutate(file, 'predicate: HOLDS_POSITION', 'predicate: HOLDS_POSITON', 'HOLDS_POSITON');
    const quote = mutate(file, 'evidence: President Tomas Lind denied it', 'evidence: President Tomas Lind denid it', 'President Tomas Lind denid');
    expect(await problemsOf(dir)).toEqual([at('SCHEMA', ARTICLE, predicate), at('QUOTE_NOT_VERBATIM', ARTICLE, quote)]);
  });

  test('a claim set aside for a schema error is not reported again where relations name it', async () => {
    const dir = fixture();
    const where = mutate(join(dir, ARTICLE), '  - id: plan-will-fail\n', '  - id: plan-will-fail\n    modality: rumoured\n', 'rumoured');
    expect(await problemsOf(dir)).toEqual([at('SCHEMA', ARTICLE, where)]);
  });

  test('a shared entity set aside is not reported again in mentions, roles or relations', async () => {
    const dir = fixture();
    const where = mutate(join(dir, 'entities.yaml'), 'kind: PERSON\n    name: Tomas Lind', 'kind: PERSN\n    name: Tomas Lind', 'PERSN');
    expect(await problemsOf(dir)).toEqual([at('SCHEMA', 'entities.yaml', where)]);
  });

  test('a mention of the wrong shape is one problem, not also "no article mentions it"', async () => {
    const dir = fixture();
    const where = mutate(join(dir, ARTICLE), '  norway: Norway\n', '  norway: 42\n', '42');
    expect(await problemsOf(dir)).toEqual([at('SCHEMA', ARTICLE, where)]);
  });

  test('a mention whose quote is not in the text is one problem, not also "no article mentions it"', async () => {
    const dir = fixture();
    const where = mutate(join(dir, ARTICLE), '  norway: Norway\n', '  norway: Norwey\n', 'Norwey');
    expect(await problemsOf(dir)).toEqual([at('QUOTE_NOT_VERBATIM', ARTICLE, where)]);
  });

  test('an unparsable article is reported once, without echoes elsewhere', async () => {
    const dir = fixture(SEED_DATA);
    mutate(join(dir, SEED_ARTICLE), 'relations:\n', 'relations:\n  - subject: [unclosed\n');
    const problems = await validateData(dir);
    // The parser's recovery would add six more errors on the lines after it: only the first is the mistake.
    expect(problems.map((p) => p.code)).toEqual(['YAML_SYNTAX']);
    expect(problems[0]?.file).toContain(SEED_ARTICLE);
    expect(problems[0]?.message).toContain('could not be read');
  });

  test('an article whose text file is missing is one problem', async () => {
    const dir = fixture();
    rmSync(join(dir, 'articles/oslo-follow-up.txt'));
    expect((await validateData(dir)).map((p) => p.code)).toEqual(['FILE_UNREADABLE']);
  });

  test('a misspelt top-level section is one problem', async () => {
    const dir = fixture();
    const where = mutate(join(dir, ARTICLE), '\nclaims:\n', '\nclaim:\n', 'claim:');
    const problems = await validateData(dir);
    expect(problems.map((p) => `${p.code} ${p.line}:${p.column}`)).toEqual([`SCHEMA ${where.line}:${where.column}`]);
    expect(problems[0]?.message).toContain('"claims"');
  });

  test('a misspelt required key is one problem (the unknown key, suggesting the missing one)', async () => {
    const dir = fixture();
    const where = mutate(join(dir, ARTICLE), '    evidence: President Tomas Lind denied it', '    evidnce: President Tomas Lind denied it', 'evidnce');
    const problems = await validateData(dir);
    expect(problems.map((p) => `${p.code} ${p.line}:${p.column}`)).toEqual([`SCHEMA ${where.line}:${where.column}`]);
    expect(problems[0]?.message).toContain('"evidence"');
  });

  test('a misspelt header key is one problem, and the article is not read', async () => {
    const dir = fixture();
    const where = mutate(join(dir, ARTICLE), '  title: Berg doubts the plan', '  titel: Berg doubts the plan', 'titel');
    expect(await problemsOf(dir)).toEqual([at('SCHEMA', ARTICLE, where)]);
  });

  test('the build refuses with the same single problem', async () => {
    const dir = fixture();
    mutate(join(dir, ARTICLE), 'predicate: HOLDS_POSITION', 'predicate: HOLDS_POSITON');
    const error = await buildGraph(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).diagnostics.map((d) => d.code)).toEqual(['SCHEMA']);
  });
});

describe('unknown keys inside properties are refused with did-you-mean', () => {
  test('an event property typo ("ordinl") is refused at the key, suggesting "ordinal"', async () => {
    const dir = fixture();
    const where = mutate(join(dir, ARTICLE), '      ordinal: 4', '      ordinl: 4', 'ordinl');
    const problems = await validateData(dir);
    expect(problems.map((p) => `${p.code} ${p.line}:${p.column}`)).toEqual([`UNKNOWN_PROPERTY ${where.line}:${where.column}`]);
    expect(problems[0]?.message).toContain('"ordinal"');
  });

  test('a relation property typo ("titel") is one UNKNOWN_PROPERTY suggesting "title", not a missing title', async () => {
    const dir = fixture();
    const where = mutate(join(dir, ARTICLE), '      title: Prime Minister', '      titel: Prime Minister', 'titel');
    const problems = await validateData(dir);
    expect(problems.map((p) => `${p.code} ${p.line}:${p.column}`)).toEqual([`UNKNOWN_PROPERTY ${where.line}:${where.column}`]);
    expect(problems[0]?.message).toContain('"title"');
  });

  test('the annotations any relation may carry are accepted', async () => {
    const dir = fixture();
    mutate(join(dir, ARTICLE), '      title: Prime Minister', '      title: Prime Minister\n      verb: said\n      note: a reviewer note');
    expect(await validateData(dir)).toEqual([]);
  });

  test('free-form properties of shared entities and claims stay allowed', async () => {
    const dir = fixture();
    mutate(join(dir, 'entities.yaml'), '    name: Norway\n', '    name: Norway\n    properties:\n      population: 5500000\n');
    mutate(join(dir, ARTICLE), '    name: The ceasefire plan will fail.\n', '    name: The ceasefire plan will fail.\n    properties:\n      horizon: weeks\n');
    expect(await validateData(dir)).toEqual([]);
  });
});

describe('files that cannot be built', () => {
  test('a second article with the same id is one DUPLICATE_ID, without echoes of what it mentions or declares', async () => {
    const dir = fixture();
    const copy = readFileSync(join(dir, ARTICLE), 'utf8').replace('text: oslo-follow-up.txt', 'text: oslo-follow-up.txt\n  source: The copy');
    // Sorted after the original, so it is the duplicate; it alone mentions an entity declared for it, whose
    // mention is thus never anchored (the article is not built): not reported as mentioned by no article.
    writeFileSync(join(dir, 'articles', 'z-copy.yaml'), copy.replace('  norway: Norway\n', '  norway: Norway\n  oslo: Norway\n'));
    writeFileSync(join(dir, 'entities.yaml'), `${readFileSync(join(dir, 'entities.yaml'), 'utf8')}  - id: oslo\n    kind: PLACE\n    name: Oslo\n`);
    const problems = await validateData(dir);
    expect(problems.map((p) => p.code)).toEqual(['DUPLICATE_ID']);
    expect(problems[0]?.file).toContain('z-copy.yaml');
  });
});
