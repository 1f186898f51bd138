/**
 * The RDF exports on a graph built in code: rdflib (a real consumer) and n3's parser read Turtle, N-Triples and
 * JSON-LD back to the very triples we generated; SPARQL answers "who rejected which proposal" as the GraphQL API
 * does, negated rejections included; negated relations are never plain triples; evidence selectors point at the
 * quoted words in code points; Wikidata ids become owl:sameAs; docs/rdf.md's tables match the code.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { Parser, Writer, type Quad } from 'n3';
import { ENTITY_KINDS } from '../../src/ontology/index.js';
import { executeQuery } from '../../src/api/index.js';
import { NewsgraphError } from '../../src/errors.js';
import type { JsonObject, RelationAttributes } from '../../src/graph/types.js';
import { toJsonLd, toNTriples, toTurtle } from '../../src/export/rdf/index.js';
import { buildQuads } from '../../src/export/rdf/quads.js';
import { assertsDirectTriple } from '../../src/export/rdf/relationQuads.js';
import { DEFAULT_BASE_IRI } from '../../src/export/rdf/iris.js';
import { NAMESPACES, kindClassName, schemaClassOf } from '../../src/export/rdf/vocabulary.js';
import { FIXTURE_ENTITIES, FIXTURE_RELATIONS, NASTY_NAME, buildFixtureGraph } from './rdf-fixture.js';
import { missingRdflib, runRdflib } from './rdf-python.js';

const graph = buildFixtureGraph();
const quads = buildQuads(graph);
const turtle = toTurtle(graph);
const ntriples = toNTriples(graph);
const jsonld = toJsonLd(graph);

const ENTITY = `${DEFAULT_BASE_IRI}entity/`;
const NG = 'https://newsgraph.dev/ns#';
const PREFIXES = `
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX schema: <https://schema.org/>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX ng: <${NG}>
PREFIX entity: <${ENTITY}>
`;

const rdflibTest = missingRdflib() === null ? test : test.skip;

/** Quads as a sorted list of canonical N-Triples lines: equal lists mean equal RDF graphs (we write no blank nodes). */
function lines(list: readonly Quad[]): string[] {
  const writer = new Writer({ format: 'N-Triples' });
  return list.map((q) => writer.quadToString(q.subject, q.predicate, q.object)).sort();
}

const sortRows = (rows: readonly (readonly (string | null)[])[]): string[] => rows.map((row) => JSON.stringify(row)).sort();

describe('serializations', () => {
  test('are synchronous strings of the same quads', () => {
    expect(typeof turtle).toBe('string');
    expect(typeof ntriples).toBe('string');
    expect(typeof jsonld).toBe('string');
    expect(ntriples.trimEnd().split('\n')).toHaveLength(quads.length);
  });

  test('the quads are a set: no triple twice', () => {
    expect(new Set(lines(quads)).size).toBe(quads.length);
  });

  test("n3's parser reads the Turtle and the N-Triples back to exactly the quads we generated", () => {
    expect(lines(new Parser({ format: 'Turtle' }).parse(turtle))).toEqual(lines(quads));
    expect(lines(new Parser({ format: 'N-Triples' }).parse(ntriples))).toEqual(lines(quads));
  });

  test('JSON-LD carries its @context inline, with no remote context to fetch', () => {
    const document = JSON.parse(jsonld) as { '@context': unknown; '@graph': unknown[] };
    expect(typeof document['@context']).toBe('object');
    expect(Array.isArray(document['@context'])).toBe(false);
    expect(document['@graph'].length).toBeGreaterThan(0);
  });

  test('a base IRI option renames every data IRI and its prefixes', () => {
    const base = 'http://example.org/news#';
    const custom = toTurtle(graph, { baseIri: base });
    expect(custom).toContain(`@prefix entity: <${base}entity/>.`);
    expect(custom).not.toContain(DEFAULT_BASE_IRI);
    expect(toNTriples(graph, { baseIri: 'http://example.org/news' })).toContain('<http://example.org/news/entity/ukraine>');
    expect(buildQuads(graph, { baseIri: base })).toHaveLength(quads.length);
  });

  test.each(['not an iri', 'http://example.org/a b', 'http://example.org/<x>', 'entity:foo/', ''])(
    'the base IRI %j is refused with BAD_USER_INPUT',
    (baseIri) => {
      expect(() => toTurtle(graph, { baseIri })).toThrow(NewsgraphError);
      try {
        toTurtle(graph, { baseIri });
      } catch (error) {
        expect((error as NewsgraphError).code).toBe('BAD_USER_INPUT');
      }
    },
  );

  test('a Wikidata id that is not an item id is refused with DATA_INVALID', () => {
    const [first] = FIXTURE_ENTITIES;
    if (first === undefined) throw new Error('fixture has no entities');
    const bad = buildFixtureGraph([{ ...first, wikidata: 'Q1> <x' }], []);
    expect(() => buildQuads(bad)).toThrow(expect.objectContaining({ code: 'DATA_INVALID' }));
  });
});

