/**
 * Every list that grows with the corpus takes `first` with a default of at most 100 (API.md, "Additions for
 * a corpus"), and the defaults the resolvers fall back to are the ones the SDL declares.
 */
import { expect, test } from '@jest/globals';
import { buildASTSchema, getNamedType, getNullableType, isInterfaceType, isListType, isObjectType, isScalarType, isEnumType } from 'graphql';
import { DEFAULT_FIRST, MAX_FIRST } from '../../src/api/listSizes.js';
import { getTypeDefs } from '../../src/api/schema.js';

const schema = buildASTSchema(getTypeDefs());

/** Lists bounded by something other than the corpus: the vocabulary, the hops of a path. */
// ExplorerView's nodes and edges: sized by `explore(limit:)` (≤ 2,000), which the cost estimate prices them at.
const BOUNDED = new Set(['Query.predicates', 'Query.path', 'ExplorerView.nodes', 'ExplorerView.edges']); // the ontology; maxHops (≤ 10)

function listFields() {
  const fields = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields())) {
      if (!isListType(getNullableType(field.type))) continue;
      const element = getNamedType(field.type);
      if (isScalarType(element) || isEnumType(element)) continue; // names, sentences: bounded by one entity or article
      fields.push({ name: `${type.name}.${field.name}`, field });
    }
  }
  return fields;
}

test('every list of entities, relations, evidence or articles takes first (or limit) with a default of at most 100', () => {
  const lists = listFields();
  expect(lists.length).toBeGreaterThan(100);
  // A connection's `edges` are sized by the connection's own `first`.
  const missing = lists.filter(
    ({ name, field }) => !BOUNDED.has(name) && !/Connection\.edges$/.test(name) && !field.args.some((a) => a.name === 'first' || a.name === 'limit'),
  );
  expect(missing.map((m) => m.name)).toEqual([]);
  const tooLarge = lists.flatMap(({ name, field }) => {
    const size = field.args.find((a) => a.name === 'first' || a.name === 'limit');
    return size === undefined || (typeof size.defaultValue === 'number' && size.defaultValue <= 100) ? [] : [`${name}: ${String(size.defaultValue)}`];
  });
  expect(tooLarge).toEqual([]);
});

test('the SDL defaults are the ones the resolvers fall back to', () => {
  const defaultOf = (type: string, field: string): unknown => {
    const t = schema.getType(type);
    if (!isObjectType(t) && !isInterfaceType(t)) throw new Error(type);
    return t.getFields()[field]?.args.find((a) => a.name === 'first')?.defaultValue;
  };
  expect(defaultOf('Entity', 'relations')).toBe(DEFAULT_FIRST.relations);
  expect(defaultOf('Person', 'relations')).toBe(DEFAULT_FIRST.relations);
  expect(defaultOf('Proposal', 'rejectedBy')).toBe(DEFAULT_FIRST.typed);
  expect(defaultOf('Event', 'participants')).toBe(DEFAULT_FIRST.typed);
  expect(defaultOf('Claim', 'assertedBy')).toBe(DEFAULT_FIRST.typed);
  expect(defaultOf('Person', 'positions')).toBe(DEFAULT_FIRST.typed);
  expect(defaultOf('Relation', 'evidence')).toBe(DEFAULT_FIRST.evidence);
  expect(defaultOf('Entity', 'evidence')).toBe(DEFAULT_FIRST.evidence);
  expect(defaultOf('Relation', 'articles')).toBe(DEFAULT_FIRST.articles);
  expect(defaultOf('Entity', 'articles')).toBe(DEFAULT_FIRST.articles);
  expect(defaultOf('Entity', 'neighbors')).toBe(DEFAULT_FIRST.neighbors);
  expect(defaultOf('Neighbor', 'via')).toBe(DEFAULT_FIRST.via);
  expect(defaultOf('Event', 'history')).toBe(DEFAULT_FIRST.history);
  expect(defaultOf('Article', 'relations')).toBe(DEFAULT_FIRST.page);
  expect(defaultOf('Article', 'entities')).toBe(DEFAULT_FIRST.page);
  expect(defaultOf('Query', 'relations')).toBe(DEFAULT_FIRST.page);
  expect(defaultOf('Query', 'articles')).toBe(DEFAULT_FIRST.list);
  expect(defaultOf('Query', 'timeline')).toBe(DEFAULT_FIRST.list);
  expect(defaultOf('Query', 'claims')).toBe(DEFAULT_FIRST.list);
  expect(MAX_FIRST).toBe(200);
});
