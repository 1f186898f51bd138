/**
 * The names of the lossless columns, for checks that a consumer read every attribute.
 */
import { EDGE_COLUMNS, NODE_COLUMNS, type Column } from '../../../src/export/columns.js';

/** The names of the lossless columns, for checks that every attribute is present. */
export function losslessColumnNames<T>(columns: readonly Column<T>[]): string[] {
  return columns.filter((c) => c.lossless).map((c) => c.name);
}

/**
 * Without `history`: only an event that a second article reports has one, which neither the sample nor the seed
 * graph holds (tests/export/history.test.ts reads it from a corpus).
 */
export const LOSSLESS_NODE_COLUMNS = losslessColumnNames(NODE_COLUMNS).filter((name) => name !== 'history');
export const LOSSLESS_EDGE_COLUMNS = losslessColumnNames(EDGE_COLUMNS);
