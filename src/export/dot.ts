/**
 * Graphviz DOT: a picture of the graph. Kinds are shapes and fill colours (palette.ts); negated
 * relations are dashed and red, labelled "NOT PREDICATE"; symmetric ones have no arrowhead; relations the
 * article does not state in its own voice (reported, planned, alleged, …) are dotted, with the modality in
 * the label. Names are HTML-like labels (escape/dot.ts), so they show exactly as written. Node ids are the
 * entity ids, except an id with a backslash or a line break, which DOT cannot quote exactly: such a node
 * gets the stand-in id `_nN` and its id is shown under its name.
 */
import type { NewsGraph, RelationAttributes } from '../graph/types.js';
import { dotHtmlText, dotQuotedId, isExactDotId } from './escape/dot.js';
import { EDGE_RGB, KIND_LOOK, NEGATED_RGB, hex } from './palette.js';
import { ELEMENTS_PER_PAUSE, PAUSE, joinPieces } from './steps.js';

/** The DOT id of every entity: its own, or a stand-in (see the title comment); PAUSEs every few entities (steps.ts). */
function* nodeIds(graph: NewsGraph): Generator<string, Map<string, string>> {
  const ids = new Map<string, string>();
  let taken: Set<string> | undefined; // every entity id, made only when a stand-in is needed
  let n = 0;
  let seen = 0;
  for (const { node: key } of graph.nodeEntries()) {
    if (++seen % ELEMENTS_PER_PAUSE === 0) yield PAUSE;
    if (isExactDotId(key)) {
      ids.set(key, key);
      continue;
    }
    taken ??= new Set(graph.nodes());
    let standIn: string;
    do standIn = `_n${n++}`;
    while (taken.has(standIn));
    taken.add(standIn);
    ids.set(key, standIn);
  }
  return ids;
}

function edgeStyle(relation: RelationAttributes): string {
  const verb = relation.negated ? `NOT ${relation.predicate}` : relation.predicate;
  const voiced = relation.modality === 'asserted';
  const label = voiced ? verb : `${verb} (${relation.modality})`;
  const attributes = [`label=<${dotHtmlText(label)}>`];
  const colour = hex(relation.negated ? NEGATED_RGB : EDGE_RGB);
  attributes.push(`color="${colour}"`, `fontcolor="${colour}"`);
  if (relation.negated) attributes.push('style=dashed');
  else if (!voiced) attributes.push('style=dotted');
  if (relation.symmetric) attributes.push('dir=none');
  return attributes.join(', ');
}

/**
 * An HTML-like label, except for a name of only spaces and tabs (or none), which Graphviz's HTML parser
 * rejects as a syntax error: that one is a quoted label, exact since it has no quote or backslash.
 */
function nodeLabel(name: string, shownId: string): string {
  if (shownId === '' && /^[ \t]*$/.test(name)) return `"${name}"`;
  return `<${dotHtmlText(name)}${shownId}>`;
}

/** The graph as a DOT digraph (`dot -Tsvg` draws it). */
export function toDot(graph: NewsGraph): string {
  return joinPieces(dotPieces(graph));
}

/** `toDot`'s text, a line per piece (lazy; steps.ts). */
export function* dotPieces(graph: NewsGraph): Generator<string> {
  const ids = yield* nodeIds(graph);
  const id = (key: string): string => dotQuotedId(ids.get(key) ?? key);
  yield [
    `// newsgraph: ${graph.order} entities, ${graph.size} relations. Draw with: dot -Tsvg graph.dot -o graph.svg`,
    'digraph newsgraph {',
    '  graph [rankdir=LR, overlap=false, fontname="Helvetica"];',
    '  node [style=filled, fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ].join('\n');
  for (const { node: key, attributes: entity } of graph.nodeEntries()) {
    const look = KIND_LOOK[entity.kind];
    const shown = ids.get(key) === key ? '' : `<BR/><FONT POINT-SIZE="8">${dotHtmlText(key)}</FONT>`;
    yield `\n  ${id(key)} [label=${nodeLabel(entity.name, shown)}, shape=${look.dotShape}, fillcolor="${hex(look.rgb)}"];`;
  }
  for (const { attributes: relation, source, target } of graph.edgeEntries()) {
    yield `\n  ${id(source)} -> ${id(target)} [${edgeStyle(relation)}];`;
  }
  yield '\n}\n';
}