describe('direct triples', () => {
  const relation = (id: string): RelationAttributes => {
    const found = FIXTURE_RELATIONS.find((r) => r.id === id);
    if (found === undefined) throw new Error(`no relation ${id}`);
    return found;
  };
  const has = (s: string, p: string, o: string): boolean =>
    quads.some((q) => q.subject.value === ENTITY + s && q.predicate.value === NG + p && q.object.value === ENTITY + o);

  test('exactly the relations that are not negated and not hypothetical are asserted directly', () => {
    expect(assertsDirectTriple(relation('ukraine-rejected-framework'))).toBe(true);
    expect(assertsDirectTriple(relation('russia-rejected-ceasefire'))).toBe(true);
    expect(assertsDirectTriple(relation('russia-not-endorsed-framework'))).toBe(false);
    expect(assertsDirectTriple(relation('russia-might-back-framework'))).toBe(false);
    for (const r of FIXTURE_RELATIONS) expect(has(r.subject, r.predicate, r.object)).toBe(assertsDirectTriple(r));
  });

  test('a symmetric relation is asserted in both directions, a negated one in neither', () => {
    expect(has('donald-trump', 'MET_WITH', 'jonas-gahr-store')).toBe(true);
    expect(has('jonas-gahr-store', 'MET_WITH', 'donald-trump')).toBe(true);
    expect(has('russia', 'ENDORSED', 'peace-framework')).toBe(false);
    expect(has('peace-framework', 'ENDORSED', 'russia')).toBe(false);
  });
});

