import { expect, test } from '@jest/globals';
import { NewsgraphError } from '../../src/errors.js';
import { CSV_NODES_FILE, CSV_RELATIONSHIPS_FILE } from '../../src/export/csv.js';
import { EXPORT_FORMATS, exportGraph, isExportFormat, type ExportFormat } from '../../src/export/index.js';
import { sampleGraph } from '../utils/sampleGraph.js';

test('the registry lists the ten formats of the issue', () => {
  expect(EXPORT_FORMATS).toEqual(['json', 'gexf', 'graphml', 'cytoscape', 'csv', 'cypher', 'turtle', 'ntriples', 'jsonld', 'dot', 'gdelt']);
  expect(isExportFormat('gexf')).toBe(true);
  expect(isExportFormat('GEXF')).toBe(false);
  expect(isExportFormat(undefined)).toBe(false);
});

test.each(EXPORT_FORMATS)('%s: exportGraph gives non-empty output with a content type and an extension', (format) => {
  const result = exportGraph(sampleGraph(), format);
  if (format === 'csv') {
    expect(result.kind).toBe('files');
    if (result.kind === 'files') expect(Object.keys(result.files)).toEqual(expect.arrayContaining([CSV_NODES_FILE, CSV_RELATIONSHIPS_FILE]));
    return;
  }
  expect(result.kind).toBe('text');
  if (result.kind !== 'text') return;
  expect(result.text.length).toBeGreaterThan(100);
  expect(result.contentType).toMatch(/^[a-z]+\/[a-z0-9.+-]+; charset=utf-8$/);
  expect(result.extension).toMatch(/^[a-z]+$/);
});

test('exports are deterministic: the same graph gives the same bytes', () => {
  for (const format of EXPORT_FORMATS) expect(exportGraph(sampleGraph(), format)).toEqual(exportGraph(sampleGraph(), format));
});

test('an unknown format is UNKNOWN_FORMAT, with a did-you-mean', () => {
  let error: unknown;
  try {
    exportGraph(sampleGraph(), 'graphm' as ExportFormat);
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(NewsgraphError);
  expect((error as NewsgraphError).code).toBe('UNKNOWN_FORMAT');
  expect((error as NewsgraphError).message).toContain('"graphml"');
});

test('the RDF formats receive the base IRI', () => {
  const result = exportGraph(sampleGraph(), 'ntriples', { baseIri: 'http://example.org/news/' });
  expect(result.kind === 'text' && result.text).toContain('<http://example.org/news/entity/russia>');
});
