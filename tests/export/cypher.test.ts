import { expect, test } from '@jest/globals';
import { PIECES_FROM_ITEMS } from '../../src/export/columns.js';
import { cypherLines, toCypher } from '../../src/export/cypher.js';
import { PIECE_CHARS } from '../../src/export/layout.js';
import { cypherName, cypherString } from '../../src/export/escape/cypher.js';
import { addEntity, manyAnchorsGraph, sampleGraph } from '../utils/sampleGraph.js';
import { canonical } from './decode.js';
import { parseCypherScript, readCypher, tokenizeCypher, unescapeCypher } from './readers/index.js';

test('the script reads back, statement by statement, into an equal graph', () => {
  const graph = sampleGraph();
  const script = toCypher(graph);
  const parsed = parseCypherScript(script);
  expect(parsed.nodes).toHaveLength(graph.order);
  expect(parsed.relationships).toHaveLength(graph.size);
  expect(readCypher(script)).toEqual(canonical(graph, false));
});

test('it is idempotent by construction: every statement MERGEs on an id, then SETs exactly', () => {
  const lines = toCypher(sampleGraph())
    .split('\n')
    .filter((l) => l !== '' && !l.startsWith('//'));
  for (const line of lines) {
    expect(line).toMatch(/^(MERGE \(n:`Entity` \{id: '|MERGE \(a:`Article` \{id: '|MATCH \(s:`Entity` \{id: ')/);
    expect(line).not.toMatch(/\bCREATE\b/);
    expect(line).toMatch(/ SET [nra] = \{id: '/);
  }
});

test('labels and types come from the vocabulary only', () => {
  const parsed = parseCypherScript(toCypher(sampleGraph()));
  expect(new Set(parsed.nodes.map((n) => n.labels[1]))).toEqual(
    new Set(['GOVERNMENT', 'PERSON', 'PLACE', 'PROPOSAL', 'EVENT', 'GROUP', 'ORGANIZATION', 'CLAIM']),
  );
  expect(() => cypherName('PERSON`) DETACH DELETE n //')).toThrow();
});

test('a name built to inject Cypher stays inside its literal', () => {
  const graph = sampleGraph();
  const evil = "x'}) MATCH (m) DETACH DELETE m //\\' \\\\'";
  addEntity(graph, { id: evil, kind: 'PERSON', name: evil, aliases: [evil], properties: { [evil]: evil } });
  const script = toCypher(graph);
  expect(readCypher(script)).toEqual(canonical(graph, false));
  expect(parseCypherScript(script).nodes.find((n) => n.id === evil)?.properties['name']).toBe(evil);
});

test('string literals escape by table and unescape exactly', () => {
  expect(cypherString("O'Brien \\ \"q\"\n")).toBe("'O\\'Brien \\\\ \"q\"\\n'");
  expect(cypherString('\u0000\u2028😀')).toBe("'\\u0000\\u2028😀'");
  for (const value of ["'", '\\', "\\'", '\n\r\t\b\f', 'e\u0301', '😀']) {
    const [token] = tokenizeCypher(cypherString(value));
    expect(token).toEqual({ kind: 'string', value });
  }
  expect(unescapeCypher('\\U0001F600')).toBe('😀');
});

test('an entity and a relation of many anchors are written in pieces: the same literals, read back the same', () => {
  const graph = manyAnchorsGraph(PIECES_FROM_ITEMS + 300);
  const pieces = [...cypherLines(graph)];
  expect(Math.max(...pieces.map((piece) => piece.length))).toBeLessThan(PIECE_CHARS + 1_000);
  const script = pieces.join('');
  // The evidence literal is the list's JSON text escaped whole, in the node's and in the relation's statement.
  const literal = `\`evidence\`: ${cypherString(JSON.stringify(graph.getNodeAttribute('head', 'evidence')))}`;
  expect(script.split(literal)).toHaveLength(3);
  expect(readCypher(script)).toEqual(canonical(graph, false));
});