describe('read by rdflib', () => {
  rdflibTest('Turtle, N-Triples and JSON-LD parse to the same triples, as many as we generated', () => {
    const report = runRdflib({
      files: {
        turtle: { syntax: 'turtle', content: turtle },
        ntriples: { syntax: 'nt', content: ntriples },
        jsonld: { syntax: 'json-ld', content: jsonld },
      },
    });
    expect(report.differences).toEqual({});
    expect(report.equal).toBe(true);
    expect(report.counts).toEqual({ turtle: quads.length, ntriples: quads.length, jsonld: quads.length });
  });

  rdflibTest('SPARQL on the Turtle: who rejected which proposal, as the GraphQL API says, negated ones flagged', async () => {
    const report = runRdflib({
      files: { turtle: { syntax: 'turtle', content: turtle } },
      queries: [
        {
          file: 'turtle',
          sparql: `${PREFIXES} SELECT ?who ?proposal ?negated WHERE {
            ?r a ng:Relation ; rdf:predicate ng:REJECTED ; rdf:subject ?who ; rdf:object ?proposal ; ng:negated ?negated }`,
        },
        { file: 'turtle', sparql: `${PREFIXES} SELECT ?who ?proposal WHERE { ?who ng:REJECTED ?proposal }` },
      ],
    });
    const result = await executeQuery(
      graph,
      '{ relations(predicate: ["REJECTED"]) { edges { node { subject { id } object { id } negated } } } }',
    );
    expect(result.errors).toBeUndefined();
    type Node = { subject: { id: string }; object: { id: string }; negated: boolean };
    const rejected = (result.data?.['relations'] as { edges: { node: Node }[] }).edges.map((edge) => edge.node);
    expect(rejected).toHaveLength(FIXTURE_RELATIONS.filter((r) => r.predicate === 'REJECTED').length);
    expect(rejected.some((r) => r.negated)).toBe(true);
    const [statements, direct] = report.answers as (string | null)[][][];
    expect(sortRows(statements ?? [])).toEqual(
      sortRows(rejected.map((r) => [ENTITY + r.subject.id, ENTITY + r.object.id, String(r.negated)])),
    );
    expect(sortRows(direct ?? [])).toEqual(
      sortRows(rejected.filter((r) => !r.negated).map((r) => [ENTITY + r.subject.id, ENTITY + r.object.id])),
    );
  });

  rdflibTest('a negated relation is a statement node, never a plain positive triple', () => {
    const report = runRdflib({
      files: { turtle: { syntax: 'turtle', content: turtle }, jsonld: { syntax: 'json-ld', content: jsonld } },
      queries: ['turtle', 'jsonld'].flatMap((file) => [
        { file, sparql: `${PREFIXES} ASK { entity:russia ng:ENDORSED entity:peace-framework }` },
        {
          file,
          sparql: `${PREFIXES} ASK { ?r rdf:subject entity:russia ; rdf:predicate ng:ENDORSED ;
                     rdf:object entity:peace-framework ; ng:negated true }`,
        },
        // No negated statement anywhere has its triple asserted, unless a positive statement asserts it too.
        {
          file,
          sparql: `${PREFIXES} ASK { ?r ng:negated true ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o .
                     { ?s ?p ?o } UNION { ?o ?p ?s }
                     FILTER NOT EXISTS { ?q ng:negated false ; rdf:predicate ?p ; rdf:subject ?s ; rdf:object ?o } }`,
        },
        { file, sparql: `${PREFIXES} ASK { entity:russia ng:BACKS entity:peace-framework }` },
      ]),
    });
    expect(report.answers).toEqual([false, true, false, false, false, true, false, false]);
  });

  rdflibTest('evidence selectors hold the exact quote, at code-point offsets into the article text', () => {
    const report = runRdflib({
      files: { turtle: { syntax: 'turtle', content: turtle } },
      queries: [
        {
          file: 'turtle',
          sparql: `${PREFIXES} SELECT ?body ?exact ?slice ?prefixOk ?suffixOk WHERE {
            ?annotation oa:hasBody ?body ; oa:hasTarget ?target .
            ?target oa:hasSource ?article ; oa:hasSelector ?quote, ?position .
            ?quote oa:exact ?exact ; oa:prefix ?prefix ; oa:suffix ?suffix .
            ?position oa:start ?start ; oa:end ?end .
            ?article schema:text ?text .
            BIND(SUBSTR(?text, ?start + 1, ?end - ?start) AS ?slice)
            BIND(STRENDS(SUBSTR(?text, 1, ?start), ?prefix) AS ?prefixOk)
            BIND(STRSTARTS(SUBSTR(?text, ?end + 1), ?suffix) AS ?suffixOk) }`,
        },
      ],
    });
    const rows = (report.answers[0] ?? []) as (string | null)[][];
    const anchors = [...FIXTURE_ENTITIES, ...FIXTURE_RELATIONS].reduce((n, x) => n + x.evidence.length, 0);
    expect(rows).toHaveLength(anchors);
    for (const [, exact, slice, prefixOk, suffixOk] of rows) {
      expect(slice).toBe(exact);
      expect([prefixOk, suffixOk]).toEqual(['true', 'true']);
    }
    // The emoji at the start of the article makes UTF-16 offsets wrong: this quote is where code points say.
    const negated = rows.find(([body]) => body === `${DEFAULT_BASE_IRI}relation/russia-not-endorsed-framework`);
    expect(negated?.[1]).toBe('Neither Russia nor Ukraine has formally endorsed the framework');
  });

  rdflibTest('Wikidata ids become owl:sameAs; kinds become ng: and schema.org classes', () => {
    const report = runRdflib({
      files: { jsonld: { syntax: 'json-ld', content: jsonld } },
      queries: [
        { file: 'jsonld', sparql: `${PREFIXES} SELECT ?e ?same WHERE { ?e owl:sameAs ?same }` },
        { file: 'jsonld', sparql: `${PREFIXES} SELECT ?e WHERE { ?e a ng:Proposal }` },
        { file: 'jsonld', sparql: `${PREFIXES} SELECT ?e WHERE { ?e a schema:GovernmentOrganization }` },
        { file: 'jsonld', sparql: `${PREFIXES} SELECT ?name WHERE { entity:peace-framework schema:name ?name }` },
        { file: 'jsonld', sparql: `${PREFIXES} ASK { ng:MET_WITH a owl:SymmetricProperty ; rdfs:comment ?c }` },
      ],
    });
    const [sameAs, proposals, governments, names, symmetric] = report.answers as (string | null)[][][];
    const byKind = (kind: string): string[][] => FIXTURE_ENTITIES.filter((e) => e.kind === kind).map((e) => [ENTITY + e.id]);
    expect(sortRows(sameAs ?? [])).toEqual(
      sortRows(
        FIXTURE_ENTITIES.filter((e) => e.wikidata !== undefined).map((e) => [
          ENTITY + e.id,
          `http://www.wikidata.org/entity/${e.wikidata ?? ''}`,
        ]),
      ),
    );
    expect(sortRows(proposals ?? [])).toEqual(sortRows(byKind('PROPOSAL')));
    expect(sortRows(governments ?? [])).toEqual(sortRows(byKind('GOVERNMENT')));
    expect(names).toEqual([[NASTY_NAME]]);
    expect(symmetric).toBe(true);
  });

  rdflibTest('qualifiers survive: modality, attribution, time, event, origin, properties', () => {
    const report = runRdflib({
      files: { nt: { syntax: 'nt', content: ntriples } },
      queries: [
        {
          file: 'nt',
          sparql: `${PREFIXES} SELECT ?modality ?attributedTo WHERE {
            <${DEFAULT_BASE_IRI}relation/trump-asserted-headway> ng:modality ?modality ; ng:attributedTo ?attributedTo }`,
        },
        {
          file: 'nt',
          sparql: `${PREFIXES} SELECT ?event ?origin ?time (DATATYPE(?time) AS ?type) WHERE {
            <${DEFAULT_BASE_IRI}relation/trump-met-store> ng:event ?event ; ng:origin ?origin ; ng:time ?time }`,
        },
        {
          file: 'nt',
          sparql: `${PREFIXES} SELECT ?over WHERE { <${DEFAULT_BASE_IRI}relation/officials-prefer-framework> ng:over ?over }`,
        },
        { file: 'nt', sparql: `${PREFIXES} SELECT ?min WHERE { entity:trump-store-meeting ng:fatalities/ng:min ?min }` },
      ],
    });
    expect(report.answers).toEqual([
      [['reported', `${ENTITY}donald-trump`]],
      [[`${ENTITY}trump-store-meeting`, 'projection', '2025-04-24', 'http://www.w3.org/2001/XMLSchema#date']],
      [[`${ENTITY}ceasefire`]],
      [['0']],
    ]);
  });
});

