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
import { layoutPieces, lines, type Layout, type LayoutPart } from './layout.js';
import type { CorpusHead } from '../store/corpusElements.js';
import { ELEMENTS_PER_PAUSE, PAUSE, joinPieces } from './steps.js';

/**
 * The stand-in ids of a graph's entities (see the title comment), found an entity at a time, over a graph in memory
 * or a store's pages, holding only what it needs: the ids DOT cannot quote, and the ids a stand-in could collide with.
 */
export class DotStandIns {
  private readonly needing: string[] = [];
  /** The ids shaped like a stand-in (`_nN`): the only ones a stand-in can be equal to. */
  private readonly standInShaped = new Set<string>();

  add(id: string): void {
    if (!isExactDotId(id)) this.needing.push(id);
    else if (/^_n\d+$/u.test(id)) this.standInShaped.add(id);
  }

  /** Entity id → its stand-in, numbered in the order the entities came, skipping those some entity has as its id. */
  found(): ReadonlyMap<string, string> {
    const standIns = new Map<string, string>();
    let n = 0;
    for (const id of this.needing) {
      let standIn: string;
      do standIn = `_n${n++}`;
      while (this.standInShaped.has(standIn));
      standIns.set(id, standIn);
    }
    return standIns;
  }
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

/** The DOT document as a layout (layout.ts), given the stand-ins of all its entities (DotStandIns: a first pass). */
export function dotLayout(standIns: ReadonlyMap<string, string>): Layout {
  const id = (key: string): string => dotQuotedId(standIns.get(key) ?? key);
  return function* ({ entities, relations }: CorpusHead): Generator<LayoutPart> {
    yield [
      `// newsgraph: ${entities} entities, ${relations} relations. Draw with: dot -Tsvg graph.dot -o graph.svg`,
      'digraph newsgraph {',
      '  graph [rankdir=LR, overlap=false, fontname="Helvetica"];',
      '  node [style=filled, fontname="Helvetica", fontsize=11];',
      '  edge [fontname="Helvetica", fontsize=9];',
    ].join('\n');
    yield {
      nodes: lines(({ node: key, attributes: entity }) => {
        const look = KIND_LOOK[entity.kind];
        const shown = standIns.has(key) ? `<BR/><FONT POINT-SIZE="8">${dotHtmlText(key)}</FONT>` : '';
        return `\n  ${id(key)} [label=${nodeLabel(entity.name, shown)}, shape=${look.dotShape}, fillcolor="${hex(look.rgb)}"];`;
      }),
    };
    yield { edges: lines(({ attributes: relation, source, target }) => `\n  ${id(source)} -> ${id(target)} [${edgeStyle(relation)}];`) };
    yield '\n}\n';
  };
}

/** `toDot`'s text, a line per piece, after a first pass (with PAUSEs) that finds the stand-ins (lazy; steps.ts). */
export function* dotPieces(graph: NewsGraph): Generator<string> {
  const standIns = new DotStandIns();
  let seen = 0;
  for (const { node } of graph.nodeEntries()) {
    standIns.add(node);
    if (++seen % ELEMENTS_PER_PAUSE === 0) yield PAUSE;
  }
  yield* layoutPieces(dotLayout(standIns.found()), graph);
}
