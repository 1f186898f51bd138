/**
 * The formats the explorer offers for "Export subgraph": every format of `GET /export/FORMAT`. The browser bundle
 * cannot import the server's registry (src/export/index.ts pulls in every writer), so the list is repeated here
 * and tests/explorer/exportFormats.test.ts holds it equal to `EXPORT_FORMATS`. Ordered for the menu: the
 * graph tools first, then databases, RDF, drawing and event tables.
 */
export const EXPLORER_EXPORT_FORMATS = ['gexf', 'graphml', 'json', 'cytoscape', 'csv', 'cypher', 'turtle', 'jsonld', 'ntriples', 'dot', 'gdelt'] as const;