describe('free-form property keys that Object.prototype also has', () => {
  // JSON.parse makes "__proto__" an own key, as the YAML reader does; a plain object literal would not.
  const properties = JSON.parse('{"toString":"a","constructor":"b","__proto__":"c","hasOwnProperty":"d"}') as JsonObject;
  const trump = FIXTURE_ENTITIES.find((e) => e.id === 'donald-trump');
  if (trump === undefined) throw new Error('fixture has no donald-trump');
  const odd = buildFixtureGraph([{ ...trump, kind: 'PERSON', properties }], []);
  const oddTurtle = toTurtle(odd);
  const oddJsonLd = toJsonLd(odd);

  test('are ordinary keys of the JSON-LD node, each with its one value', () => {
    const document = JSON.parse(oddJsonLd) as { '@graph': Record<string, unknown>[] };
    const node = document['@graph'].find((n) => n['@id'] === 'entity:donald-trump');
    for (const [key, value] of Object.entries(properties)) {
      expect(Object.hasOwn(node ?? {}, key)).toBe(true);
      expect(node?.[key]).toBe(value);
    }
  });

  test('get no description borrowed from Object.prototype', () => {
    const comments = new Parser({ format: 'Turtle' })
      .parse(oddTurtle)
      .filter((q) => q.subject.value.startsWith(NG) && q.predicate.value === `${NAMESPACES.rdfs}comment`);
    for (const key of Object.keys(properties)) expect(comments.filter((q) => q.subject.value === NG + key)).toEqual([]);
  });

  rdflibTest('parse from JSON-LD to the same triples as from Turtle', () => {
    const report = runRdflib({ files: { turtle: { syntax: 'turtle', content: oddTurtle }, jsonld: { syntax: 'json-ld', content: oddJsonLd } } });
    expect(report.differences).toEqual({});
    expect(report.counts).toEqual({ turtle: buildQuads(odd).length, jsonld: buildQuads(odd).length });
  });
});

describe('docs/rdf.md', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../docs/rdf.md', import.meta.url)), 'utf8');

  test('its kind table is the mapping the export uses', () => {
    for (const kind of ENTITY_KINDS) {
      const schemaClass = schemaClassOf(kind);
      const row = new RegExp(`^\\| ${kind} \\| \`ng:${kindClassName(kind)}\` \\| (.*) \\|$`, 'm').exec(doc);
      expect(row?.[1]?.startsWith(schemaClass === null ? 'none' : `\`schema:${schemaClass.slice(NAMESPACES.schema.length)}\``)).toBe(
        true,
      );
    }
  });

  test('its namespace table is the one the export declares', () => {
    for (const [prefix, namespace] of Object.entries(NAMESPACES)) {
      if (prefix === 'ng') expect(doc).toContain(`\`ng: <${namespace}>\``);
      else expect(doc).toContain(`| \`${prefix}\` | \`${namespace}\` |`);
    }
  });
});
