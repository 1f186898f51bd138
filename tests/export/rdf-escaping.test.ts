/**
 * Escaping, by exhaustive small-alphabet fuzz (STYLE.md habit 13): every string of up to three characters over
 * the characters an escaper can get wrong is an entity's id, name and alias. rdflib and n3 must read each one
 * back unchanged from Turtle, N-Triples and JSON-LD, the id through its percent-encoded IRI.
 */
import { describe, expect, test } from '@jest/globals';
import { Parser, type Quad } from 'n3';
import { toJsonLd, toNTriples, toTurtle } from '../../src/export/rdf/index.js';
import { buildQuads } from '../../src/export/rdf/quads.js';
import { DEFAULT_BASE_IRI } from '../../src/export/rdf/iris.js';
import { buildFixtureGraph } from './rdf-fixture.js';
import { missingRdflib, runRdflib } from './rdf-python.js';
import type { EntityAttributes } from '../../src/graph/types.js';

/** Quote, angle brackets, ampersand, apostrophe, backslash, newline, CR, tab, NUL, DEL, an emoji (outside the BMP), a combining mark, a letter. */
const ALPHABET = ['"', '<', '>', '&', "'", '\\', '\n', '\r', '\t', '\u0000', '\u007f', '😀', '\u0301', 'a'];

function allStrings(alphabet: readonly string[], maxLength: number): string[] {
  let level = [''];
  const result: string[] = [];
  for (let length = 1; length <= maxLength; length++) {
    level = level.flatMap((prefix) => alphabet.map((c) => prefix + c));
    result.push(...level);
  }
  return result;
}

const STRINGS = allStrings(ALPHABET, 3);
const entities: EntityAttributes[] = STRINGS.map((s) => ({
  id: s,
  kind: 'PERSON',
  name: s,
  aliases: [`alias ${s}`],
  description: `${s}${s}`,
  evidence: [],
  articles: [],
  properties: { title: s },
}));
const graph = buildFixtureGraph(entities, [], []);
const quads = buildQuads(graph);
const turtle = toTurtle(graph);
const ntriples = toNTriples(graph);
const jsonld = toJsonLd(graph);

const ENTITY = `${DEFAULT_BASE_IRI}entity/`;
const SCHEMA_NAME = 'https://schema.org/name';

/** id → name, decoding the id from the entity's IRI. */
function namesFrom(rows: readonly (readonly [string, string])[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const [iri, name] of rows) {
    expect(iri.startsWith(ENTITY)).toBe(true);
    names.set(decodeURIComponent(iri.slice(ENTITY.length)), name);
  }
  return names;
}

const expected = new Map(STRINGS.map((s) => [s, s]));

describe(`escaping: all ${STRINGS.length} strings of up to 3 of ${ALPHABET.length} characters`, () => {
  test('n3 reads every id and name back from Turtle and N-Triples', () => {
    for (const [format, text] of [
      ['Turtle', turtle],
      ['N-Triples', ntriples],
    ] as const) {
      const parsed: Quad[] = new Parser({ format }).parse(text);
      expect(parsed).toHaveLength(quads.length);
      const rows = parsed
        .filter((q) => q.predicate.value === SCHEMA_NAME)
        .map((q) => [q.subject.value, q.object.value] as const);
      expect(namesFrom(rows)).toEqual(expected);
    }
  });

  (missingRdflib() === null ? test : test.skip)('rdflib reads every id, name, alias, description and property back from all three', () => {
    const sparql = `SELECT ?e ?name ?alias ?description ?title WHERE {
      ?e <${SCHEMA_NAME}> ?name ; <https://schema.org/alternateName> ?alias ;
         <https://schema.org/description> ?description ; <https://newsgraph.dev/ns#title> ?title }`;
    const report = runRdflib({
      files: {
        turtle: { syntax: 'turtle', content: turtle },
        nt: { syntax: 'nt', content: ntriples },
        jsonld: { syntax: 'json-ld', content: jsonld },
      },
      queries: ['turtle', 'nt', 'jsonld'].map((file) => ({ file, sparql })),
    });
    expect(report.differences).toEqual({});
    expect(report.counts).toEqual({ turtle: quads.length, nt: quads.length, jsonld: quads.length });
    for (const answer of report.answers) {
      const rows = answer as string[][];
      expect(rows).toHaveLength(STRINGS.length);
      expect(namesFrom(rows.map(([iri = '', name = '']) => [iri, name] as const))).toEqual(expected);
      for (const [, name = '', alias, description, title] of rows) {
        expect([alias, description, title]).toEqual([`alias ${name}`, `${name}${name}`, name]);
      }
    }
  });
});
