/**
 * An event's history (each article's report of its status) and an article's outlet and address reach every
 * export that can hold them, read by the real consumers: graphology (json), NetworkX (GraphML, GEXF),
 * Cytoscape.js, rdflib (Turtle, with the SPARQL query docs/rdf.md documents), and the strict readers of the
 * neo4j-admin CSV and the Cypher script. The graph is built from a small corpus whose meeting is planned in
 * one report and held in the next two, and whose border talks are planned, then called off.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MultiDirectedGraph } from 'graphology';
import { buildGraph } from '../../src/build/index.js';
import { ARTICLE_COLUMNS } from '../../src/export/columns.js';
import { CSV_ARTICLES_FILE, CSV_IMPORT_SCRIPT, CSV_NODES_FILE } from '../../src/export/csv.js';
import { exportGraph, type ExportFormat } from '../../src/export/index.js';
import type { ArticleRecord, EventStatusChange, NewsGraph } from '../../src/graph/types.js';
import { runPython } from '../utils/externalTools.js';
import { missingNetworkx, NETWORKX_READ, withTempFile } from './consumers.js';
import { parseCypherScript, readCsvTable, scriptDelimiter } from './readers/index.js';
import { missingRdflib, runRdflib } from './rdf-python.js';

const CORPUS = fileURLToPath(new URL('../fixtures/data/corpus/', import.meta.url));
const BASE = 'https://newsgraph.dev/id/';

let graph: NewsGraph;
let histories: Record<string, EventStatusChange[]>;
/** The articles without their text and sentence spans: what every format that holds articles carries. */
let articles: Omit<ArticleRecord, 'text' | 'sentences'>[];

function text(format: ExportFormat): string {
  const result = exportGraph(graph, format);
  if (result.kind !== 'text') throw new Error(`${format} is not one document`);
  return result.text;
}

function files(format: ExportFormat): Record<string, string> {
  const result = exportGraph(graph, format);
  if (result.kind !== 'files') throw new Error(`${format} is not a set of files`);
  return result.files;
}

const withoutText = ({ text: _text, sentences: _sentences, ...rest }: ArticleRecord): Omit<ArticleRecord, 'text' | 'sentences'> => rest;

beforeAll(async () => {
  graph = await buildGraph(CORPUS);
  histories = {};
  graph.forEachNode((id, entity) => {
    if (entity.kind === 'EVENT' && entity.history !== undefined) histories[id] = [...entity.history];
  });
  articles = graph.getAttribute('articles').map(withoutText);
});

test('the corpus has what the exports must carry: two histories, an outlet and an address', () => {
  expect(histories['oslo-meeting']?.map((c) => c.status)).toEqual(['planned', 'occurred', 'occurred']);
  expect(histories['border-talks']?.map((c) => [c.status, c.article, c.published ?? null])).toEqual([
    ['planned', 'coming-meeting', '2025-04-21'],
    ['cancelled', 'aftermath', null],
  ]);
  expect(articles.find((a) => a.id === 'coming-meeting')).toMatchObject({ source: 'Fixture Wire', url: 'https://example.org/fixture/coming-meeting' });
});

test('json: graphology loads the histories and the articles with source and url', () => {
  const loaded = MultiDirectedGraph.from(JSON.parse(text('json')) as ReturnType<NewsGraph['export']>);
  for (const [id, history] of Object.entries(histories)) expect((loaded.getNodeAttributes(id) as { history?: unknown }).history).toEqual(history);
  expect((loaded.getAttribute('articles') as ArticleRecord[]).map(withoutText)).toEqual(articles);
});

test('cytoscape: Cytoscape.js reads the histories in the node data and the articles as cy.data()', async () => {
  const { default: cytoscape } = await import('cytoscape');
  const cy = cytoscape({ headless: true, styleEnabled: false, ...JSON.parse(text('cytoscape')) });
  for (const [id, history] of Object.entries(histories)) expect(cy.getElementById(id).data('history')).toEqual(history);
  expect((cy.data('articles') as ArticleRecord[]).map(withoutText)).toEqual(articles);
});

const NETWORKX_HISTORY = `${NETWORKX_READ}
print(json.dumps({
    'history': {n: json.loads(d['history']) for n, d in G.nodes(data=True) if 'history' in d},
    'articles': json.loads(G.graph['articles']) if 'articles' in G.graph else None,
}))
`;

