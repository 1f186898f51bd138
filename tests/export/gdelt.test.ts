import { describe, expect, test } from '@jest/globals';
import { GDELT_COLUMNS, escapeTsvField, toGdeltTsv } from '../../src/export/gdelt.js';
import { exportGraph } from '../../src/export/index.js';
import { CAMEO_ROOTS, EVENT_TYPE_CAMEO, PREDICATE_CAMEO, cameoRoot } from '../../src/ontology/index.js';
import { seedGraph } from '../api/seed.js';

/** A reader written from the format's definition (PostgreSQL text COPY escaping), not from the writer. */
function readTsv(text: string): Record<string, string>[] {
  const unescape = (field: string) => field.replace(/\\(.)/gu, (_m, ch: string) => ({ t: '\t', n: '\n', r: '\r', '\\': '\\' })[ch] ?? ch);
  const [header, ...rows] = text.replace(/\n$/u, '').split('\n');
  const columns = (header ?? '').split('\t');
  return rows.map((line) => {
    const fields = line.split('\t');
    expect(fields).toHaveLength(columns.length);
    return Object.fromEntries(columns.map((c, i) => [c, unescape(fields[i] ?? '')]));
  });
}

describe('CAMEO vocabulary', () => {
  test('every one of the 20 root categories has a predicate', () => {
    const roots = new Set(Object.values(PREDICATE_CAMEO).flatMap((m) => (m === null ? [] : [cameoRoot(m.code)])));
    expect([...roots].sort()).toEqual(Object.keys(CAMEO_ROOTS).sort());
  });
  test('codes are CAMEO-shaped', () => {
    for (const m of [...Object.values(PREDICATE_CAMEO), ...Object.values(EVENT_TYPE_CAMEO)]) {
      if (m !== null) expect(m.code).toMatch(/^(0[1-9]|1\d|20)\d{1,2}$/u);
    }
  });
});

describe('gdelt export', () => {
  test('the seed: a header, then rows that parse back with their CAMEO codes, actors and quotes', async () => {
    const graph = await seedGraph();
    const result = exportGraph(graph, 'gdelt');
    if (result.kind !== 'text') throw new Error('expected text');
    expect(result.extension).toBe('tsv');
    const rows = readTsv(result.text);
    expect(result.text.split('\n')[0]).toBe(GDELT_COLUMNS.join('\t'));
    const rebuke = rows.find((r) => r['Predicate'] === 'REBUKED' && r['Actor1Id'] === 'donald-trump' && r['Actor2Id'] === 'vladimir-putin');
    expect(rebuke).toMatchObject({ EventCode: '111', EventRootCode: '11', QuadClass: '3', Negated: '0', Actor1Kind: 'PERSON', ArticleId: 'ukraine-peace-talks-2025-04', Date: '2025-04' });
    // The quote is verbatim at its offsets (code points) in the article.
    const article = graph.getAttribute('articles').find((a) => a.id === rebuke?.['ArticleId']);
    expect(Array.from(article?.text ?? '').slice(Number(rebuke?.['QuoteStart']), Number(rebuke?.['QuoteEnd'])).join('')).toBe(rebuke?.['Quote']);
    // Negation survives: "neither Russia nor Ukraine has formally endorsed" is a negated 051, never a rejection.
    const endorsed = rows.filter((r) => r['Predicate'] === 'ENDORSED');
    expect(endorsed.length).toBeGreaterThan(0);
    expect(endorsed.every((r) => r['Negated'] === '1' && r['EventCode'] === '051')).toBe(true);
    // Structural relations and role edges are not events.
    expect(rows.some((r) => r['Predicate'] === 'HOLDS_POSITION' || r['Predicate'] === 'AGENT')).toBe(false);
    // One row per CAMEO-coded relation and article.
    const coded = graph.filterEdges((_k, r) => r.origin !== 'role' && (PREDICATE_CAMEO as Record<string, unknown>)[r.predicate] != null);
    expect(rows).toHaveLength(coded.length);
    expect(toGdeltTsv(graph)).toBe(result.text);
  });

  test('escaping round-trips every small-alphabet string', () => {
    const alphabet = ['a', '\\', '\t', '\n', '\r', 't', 'n'];
    const strings = [''];
    for (let n = 0; n < 4; n++) for (const s of [...strings]) for (const ch of alphabet) strings.push(s + ch);
    for (const s of new Set(strings)) {
      const escaped = escapeTsvField(s);
      expect(escaped).not.toMatch(/[\t\n\r]/u);
      expect(readTsv(`X\n${escaped}\n`)[0]?.['X']).toBe(s);
    }
  });
});
