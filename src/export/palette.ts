/**
 * How entity kinds look in the formats that draw (GEXF for Gephi, DOT for Graphviz): one colour and one
 * shape per kind, keyed on the kind union so that a new kind fails to compile until it has a look.
 * Colours are ColorBrewer Set3, readable under black text.
 */
import type { EntityKind } from '../ontology/index.js';

export interface KindLook {
  readonly rgb: readonly [number, number, number];
  /** A GEXF 1.3 viz:shape value. */
  readonly gexfShape: 'disc' | 'square' | 'triangle' | 'diamond';
  /** A Graphviz node shape. */
  readonly dotShape: string;
}

export const KIND_LOOK: Readonly<Record<EntityKind, KindLook>> = {
  PERSON: { rgb: [141, 211, 199], gexfShape: 'disc', dotShape: 'ellipse' },
  GOVERNMENT: { rgb: [128, 177, 211], gexfShape: 'square', dotShape: 'box' },
  ORGANIZATION: { rgb: [190, 186, 218], gexfShape: 'square', dotShape: 'component' },
  GROUP: { rgb: [204, 235, 197], gexfShape: 'disc', dotShape: 'egg' },
  PLACE: { rgb: [179, 222, 105], gexfShape: 'triangle', dotShape: 'house' },
  PROPOSAL: { rgb: [253, 180, 98], gexfShape: 'diamond', dotShape: 'note' },
  EVENT: { rgb: [251, 128, 114], gexfShape: 'diamond', dotShape: 'diamond' },
  CLAIM: { rgb: [255, 255, 179], gexfShape: 'triangle', dotShape: 'parallelogram' },
};

/** Negated relations: drawn dashed and in this colour everywhere, so that nobody reads them as positive. */
export const NEGATED_RGB: readonly [number, number, number] = [214, 39, 40];
export const EDGE_RGB: readonly [number, number, number] = [90, 90, 90];

export function hex([r, g, b]: readonly [number, number, number]): string {
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}
