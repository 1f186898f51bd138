import { expect, test } from '@jest/globals';
import { EDGE_COLUMNS, NODE_COLUMNS } from '../../src/export/columns.js';
import { PREDICATE_NAMES, predicateSpec } from '../../src/ontology/index.js';

test.each([
  ['node', NODE_COLUMNS],
  ['edge', EDGE_COLUMNS],
] as const)('%s column names are unique plain identifiers (GEXF, GraphML, neo4j header and Cypher key alike)', (_what, columns) => {
  const names = columns.map((c) => c.name);
  expect(new Set(names).size).toBe(names.length);
  for (const name of names) expect(name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
  // Names graphology-gexf and graphology-graphml give a meaning of their own.
  for (const reserved of ['label', 'color', 'size', 'shape', 'x', 'y', 'z', 'thickness', 'weight', 'r', 'g', 'b', 'id']) {
    expect(names).not.toContain(reserved);
  }
});

test('every property the ontology declares on a predicate has a typed relation column', () => {
  for (const predicate of PREDICATE_NAMES) {
    for (const [name, spec] of Object.entries(predicateSpec(predicate).properties ?? {})) {
      expect(EDGE_COLUMNS.find((c) => c.name === name)?.type).toBe(spec.type === 'integer' ? 'int' : 'string');
    }
  }
});
