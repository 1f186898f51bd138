/**
 * The real consumers that read our exports outside node: NetworkX (Debian's /usr/bin/python3) for GEXF and
 * GraphML, and Graphviz's `dot` for DOT. Missing ones skip loudly on a developer's machine and fail under
 * CI (tests/utils/externalTools.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOT_BINARY, missingGraphviz, missingPythonModules, runPython } from '../utils/externalTools.js';

export { DOT_BINARY, missingGraphviz };

export const missingNetworkx = (): string | null => missingPythonModules(['networkx']);

/** Writes `text` to a temporary file, runs `use(path)`, and removes the file. */
export function withTempFile<T>(name: string, text: string, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-export-'));
  try {
    const path = join(dir, name);
    writeFileSync(path, text, 'utf8');
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What NetworkX read: counts, the attribute names present, and the nodes' names and edges' predicates. */
export interface NetworkxSummary {
  readonly multigraph: boolean;
  readonly directed: boolean;
  readonly nodes: number;
  readonly edges: number;
  readonly nodeAttributes: string[];
  readonly edgeAttributes: string[];
  readonly names: Record<string, string | null>;
  readonly edgesById: Record<string, { source: string; target: string; predicate: string | null; negated: boolean | null }>;
  readonly fatalitiesMin: Record<string, number>;
  readonly graphAttributes: string[];
}

/**
 * The start of a Python script that reads argv[2] in the format argv[1] ('gexf' or 'graphml') into `G`, for a
 * script to go on from. NetworkX 2.8 (Debian 12) knows GEXF 1.1draft and 1.2draft only; GEXF 1.3 came to
 * NetworkX in 3.6 (networkx PR #8196, "just add the version info"). It registers 1.3 the same way when missing.
 */
export const NETWORKX_READ = `
import json, sys
import networkx as nx
from networkx.readwrite import gexf
fmt, path = sys.argv[1], sys.argv[2]
if fmt == 'gexf':
    if '1.3' not in gexf.GEXF.versions:
        v = dict(gexf.GEXF.versions['1.2draft'])
        v.update(NS_GEXF='http://gexf.net/1.3', NS_VIZ='http://gexf.net/1.3/viz',
                 SCHEMALOCATION='http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd', VERSION='1.3')
        gexf.GEXF.versions['1.3'] = v
    G = nx.read_gexf(path, version='1.3')
else:
    G = nx.read_graphml(path)
`;

const NETWORKX_SCRIPT = `${NETWORKX_READ}
node_attributes = sorted({k for _, d in G.nodes(data=True) for k in d})
edges = list(G.edges(keys=True, data=True)) if G.is_multigraph() else [(u, v, d.get('id'), d) for u, v, d in G.edges(data=True)]
edge_attributes = sorted({k for _, _, _, d in edges for k in d})
by_id = {}
for u, v, k, d in edges:
    by_id[str(d.get('id', k))] = {'source': u, 'target': v, 'predicate': d.get('predicate'), 'negated': d.get('negated')}
print(json.dumps({
    'multigraph': G.is_multigraph(),
    'directed': G.is_directed(),
    'nodes': G.number_of_nodes(),
    'edges': G.number_of_edges(),
    'nodeAttributes': node_attributes,
    'edgeAttributes': edge_attributes,
    'names': {n: d.get('name') for n, d in G.nodes(data=True)},
    'edgesById': by_id,
    'fatalitiesMin': {n: d['fatalities_min'] for n, d in G.nodes(data=True) if 'fatalities_min' in d},
    'graphAttributes': sorted(G.graph),
}))
`;

export function readWithNetworkx(format: 'gexf' | 'graphml', text: string): NetworkxSummary {
  return withTempFile(`graph.${format}`, text, (path) => JSON.parse(runPython(NETWORKX_SCRIPT, [format, path])) as NetworkxSummary);
}

/** A DOT file as Graphviz reads it: `dot -Tjson` (which lays it out) parsed. */
export interface GraphvizObject {
  readonly _gvid: number;
  readonly name: string;
  readonly label?: string;
  readonly shape?: string;
  readonly fillcolor?: string;
}

export interface GraphvizEdge {
  readonly tail: number;
  readonly head: number;
  readonly label?: string;
  readonly style?: string;
  readonly color?: string;
  readonly dir?: string;
}

export interface GraphvizJson {
  readonly objects?: GraphvizObject[];
  readonly edges?: GraphvizEdge[];
}

export function readWithGraphviz(dot: string): GraphvizJson {
  const result = spawnSync(DOT_BINARY, ['-Tjson'], { input: dot, encoding: 'utf8', maxBuffer: 256 << 20 });
  if (result.status !== 0) throw new Error(`dot failed (${result.status}):\n${result.stderr}`);
  if (result.stderr.trim() !== '') throw new Error(`dot warned:\n${result.stderr}`);
  return JSON.parse(result.stdout) as GraphvizJson;
}
