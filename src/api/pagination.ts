/**
 * Cursor pagination (API.md): opaque cursors, a stable order, `totalCount`. A cursor names the item it
 * follows, not an offset, so a page boundary means the same thing whatever the filters.
 */
import { NewsgraphError } from '../errors.js';

export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

export interface PageArgs {
  readonly first?: number | null;
  readonly after?: string | null;
}

export interface Page<T> {
  readonly totalCount: number;
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor: string | null };
  readonly edges: ReadonlyArray<{ readonly cursor: string; readonly node: T }>;
}

/** What a cursor points into: a cursor of one list is refused by another. */
export type CursorSpace = 'entity' | 'relation';

export function encodeCursor(space: CursorSpace, id: string): string {
  return Buffer.from(JSON.stringify([space, id]), 'utf8').toString('base64url');
}

/**
 * The id a cursor names.
 * @throws NewsgraphError BAD_USER_INPUT for a cursor that is not one of ours, or of another list.
 */
export function decodeCursor(space: CursorSpace, cursor: string): string {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  if (Array.isArray(decoded) && decoded.length === 2 && decoded[0] === space && typeof decoded[1] === 'string') return decoded[1];
  throw new NewsgraphError('BAD_USER_INPUT', `after: "${cursor}" is not a cursor of this ${space} list; pass a pageInfo.endCursor or an edge's cursor.`);
}

/**
 * One page of `items`, which must already be in the stable order that `position` gives (ascending).
 * @throws NewsgraphError BAD_USER_INPUT when `first` is outside 0..200 or `after` is not a valid cursor.
 */
export function paginate<T extends { readonly id: string }>(
  items: readonly T[],
  args: PageArgs,
  space: CursorSpace,
  position: ReadonlyMap<string, number>,
): Page<T> {
  const first = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 0 || first > MAX_PAGE_SIZE) {
    throw new NewsgraphError('BAD_USER_INPUT', `first must be between 0 and ${MAX_PAGE_SIZE}, not ${first}: take more pages, passing pageInfo.endCursor as \`after\`.`);
  }
  let start = 0;
  if (args.after !== null && args.after !== undefined) {
    const id = decodeCursor(space, args.after);
    const after = position.get(id);
    if (after === undefined) {
      throw new NewsgraphError('BAD_USER_INPUT', `after: the cursor names "${id}", which is not in this graph.`);
    }
    start = firstAfter(items, after, position);
  }
  const slice = items.slice(start, start + first);
  const edges = slice.map((node) => ({ cursor: encodeCursor(space, node.id), node }));
  return {
    totalCount: items.length,
    pageInfo: { hasNextPage: start + first < items.length, endCursor: edges.at(-1)?.cursor ?? null },
    edges,
  };
}

/** Binary search: the index of the first item whose position is greater than `after`. */
function firstAfter<T extends { readonly id: string }>(items: readonly T[], after: number, position: ReadonlyMap<string, number>): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const item = items[middle];
    const at = item === undefined ? Number.MAX_SAFE_INTEGER : (position.get(item.id) ?? Number.MAX_SAFE_INTEGER);
    if (at <= after) low = middle + 1;
    else high = middle;
  }
  return low;
}
