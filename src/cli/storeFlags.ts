/**
 * The flags of the PostgreSQL store that more than one command takes (`serve --store`, `export --store`): megabytes
 * given to the store, checked the same way, and the bound on what an export of a selection may read into memory.
 */
import { NewsgraphError } from '../errors.js';
import { SELECTION_LIMITS, type SelectionLimits } from '../store/postgres/selectionGraph.js';
import type { CommandArgs, OptionSpec } from './command.js';

export const SELECTION_EXPORT_MB_OPTION: OptionSpec = {
  type: 'string',
  valueName: 'N',
  description: `With --store: megabytes of records (entities, relations, the articles they quote) an export of a selection may read into memory (default ${SELECTION_LIMITS.bytes / 1024 / 1024}); a larger selection is refused with what to do.`,
};

/**
 * Megabytes given to a flag of the PostgreSQL store, or undefined when absent.
 * @throws NewsgraphError BAD_USER_INPUT without --store (saying what the flag does), or for a value that is not a
 *   number of megabytes (≥ 0, or above 0).
 */
export function storeMegabytes(args: CommandArgs, name: string, does: string, storeUrl: string | undefined, minimum: 0 | 'above 0'): number | undefined {
  const text = args.values[name];
  if (typeof text !== 'string') return undefined;
  if (storeUrl === undefined) throw new NewsgraphError('BAD_USER_INPUT', `--${name} ${does}: it needs --store.`);
  const value = Number(text);
  if (!Number.isFinite(value) || (minimum === 0 ? value < 0 : value <= 0)) {
    throw new NewsgraphError('BAD_USER_INPUT', `--${name} must be a number of megabytes ${minimum === 0 ? '≥ 0' : 'above 0'}, not "${text}".`);
  }
  return value;
}

/** `--selection-export-mb` as the store's option: none when the flag is absent. */
export function selectionLimitsFrom(args: CommandArgs, storeUrl: string | undefined): { selectionLimits?: Partial<SelectionLimits> } {
  const megabytes = storeMegabytes(args, 'selection-export-mb', 'bounds exports read from the PostgreSQL store', storeUrl, 'above 0');
  return megabytes === undefined ? {} : { selectionLimits: { bytes: Math.round(megabytes * 1024 * 1024) } };
}
