/**
 * The export formats by name: apart from the writers, so that the command line can list and check them without
 * loading every writer's libraries (n3, graphology-gexf).
 */
export const EXPORT_FORMATS = ['json', 'gexf', 'graphml', 'cytoscape', 'csv', 'cypher', 'turtle', 'ntriples', 'jsonld', 'dot', 'gdelt'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}
