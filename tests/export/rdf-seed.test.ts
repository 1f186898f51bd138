/**
 * The RDF exports of the seed graph, read by real consumers: rdflib parses Turtle, N-Triples and JSON-LD to the
 * same triples, as many as we generated, and n3 parses the Turtle. The SPARQL queries of docs/rdf.md run on the
 * Turtle export, and their answers match what the graph holds: "who rejected which proposal" and "who has not
 * endorsed what" exactly as the GraphQL API (executeQuery, in-process) answers them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from '@jest/globals';
import { Parser } from 'n3';
import { executeQuery } from '../../src/api/index.js';
import { buildGraph } from '../../src/build/index.js';
import type { NewsGraph, RelationAttributes } from '../../src/graph/types.js';
import { toJsonLd, toNTriples, toTurtle } from '../../src/export/rdf/index.js';
import { DEFAULT_BASE_IRI } from '../../src/export/rdf/iris.js';
import { buildQuads } from '../../src/export/rdf/quads.js';
import { assertsDirectTriple } from '../../src/export/rdf/relationQuads.js';
import { missingRdflib, runRdflib, type RdflibReport } from './rdf-python.js';
import { SEED_DATA } from '../utils/fixtures.js';

const DOC = readFileSync(fileURLToPath(new URL('../../docs/rdf.md', import.meta.url)), 'utf8');
const ENTITY = `${DEFAULT_BASE_IRI}entity/`;
const NG = 'https://newsgraph.dev/ns#';

/** The doc's PREFIX block, and its SPARQL blocks by their `# name:` line. */
function documentedQueries(): { prefixes: string; queries: Map<string, string> } {
  const prefixes = /```\n(PREFIX[\s\S]*?)```/.exec(DOC)?.[1];
  if (prefixes === undefined) throw new Error('docs/rdf.md has no PREFIX block');
  const queries = new Map<string, string>();
  for (const match of DOC.matchAll(/```sparql\n# name: ([a-z-]+)\n([\s\S]*?)```/g)) {
    queries.set(match[1] ?? '', match[2] ?? '');
  }
  return { prefixes, queries };
}

type Row = (string | null)[];

/** A relation as the GraphQL API returns it. */
interface ApiRelation {
  readonly subject: { readonly id: string };
  readonly object: { readonly id: string };
  readonly negated: boolean;
  readonly modality: string;
  readonly evidence: readonly { readonly exact: string }[];
}

/** Every relation of these predicates, as the API lists them (one page: the seed has far fewer than 200). */
async function apiRelations(predicate: string, negated?: boolean): Promise<ApiRelation[]> {
  const result = await executeQuery(
    graph,
    `query ($predicate: [String!], $negated: Boolean) {
      relations(predicate: $predicate, negated: $negated, first: 200) {
        totalCount
        edges { node { subject { id } object { id } negated modality evidence { exact } } }
      }
    }`,
    { variables: { predicate: [predicate], ...(negated === undefined ? {} : { negated }) } },
  );
  expect(result.errors).toBeUndefined();
  const connection = result.data?.['relations'] as { totalCount: number; edges: { node: ApiRelation }[] };
  expect(connection.edges).toHaveLength(connection.totalCount);
  return connection.edges.map((edge) => edge.node);
}

/** The API's typed field: who rejected each proposal, negated relations left out (its default). */
async function apiRejectedBy(): Promise<Row[]> {
  const result = await executeQuery(
    graph,
    '{ entities(kind: PROPOSAL, first: 200) { edges { node { id ... on Proposal { rejectedBy { id } } } } } }',
  );
  expect(result.errors).toBeUndefined();
  const connection = result.data?.['entities'] as { edges: { node: { id: string; rejectedBy: { id: string }[] } }[] };
  return connection.edges.flatMap(({ node }) => node.rejectedBy.map((who) => [ENTITY + who.id, ENTITY + node.id]));
}

const sortRows = (rows: readonly Row[]): string[] => rows.map((row) => JSON.stringify(row)).sort();

let graph: NewsGraph;
let relations: RelationAttributes[];
let turtle: string;
let quadCount: number;

beforeAll(async () => {
  graph = await buildGraph(SEED_DATA);
  relations = graph.mapEdges((_key, attributes) => attributes);
  turtle = toTurtle(graph);
  quadCount = buildQuads(graph).length;
});

describe('the seed graph as RDF', () => {
  test('n3 parses the Turtle export to as many triples as we generated', () => {
    expect(new Parser({ format: 'Turtle' }).parse(turtle)).toHaveLength(quadCount);
  });

  (missingRdflib() === null ? test : test.skip)('rdflib parses Turtle, N-Triples and JSON-LD to the same triples', () => {
    const report = runRdflib({
      files: {
        turtle: { syntax: 'turtle', content: turtle },
        ntriples: { syntax: 'nt', content: toNTriples(graph) },
        jsonld: { syntax: 'json-ld', content: toJsonLd(graph) },
      },
    });
    expect(report.differences).toEqual({});
    expect(report.counts).toEqual({ turtle: quadCount, ntriples: quadCount, jsonld: quadCount });
  });
});

