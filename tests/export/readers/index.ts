/**
 * Each format read back by its consumer (or, where none runs in-process, by a strict reader written for the
 * tests) and decoded into the canonical form of decode.ts, so that every test compares graphs the same way.
 */
export { LOSSLESS_EDGE_COLUMNS, LOSSLESS_NODE_COLUMNS } from './columns.js';
export { parseCsv, readCsv, readCsvTable, scriptDelimiter, type CsvField, type CsvTable } from './csv.js';
export { parseCypherScript, readCypher, tokenizeCypher, unescapeCypher, type CypherScript } from './cypher.js';
export { readCytoscape, type CytoscapeElement } from './cytoscape.js';
export { htmlLabelParts } from './dotLabel.js';
export { exportedIds } from './exportedIds.js';
export { readGexf, readGraphml } from './graphology.js';
