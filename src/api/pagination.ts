/**
 * Cursor pagination (API.md): opaque cursors, a stable order, `totalCount`. The stores page (see
 * `src/store/page.ts`); this module names the API's sizes and re-exports the cursor functions that the
 * library has always exported.
 */
import { DEFAULT_FIRST, MAX_FIRST } from './listSizes.js';

export { decodeCursor, encodeCursor, type CursorSpace } from '../store/page.js';
export type { Page } from '../store/types.js';

/** The largest page (`first`) a connection returns. */
export const MAX_PAGE_SIZE = MAX_FIRST;
/** The page size of a connection when `first` is not given. */
export const DEFAULT_PAGE_SIZE = DEFAULT_FIRST.page;

export interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}