const networkx = missingNetworkx();

(networkx ? test.skip : test).each(['graphml', 'gexf'] as const)('%s: NetworkX reads each history (GraphML: and the articles)', (format) => {
  const read = withTempFile(`corpus.${format}`, text(format), (path) => JSON.parse(runPython(NETWORKX_HISTORY, [format, path])) as {
    history: Record<string, EventStatusChange[]>;
    articles: ArticleRecord[] | null;
  });
  expect(read.history).toEqual(histories);
  // GEXF has no graph attributes to hold the articles (src/export/gexf.ts).
  if (format === 'graphml') expect(read.articles?.map(withoutText)).toEqual(articles);
  else expect(read.articles).toBeNull();
});

test('csv: nodes.csv has the history column, articles.csv the articles, and the import script loads both', () => {
  const csv = files('csv');
  const delimiter = scriptDelimiter(csv[CSV_IMPORT_SCRIPT] ?? '');
  const nodes = readCsvTable(csv[CSV_NODES_FILE] ?? '', delimiter);
  const read = Object.fromEntries(nodes.rows.filter((row) => row['history'] !== undefined).map((row) => [row['id'], JSON.parse(String(row['history']))]));
  expect(read).toEqual(histories);
  const table = readCsvTable(csv[CSV_ARTICLES_FILE] ?? '', delimiter);
  expect(table.header.map((h) => (h.type === 'string' ? h.name : `${h.name}:${h.type}`))).toEqual(['id:ID(Article)', ':LABEL', ...ARTICLE_COLUMNS.map((c) => c.name)]);
  expect(table.rows.map(({ id, LABEL, title, published, source, url }) => ({ LABEL, ...Object.fromEntries(Object.entries({ id, title, published, source, url }).filter(([, v]) => v !== undefined)) }))).toEqual(
    articles.map((a) => ({ LABEL: ['Article'], ...a })),
  );
  expect(csv[CSV_IMPORT_SCRIPT]).toContain(`--nodes=${CSV_ARTICLES_FILE}`);
});

test('cypher: the history is a property of the event, the articles are (:Article) nodes merged on their id', () => {
  const script = parseCypherScript(text('cypher'));
  const read = Object.fromEntries(script.nodes.filter((n) => n.properties['history'] !== undefined).map((n) => [n.id, JSON.parse(String(n.properties['history']))]));
  expect(read).toEqual(histories);
  expect(script.articles.map((a) => a.properties)).toEqual(articles);
});

const rdflib = missingRdflib();

describe('turtle', () => {
  const doc = readFileSync(fileURLToPath(new URL('../../docs/rdf.md', import.meta.url)), 'utf8');
  const prefixes = /```\n(PREFIX[\s\S]*?)```/.exec(doc)?.[1] ?? '';
  const query = /```sparql\n# name: event-history\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';

  (rdflib ? test.skip : test)("rdflib answers docs/rdf.md's event-history query, and reads what ng:history and ng:order mean", () => {
    expect(query).not.toBe('');
    const report = runRdflib({
      files: { turtle: { syntax: 'turtle', content: text('turtle') } },
      queries: [
        { file: 'turtle', sparql: `${prefixes}\n${query}` },
        { file: 'turtle', sparql: `${prefixes}\nSELECT ?term ?comment WHERE { VALUES ?term { ng:history ng:order ng:StatusReport ng:source } ?term rdfs:comment ?comment } ORDER BY ?term` },
      ],
    });
    const byId = new Map(articles.map((a) => [a.id, a]));
    const expected = Object.entries(histories)
      .sort(([a], [b]) => (`${BASE}entity/${a}` < `${BASE}entity/${b}` ? -1 : 1))
      .flatMap(([id, history]) =>
        history.map((change, order) => {
          const article = byId.get(change.article);
          return [`${BASE}entity/${id}`, String(order), change.status, `${BASE}article/${change.article}`, change.published ?? null, article?.source ?? null, article?.url ?? null];
        }),
      );
    expect(report.answers[0]).toEqual(expected);
    expect((report.answers[1] as string[][]).map(([term]) => term)).toEqual(['history', 'order', 'source', 'StatusReport'].map((t) => `https://newsgraph.dev/ns#${t}`).sort());
  });
});
