/**
 * The names of the lossless columns, for checks that a consumer read every attribute.
 */
import { EDGE_COLUMNS, NODE_COLUMNS, type Column } from '../../../src/export/columns.js';

/** The names of the lossless columns, for checks that every attribute is present. */
export function losslessColumnNames<T>(columns: readonly Column<T>[]): string[] {
  return columns.filter((c) => c.lossless).map((c) => c.name);
}

export const LOSSLESS_NODE_COLUMNS = losslessColumnNames(NODE_COLUMNS);
export const LOSSLESS_EDGE_COLUMNS = losslessColumnNames(EDGE_COLUMNS);
