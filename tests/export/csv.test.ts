import { expect, test } from '@jest/globals';
import { PIECES_FROM_ITEMS } from '../../src/export/columns.js';
import { CSV_ARTICLES_FILE, CSV_IMPORT_SCRIPT, CSV_NODES_FILE, CSV_RELATIONSHIPS_FILE, neo4jCsvPieces, toNeo4jCsv } from '../../src/export/csv.js';
import { csvField } from '../../src/export/escape/csv.js';
import { PIECE_CHARS } from '../../src/export/layout.js';
import { addEntity, manyAnchorsGraph, sampleGraph } from '../utils/sampleGraph.js';
import { canonical } from './decode.js';
import { parseCsv, readCsv, readCsvTable, scriptDelimiter } from './readers/index.js';

test('nodes.csv and relationships.csv have neo4j-admin headers with typed columns', () => {
  const files = toNeo4jCsv(sampleGraph());
  expect(Object.keys(files).sort()).toEqual([CSV_ARTICLES_FILE, CSV_IMPORT_SCRIPT, CSV_NODES_FILE, CSV_RELATIONSHIPS_FILE].sort());
  const nodes = readCsvTable(files[CSV_NODES_FILE] ?? '', ';');
  const relationships = readCsvTable(files[CSV_RELATIONSHIPS_FILE] ?? '', ';');
  const header = (t: typeof nodes): string[] => t.header.map((h) => (h.type === 'string' ? h.name : `${h.name}:${h.type}`));
  expect(header(nodes).slice(0, 2)).toEqual(['id:ID', ':LABEL']);
  expect(header(nodes)).toEqual(expect.arrayContaining(['name', 'aliases:string[]', 'articles:string[]', 'fatalities_min:int']));
  expect(header(relationships).slice(0, 4)).toEqual([':START_ID', ':END_ID', ':TYPE', 'id']);
  expect(header(relationships)).toEqual(expect.arrayContaining(['negated:boolean', 'symmetric:boolean', 'ordinal:int', 'evidence']));
});

test('the csv files parse back, with the right counts, into an equal graph', () => {
  const graph = sampleGraph();
  const files = toNeo4jCsv(graph);
  const delimiter = scriptDelimiter(files[CSV_IMPORT_SCRIPT] ?? '');
  expect(delimiter).toBe(';');
  const nodes = readCsvTable(files[CSV_NODES_FILE] ?? '', delimiter);
  expect(nodes.rows).toHaveLength(graph.order);
  expect(readCsvTable(files[CSV_RELATIONSHIPS_FILE] ?? '', delimiter).rows).toHaveLength(graph.size);
  expect(nodes.rows.find((r) => r['id'] === 'kyiv-attack')).toMatchObject({ LABEL: ['Entity', 'EVENT'], fatalities_min: 12 });
  expect(readCsv(files, delimiter)).toEqual(canonical(graph, false));
});

test('RFC 4180 quoting: quotes doubled, separators and line breaks quoted, "" is the empty string', () => {
  expect(csvField('plain')).toBe('plain');
  expect(csvField('say "hi"')).toBe('"say ""hi"""');
  expect(csvField('a,b')).toBe('"a,b"');
  expect(csvField('a\r\nb')).toBe('"a\r\nb"');
  expect(csvField('')).toBe('""');
  expect(csvField(undefined)).toBe('');
  expect(parseCsv('a,"",,"x""y"\r\n')).toEqual([
    [
      { value: 'a', quoted: false },
      { value: '', quoted: true },
      { value: '', quoted: false },
      { value: 'x"y', quoted: true },
    ],
  ]);
});

test('an alias holding ";" moves the array delimiter, and the import script says so', () => {
  const graph = sampleGraph();
  addEntity(graph, { id: 'semi', kind: 'GROUP', name: 'semi', aliases: ['a;b', ''], properties: {} });
  const files = toNeo4jCsv(graph);
  const delimiter = scriptDelimiter(files[CSV_IMPORT_SCRIPT] ?? '');
  expect(delimiter).toBe('|');
  expect(files[CSV_IMPORT_SCRIPT]).toContain('--multiline-fields=true');
  expect(readCsv(files, delimiter)).toEqual(canonical(graph, false));
});

test('an entity and a relation of many anchors are written in pieces: the same fields, read back the same', () => {
  const graph = manyAnchorsGraph(PIECES_FROM_ITEMS + 300);
  const files = toNeo4jCsv(graph);
  // The evidence field is the list's JSON text quoted whole; the records came in pieces of about PIECE_CHARS.
  const whole = csvField(JSON.stringify(graph.getNodeAttribute('head', 'evidence')));
  const filePieces = neo4jCsvPieces(graph); // read in order: the first file finds the array delimiter
  for (const [index, name] of [CSV_NODES_FILE, CSV_RELATIONSHIPS_FILE].entries()) {
    expect(files[name]).toContain(`,${whole},`);
    const pieces = [...(filePieces[index]?.pieces ?? [])];
    expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(PIECE_CHARS + 1_000);
  }
  expect(readCsv(files, scriptDelimiter(files[CSV_IMPORT_SCRIPT] ?? ''))).toEqual(canonical(graph, false));
});
