/**
 * rdflib, a real consumer, reads our RDF files: one Python process per job parses every file given, reports
 * triple counts, whether all files hold the same set of triples (no blank nodes: equal sets, not isomorphism),
 * and the answers to SPARQL queries.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { missingPythonModules, runPython } from '../utils/externalTools.js';
import { tempDir } from '../utils/fixtures.js';

export type RdfSyntax = 'turtle' | 'nt' | 'json-ld';

export interface RdflibJob {
  /** Name → file content and syntax. */
  readonly files: Readonly<Record<string, { readonly syntax: RdfSyntax; readonly content: string }>>;
  /** Run against the named file's graph; SELECT rows come back as lists of strings, ASK as a boolean. */
  readonly queries?: readonly { readonly file: string; readonly sparql: string }[];
}

export interface RdflibReport {
  readonly counts: Readonly<Record<string, number>>;
  /** True when every file parsed to the same set of triples. */
  readonly equal: boolean;
  /** Up to 10 triples (N-Triples) of each file that the first file lacks, or the other way round. */
  readonly differences: Readonly<Record<string, readonly string[]>>;
  readonly answers: readonly (boolean | (string | null)[][])[];
}

const SCRIPT = String.raw`
import json, sys
from rdflib import Graph

job = json.load(sys.stdin)
graphs, counts = {}, {}
for name, spec in job["files"].items():
    g = Graph()
    g.parse(spec["path"], format=spec["syntax"])
    graphs[name] = g
    counts[name] = len(g)

names = list(graphs)
first = set(graphs[names[0]])
differences = {}
for name in names[1:]:
    other = set(graphs[name])
    delta = first ^ other
    if delta:
        differences[name] = [" ".join(t.n3() for t in triple) for triple in list(delta)[:10]]

answers = []
for query in job.get("queries", []):
    result = graphs[query["file"]].query(query["sparql"])
    if result.type == "ASK":
        answers.append(bool(result.askAnswer))
    else:
        answers.append([[None if value is None else str(value) for value in row] for row in result])

print(json.dumps({"counts": counts, "equal": not differences, "differences": differences, "answers": answers}))
`;

/** Null when rdflib is there; else the reason, after a loud warning (or a failure under CI). */
export function missingRdflib(): string | null {
  return missingPythonModules(['rdflib']);
}

export function runRdflib(job: RdflibJob): RdflibReport {
  const folder = tempDir('newsgraph-rdf-');
  const files: Record<string, { path: string; syntax: RdfSyntax }> = {};
  for (const [name, { syntax, content }] of Object.entries(job.files)) {
    const path = join(folder, `${name}.${syntax === 'json-ld' ? 'jsonld' : syntax === 'nt' ? 'nt' : 'ttl'}`);
    writeFileSync(path, content, 'utf8');
    files[name] = { path, syntax };
  }
  const output = runPython(SCRIPT, [], JSON.stringify({ files, queries: job.queries ?? [] }));
  return JSON.parse(output) as RdflibReport;
}
