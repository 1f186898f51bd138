/**
 * Golden files: the exact output of each text format for the small sample graph, so that a change of
 * output shows in review as a diff of tests/fixtures/export/. The round-trip tests say the output is
 * right; these say it did not change unnoticed. Regenerate with UPDATE_GOLDEN=1 after checking the diff.
 * Not for RDF (its engineer's tests pin it) nor for json/cytoscape (graphology's and our data as they are).
 */
import { expect, test } from '@jest/globals';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportGraph, type ExportFormat } from '../../src/export/index.js';
import { sampleGraph } from '../utils/sampleGraph.js';

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'export');
const GOLDEN_FORMATS: readonly ExportFormat[] = ['gexf', 'graphml', 'csv', 'cypher', 'dot'];

function outputs(format: ExportFormat): Record<string, string> {
  const result = exportGraph(sampleGraph(), format);
  return result.kind === 'files'
    ? Object.fromEntries(Object.entries(result.files).map(([name, text]) => [`sample.${name}`, text]))
    : { [`sample.${result.extension}`]: result.text };
}

test.each(GOLDEN_FORMATS)('%s matches its golden file', (format) => {
  for (const [name, text] of Object.entries(outputs(format))) {
    const path = join(FIXTURES, name);
    if (process.env['UPDATE_GOLDEN'] || !existsSync(path)) {
      // Under CI a golden file is only ever compared: writing it there would make this test pass whatever the output.
      if (process.env['CI']) {
        throw new Error(`golden file ${path} is missing or UPDATE_GOLDEN is set under CI: run the tests locally with UPDATE_GOLDEN=1, review the diff and commit it`);
      }
      mkdirSync(FIXTURES, { recursive: true });
      writeFileSync(path, text, 'utf8');
    }
    expect(text).toBe(readFileSync(path, 'utf8'));
  }
});
