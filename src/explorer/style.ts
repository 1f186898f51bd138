/**
 * How things look: a colour per kind, and edges whose look says how far the article stands behind them. A negated
 * relation has its own colour and its label says "not"; reported, alleged, planned and hypothetical facts are
 * drawn fainter and thinner than asserted ones, background facts fainter still.
 */
import type { EntityKind } from './api.js';

export const KIND_COLORS: { readonly [kind in EntityKind]: string } = {
  PERSON: '#1f77b4',
  GOVERNMENT: '#2ca02c',
  ORGANIZATION: '#9467bd',
  GROUP: '#8c564b',
  PLACE: '#17becf',
  PROPOSAL: '#ff7f0e',
  EVENT: '#7f7f7f',
  CLAIM: '#bcbd22',
};

export const NEGATED_COLOR = '#d62728';

export const MODALITIES = ['asserted', 'reported', 'alleged', 'planned', 'hypothetical', 'background'] as const;

/** How strongly the article stands behind a fact of this modality: 1 asserted, less for weaker ones. */
export function modalityStrength(modality: string): number {
  switch (modality) {
    case 'asserted':
      return 1;
    case 'reported':
    case 'alleged':
    case 'planned':
    case 'hypothetical':
      return 0.45;
    case 'background':
      return 0.25;
    default:
      return 0.6; // a modality newer than this page: neither strong nor hidden
  }
}

export function edgeColor(negated: boolean, modality: string): string {
  const alpha = modalityStrength(modality);
  return negated ? `rgba(214, 39, 40, ${Math.max(alpha, 0.7)})` : `rgba(80, 80, 80, ${alpha})`;
}

export function edgeSize(modality: string): number {
  return modalityStrength(modality) >= 1 ? 2 : 1;
}

/** The label an edge carries: role names in lower case ("agent"), predicates as words, "not …" when negated. */
export function edgeLabel(predicate: string, negated: boolean, origin: string): string {
  const words = origin === 'ROLE' ? predicate.toLowerCase() : predicate.toLowerCase().replace(/_/g, ' ');
  if (!negated) return words;
  return predicate === 'ENDORSED' ? 'NOT endorsed' : `NOT ${words}`;
}

export function nodeSize(kind: EntityKind, degree: number): number {
  return kind === 'EVENT' ? 4 : 5 + 2.5 * Math.log2(1 + degree);
}
