import { expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildGraph } from '../../src/build/index.js';
import { FIXTURES } from '../utils/fixtures.js';

// The fixture's text holds emoji (one code point is two UTF-16 units; a flag is two code points) and a
// combining acute accent (two code points that render as one letter): offsets must count code points.
const DATA = join(FIXTURES, 'data', 'unicode');
const TEXT = readFileSync(join(DATA, 'articles', 'emoji.txt'), 'utf8');

test('evidence offsets are Unicode code points, not UTF-16 units', async () => {
  const graph = await buildGraph(DATA);
  const evidence = graph.getNodeAttribute('tromso', 'evidence');
  const [anchor] = evidence;
  expect(anchor?.exact).toBe('Tromsø 🇳🇴');
  const utf16Start = TEXT.indexOf('Tromsø 🇳🇴');
  const pointStart = Array.from(TEXT.slice(0, utf16Start)).length;
  expect(anchor?.start).toBe(pointStart);
  // The waving hand before it is one code point but two units: the two offsets differ.
  expect(utf16Start - pointStart).toBe(1);
  // The flag is two regional-indicator code points, four UTF-16 units.
  expect((anchor?.end ?? 0) - (anchor?.start ?? 0)).toBe(Array.from('Tromsø 🇳🇴').length);
});

test('every anchor slices its exact words out of the text by code points', async () => {
  const graph = await buildGraph(DATA);
  const points = Array.from(TEXT);
  const anchors = [...graph.mapNodes((_, a) => a.evidence), ...graph.mapEdges((_, r) => r.evidence)].flat();
  expect(anchors.length).toBeGreaterThan(5);
  for (const a of anchors) {
    expect(points.slice(a.start, a.end).join('')).toBe(a.exact);
    expect(points.slice(Math.max(0, a.start - Array.from(a.prefix).length), a.start).join('')).toBe(a.prefix);
    expect(points.slice(a.end, a.end + Array.from(a.suffix).length).join('')).toBe(a.suffix);
  }
  // The combining mark is kept as written: e + U+0301, not the precomposed é.
  const lefevre = graph.getNodeAttribute('stephane-lefevre', 'evidence')[0];
  expect(lefevre?.exact.startsWith('Ste\u0301phane')).toBe(true);
});
