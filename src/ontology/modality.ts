/**
 * Modality: how the article stands behind a statement (ONTOLOGY.md, "Every statement carries its qualifiers").
 */

export const MODALITIES = ['asserted', 'reported', 'planned', 'hypothetical', 'alleged', 'background'] as const;

export type Modality = (typeof MODALITIES)[number];

export const MODALITY_DESCRIPTIONS: Readonly<Record<Modality, string>> = {
  asserted: 'The article states it in its own voice.',
  reported: 'The article reports that others say it.',
  planned: 'It is intended or scheduled, not yet done.',
  hypothetical: 'It is considered or conditional.',
  alleged: 'It is alleged ("allegedly"), and not established.',
  background: 'Not stated by the article; added from outside knowledge, with properties.source saying where.',
};

export function isModality(value: unknown): value is Modality {
  return typeof value === 'string' && (MODALITIES as readonly string[]).includes(value);
}