describe('the SPARQL queries of docs/rdf.md, run by rdflib on the Turtle export', () => {
  const { prefixes, queries } = documentedQueries();
  const names = [...queries.keys()];
  let report: RdflibReport;
  const answer = (name: string): Row[] => report.answers[names.indexOf(name)] as Row[];

  beforeAll(() => {
    if (missingRdflib() !== null) return;
    report = runRdflib({
      files: { turtle: { syntax: 'turtle', content: turtle } },
      queries: names.map((name) => ({ file: 'turtle', sparql: `${prefixes}\n${queries.get(name) ?? ''}` })),
    });
  });

  const rdflibTest = missingRdflib() === null ? test : test.skip;

  test('the doc has the queries this test checks', () => {
    expect(names).toEqual(
      expect.arrayContaining(['who-rejected', 'who-rejected-direct', 'not-endorsed', 'negated-never-asserted', 'evidence', 'wikidata', 'who-met', 'reported', 'vocabulary']),
    );
  });

  rdflibTest('who-rejected: the GraphQL API\'s REJECTED relations, negated or not, with their modality', async () => {
    const rejected = await apiRelations('REJECTED');
    expect(rejected.length).toBeGreaterThan(0);
    expect(sortRows(answer('who-rejected'))).toEqual(
      sortRows(rejected.map((r) => [ENTITY + r.subject.id, ENTITY + r.object.id, String(r.negated), r.modality])),
    );
  });

  rdflibTest('who-rejected-direct: the rejections that hold, as the API\'s Proposal.rejectedBy lists them', async () => {
    const rejected = await apiRelations('REJECTED');
    const holding = rejected.filter((r) => !r.negated && r.modality !== 'hypothetical');
    const direct = sortRows(answer('who-rejected-direct'));
    expect(direct).toEqual(sortRows(holding.map((r) => [ENTITY + r.subject.id, ENTITY + r.object.id])));
    // rejectedBy(negated: false) also lists hypothetical rejections, which get no direct triple: the seed has none.
    expect(rejected.filter((r) => r.modality === 'hypothetical')).toEqual([]);
    expect(direct).toEqual(sortRows(await apiRejectedBy()));
  });

  rdflibTest('not-endorsed: the API\'s negated ENDORSED relations, with their quotes', async () => {
    const notEndorsed = await apiRelations('ENDORSED', true);
    expect(notEndorsed.length).toBeGreaterThan(0);
    expect(sortRows(answer('not-endorsed'))).toEqual(
      sortRows(notEndorsed.flatMap((r) => r.evidence.map((e) => [ENTITY + r.subject.id, ENTITY + r.object.id, e.exact]))),
    );
  });

  rdflibTest('negated-never-asserted: no negated relation is a plain triple', () => {
    expect(report.answers[names.indexOf('negated-never-asserted')]).toBe(false);
  });

  rdflibTest('evidence: every anchor of every entity and relation; the text at its code-point offsets is its quote', () => {
    const rows = answer('evidence');
    const anchors =
      graph.reduceNodes((n, _key, entity) => n + entity.evidence.length, 0) + relations.reduce((n, r) => n + r.evidence.length, 0);
    expect(rows).toHaveLength(anchors);
    for (const [, exact, , , slice] of rows) expect(slice).toBe(exact);
  });

  rdflibTest('wikidata: owl:sameAs for exactly the entities with a Wikidata id', () => {
    const expected = graph
      .filterNodes((_key, entity) => entity.wikidata !== undefined)
      .map((key) => {
        const entity = graph.getNodeAttributes(key);
        return [ENTITY + key, entity.name, `http://www.wikidata.org/entity/${entity.wikidata ?? ''}`];
      });
    expect(expected.length).toBeGreaterThan(0);
    expect(sortRows(answer('wikidata'))).toEqual(sortRows(expected));
  });

  rdflibTest('who-met: each MET_WITH that holds, in both directions, with its event', () => {
    const met = relations.filter((r) => r.predicate === 'MET_WITH' && assertsDirectTriple(r));
    const expected = met.flatMap((r) => {
      const event = r.event === undefined ? null : ENTITY + r.event;
      return [
        [ENTITY + r.subject, ENTITY + r.object, event],
        [ENTITY + r.object, ENTITY + r.subject, null],
      ];
    });
    expect(sortRows(answer('who-met'))).toEqual(sortRows(expected));
  });

  rdflibTest('reported: the statements whose modality is "reported"', () => {
    const reported = relations.filter((r) => r.modality === 'reported');
    expect(sortRows(answer('reported'))).toEqual(
      sortRows(
        reported.map((r) => [
          ENTITY + r.subject,
          NG + r.predicate,
          ENTITY + r.object,
          r.attributedTo === undefined ? null : ENTITY + r.attributedTo,
        ]),
      ),
    );
  });

  rdflibTest('vocabulary: each predicate says what it means', () => {
    expect(answer('vocabulary')).toContainEqual([`${NG}REJECTED`, 'Formally rejected.']);
  });
});
