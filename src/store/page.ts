/**
 * Cursor pagination shared by the stores (API.md): opaque cursors that name the item they follow, not an
 * offset, so a page boundary means the same thing whatever the filters.
 */
import { NewsgraphError } from '../errors.js';
import type { Page, PageRequest } from './types.js';

/** What a cursor points into: a cursor of one list is refused by another. */
export type CursorSpace = 'entity' | 'relation';

export function encodeCursor(space: CursorSpace, id: string): string {
  return Buffer.from(JSON.stringify([space, id]), 'utf8').toString('base64url');
}

/**
 * An edge of a page, its cursor encoded when it is read: most questions read a page's nodes and never its cursors
 * ("What each article added" reads 1,000 edges and no cursor), and a cursor is a JSON text, a buffer and base64
 * each. `toJSON` keeps it in a page written as JSON, as when it was a field.
 */
export class PageEdge<T extends { readonly id: string }> {
  constructor(
    private readonly space: CursorSpace,
    readonly node: T,
  ) {}

  get cursor(): string {
    return encodeCursor(this.space, this.node.id);
  }

  toJSON(): { cursor: string; node: T } {
    return { cursor: this.cursor, node: this.node };
  }
}

/** A page of `items` (already cut to the page) and the facts around it; the cursors are encoded when read. */
export function pageFrom<T extends { readonly id: string }>(space: CursorSpace, items: readonly T[], totalCount: number, hasNextPage: boolean): Page<T> {
  const edges = items.map((node) => new PageEdge(space, node));
  const last = items.at(-1);
  return { totalCount, pageInfo: { hasNextPage, endCursor: last === undefined ? null : encodeCursor(space, last.id) }, edges };
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
 * `first` is the caller's to check (the API layer bounds it).
 * @throws NewsgraphError BAD_USER_INPUT when `after` is not a valid cursor.
 */
export function paginate<T extends { readonly id: string }>(
  items: readonly T[],
  page: PageRequest,
  space: CursorSpace,
  position: ReadonlyMap<string, number>,
): Page<T> {
  const { first } = page;
  let start = 0;
  if (page.after !== undefined) {
    const id = decodeCursor(space, page.after);
    const after = position.get(id);
    if (after === undefined) {
      throw new NewsgraphError('BAD_USER_INPUT', `after: the cursor names "${id}", which is not in this graph.`);
    }
    start = firstAfter(items, after, position);
  }
  return pageFrom(space, items.slice(start, start + first), items.length, start + first < items.length);
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
