/**
 * The schema: API.md's names and shapes, one object type per kind, and a description on every type, field
 * and argument (the playground's docs pane is the manual).
 */
import { beforeAll, expect, test } from '@jest/globals';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  isSpecifiedScalarType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
import { createSchema } from '../../src/api/index.js';
import { ENTITY_KINDS } from '../../src/ontology/index.js';
import { seedGraph } from './seed.js';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = createSchema(await seedGraph());
});

function field(type: string, name: string): GraphQLField<unknown, unknown> {
  const named = schema.getType(type);
  if (!isObjectType(named) && !isInterfaceType(named)) throw new Error(`${type} is not an object or interface type`);
  const found = named.getFields()[name];
  if (found === undefined) throw new Error(`${type}.${name} is missing`);
  return found;
}

/** `name(arg: Type = default, ...): Type` of a field, as API.md writes it. */
function signature(type: string, name: string): string {
  const f = field(type, name);
  const args = f.args.map((a) => `${a.name}: ${String(a.type)}${a.defaultValue === undefined ? '' : ` = ${JSON.stringify(a.defaultValue)}`}`);
  return `${name}${args.length > 0 ? `(${args.join(', ')})` : ''}: ${String(f.type)}`;
}

test('Query has the entry points of API.md with their shapes', () => {
  expect(signature('Query', 'entity')).toBe('entity(id: ID!): Entity');
  expect(signature('Query', 'search')).toBe('search(text: String!, kind: EntityKind, limit: Int = 10): [Entity!]!');
  expect(signature('Query', 'entities')).toBe('entities(kind: EntityKind, first: Int = 50, after: String): EntityConnection!');
  expect(signature('Query', 'relations')).toBe(
    'relations(predicate: [String!], subject: ID, object: ID, negated: Boolean, article: ID, from: String, to: String, minArticles: Int, draft: Boolean, first: Int = 50, after: String): RelationConnection!',
  );
  expect(signature('Query', 'path')).toBe('path(from: ID!, to: ID!, maxHops: Int = 4): [Relation!]');
  expect(signature('Query', 'articles')).toBe('articles(from: String, to: String, source: String, first: Int = 100): [Article!]!');
  expect(signature('Query', 'timeline')).toMatch(/^timeline.*: \[Event!\]!$/);
  expect(signature('Query', 'claims')).toMatch(/^claims.*: \[Claim!\]!$/);
});

test('Entity, Relation, Evidence, Article and the connections have the fields of API.md', () => {
  expect(signature('Entity', 'relations')).toBe(
    'relations(predicate: [String!], direction: Direction = "BOTH", includeNegated: Boolean = true, first: Int = 50): [Relation!]!',
  );
  expect(signature('Entity', 'articles')).toBe('articles(first: Int = 10): [Article!]!');
  expect(signature('Relation', 'articles')).toBe('articles(first: Int = 10): [Article!]!');
  expect(signature('Relation', 'articleCount')).toBe('articleCount: Int!');
  expect(signature('Article', 'relations')).toBe('relations(first: Int = 50, after: String): RelationConnection!');
  expect(signature('Article', 'entities')).toBe('entities(first: Int = 50, after: String): EntityConnection!');
  expect(signature('Event', 'history')).toBe('history(first: Int = 10): [EventStatusReport!]!');
  for (const [type, fields] of Object.entries({
    Entity: 'id: ID! kind: EntityKind! name: String! aliases: [String!]! description: String wikidata: String properties: JSON',
    Relation:
      'id: ID! predicate: String! subject: Entity! object: Entity! negated: Boolean! modality: String! attributedTo: Entity time: String properties: JSON event: Entity',
    Evidence: 'article: Article! exact: String! prefix: String! suffix: String! start: Int! end: Int! sentence: Int!',
    Article: 'id: ID! title: String! text: String! published: String source: String url: String sentences: [String!]!',
    EventStatusReport: 'status: String! article: Article! published: String',
    PageInfo: 'hasNextPage: Boolean! endCursor: String',
    EntityConnection: 'totalCount: Int! pageInfo: PageInfo! edges: [EntityEdge!]!',
    EntityEdge: 'cursor: String! node: Entity!',
    RelationConnection: 'totalCount: Int! pageInfo: PageInfo! edges: [RelationEdge!]!',
    RelationEdge: 'cursor: String! node: Relation!',
  })) {
    for (const [name, shape] of fields.match(/\w+: [^ ]+/g)?.map((f) => f.split(': ')) ?? []) {
      expect(`${type}.${signature(type, name ?? '')}`).toBe(`${type}.${name}: ${shape}`);
    }
  }
  expect(isEnumType(schema.getType('EntityKind')) && schema.getType('EntityKind')?.toString()).toBe('EntityKind');
  const kinds = schema.getType('EntityKind');
  expect(isEnumType(kinds) ? kinds.getValues().map((v) => v.name) : []).toEqual([...ENTITY_KINDS]);
});

test('one object type per kind implements Entity; the typed fields of API.md are there', () => {
  for (const name of ['Person', 'Government', 'Organization', 'Group', 'Place', 'Proposal', 'Event', 'Claim']) {
    const type = schema.getType(name);
    expect(isObjectType(type) && type.getInterfaces().map((i) => i.name)).toContain('Entity');
  }
  // Every typed list grows with the corpus, so each takes `first` (API.md, "Additions for a corpus").
  for (const name of ['proposedBy', 'backedBy', 'resistedBy', 'rejectedBy', 'endorsedBy', 'preferredBy']) {
    expect(signature('Proposal', name)).toBe(`${name}(negated: Boolean = false, first: Int = 10): [Entity!]!`);
  }
  expect(signature('Proposal', 'conditions')).toBe('conditions(first: Int = 10): [Proposal!]!');
  expect(signature('Proposal', 'partOf')).toBe('partOf(first: Int = 10): [Proposal!]!');
  for (const name of ['agents', 'participants', 'targets', 'locations', 'media']) expect(signature('Event', name)).toBe(`${name}(first: Int = 10): [Entity!]!`);
  for (const name of ['assertedBy', 'deniedBy', 'reportedBy']) expect(signature('Claim', name)).toMatch(new RegExp(`^${name}.*: \\[Entity!\\]!$`));
  expect(signature('Claim', 'contradicts')).toBe('contradicts(first: Int = 10): [Claim!]!');
  expect(signature('Person', 'positions')).toBe('positions(first: Int = 10): [Position!]!');
  expect(signature('Government', 'members')).toBe('members(first: Int = 10): [Position!]!');
  expect(signature('Place', 'events')).toBe('events(first: Int = 10): [Event!]!');
  expect(signature('Entity', 'neighbors')).toMatch(/^neighbors\(depth: Int = 1, predicate: \[String!\]/);
});

test('every type, field, argument and enum value has a description', () => {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const f of Object.values(type.getFields())) {
        if (!f.description) missing.push(`${type.name}.${f.name}`);
        for (const a of 'args' in f ? f.args : []) if (!a.description) missing.push(`${type.name}.${f.name}(${a.name})`);
      }
    }
    if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
  }
  expect(missing).toEqual([]);
});

test('an implementing type documents a shared field as its interface does', () => {
  expect(field('Person', 'relations').description).toBe(field('Entity', 'relations').description);
  expect(field('Government', 'endorsed').args[0]?.description).toBe(field('Actor', 'endorsed').args[0]?.description);
  expect(getNamedType(field('Actor', 'urged').type).name).toBe('Urging');
});
