/**
 * What the explorer shows, as data that fits in a URL: the centre and what was expanded, collapsed and pinned,
 * the selection, the filters and the camera. The URL is the state: share it and the same view comes back; the
 * browser's back and forward walk through the views.
 */

export type Selection = { readonly kind: 'node' | 'edge'; readonly id: string } | null;

export type NegationFilter = 'all' | 'hide' | 'only';

export interface Expansion {
  readonly id: string;
  /** Only relations with this predicate; all when null. */
  readonly predicate: string | null;
}

export interface Filters {
  readonly hiddenKinds: readonly string[];
  readonly hiddenPredicates: readonly string[];
  readonly hiddenModalities: readonly string[];
  readonly negation: NegationFilter;
  /** Only what this article states or mentions. */
  readonly article: string | null;
  /** Only relations attributed to this entity. */
  readonly attribution: string | null;
  /** Events hidden, their projections between entities shown instead of their role edges. */
  readonly projectionsOnly: boolean;
  /** Publication dates, inclusive (ISO 8601 prefixes). */
  readonly from: string | null;
  readonly to: string | null;
}

export interface Camera {
  readonly x: number;
  readonly y: number;
  readonly ratio: number;
}

export interface ViewState {
  readonly center: string | null;
  readonly depth: number;
  readonly expansions: readonly Expansion[];
  readonly collapsed: readonly string[];
  readonly pinned: readonly string[];
  readonly selection: Selection;
  readonly path: readonly [string, string] | null;
  readonly filters: Filters;
  readonly camera: Camera | null;
}

export const DEFAULT_FILTERS: Filters = {
  hiddenKinds: [],
  hiddenPredicates: [],
  hiddenModalities: [],
  negation: 'all',
  article: null,
  attribution: null,
  projectionsOnly: false,
  from: null,
  to: null,
};

/** The view of a bare `/explore` URL: what `readState('')` gives and `writeState` writes as ''. */
export const EMPTY_STATE: ViewState = {
  center: null,
  depth: 2,
  expansions: [],
  collapsed: [],
  pinned: [],
  selection: null,
  path: null,
  filters: DEFAULT_FILTERS,
  camera: null,
};

const list = (value: string | null): string[] => (value === null || value === '' ? [] : value.split(',').filter((v) => v !== ''));

function negationOf(value: string | null): NegationFilter {
  return value === 'hide' || value === 'only' ? value : 'all';
}

/** The state a URL's query string describes; missing parts take their defaults, unreadable ones are ignored. */
export function readState(search: string): ViewState {
  const q = new URLSearchParams(search);
  const depth = Number(q.get('depth') ?? EMPTY_STATE.depth);
  const selection = q.get('sel');
  const path = list(q.get('path'));
  const camera = list(q.get('cam')).map(Number);
  const [cx, cy, ratio] = camera;
  return {
    center: q.get('center'),
    depth: Number.isInteger(depth) && depth >= 0 && depth <= 4 ? depth : EMPTY_STATE.depth,
    expansions: list(q.get('expand')).map((item) => {
      const [id = '', predicate] = item.split(':');
      return { id, predicate: predicate ?? null };
    }),
    collapsed: list(q.get('collapse')),
    pinned: list(q.get('pin')),
    selection: selection === null ? null : selection.startsWith('e:') ? { kind: 'edge', id: selection.slice(2) } : { kind: 'node', id: selection.replace(/^n:/, '') },
    path: path.length === 2 && path[0] !== undefined && path[1] !== undefined ? [path[0], path[1]] : null,
    filters: {
      hiddenKinds: list(q.get('hideKind')),
      hiddenPredicates: list(q.get('hidePredicate')),
      hiddenModalities: list(q.get('hideModality')),
      negation: negationOf(q.get('negated')),
      article: q.get('article'),
      attribution: q.get('attribution'),
      projectionsOnly: q.get('projections') === '1',
      from: q.get('from'),
      to: q.get('to'),
    },
    camera: cx !== undefined && cy !== undefined && ratio !== undefined && [cx, cy, ratio].every(Number.isFinite) ? { x: cx, y: cy, ratio } : null,
  };
}

/** The query string (with its `?`, or '' for the empty state) that `readState` reads back as `state`. */
export function writeState(state: ViewState): string {
  const q = new URLSearchParams();
  const set = (key: string, value: string | null | undefined): void => {
    if (value !== null && value !== undefined && value !== '') q.set(key, value);
  };
  set('center', state.center);
  if (state.depth !== EMPTY_STATE.depth) set('depth', String(state.depth));
  set('expand', state.expansions.map((e) => (e.predicate === null ? e.id : `${e.id}:${e.predicate}`)).join(','));
  set('collapse', state.collapsed.join(','));
  set('pin', state.pinned.join(','));
  if (state.selection !== null) set('sel', `${state.selection.kind === 'edge' ? 'e' : 'n'}:${state.selection.id}`);
  if (state.path !== null) set('path', state.path.join(','));
  const f = state.filters;
  set('hideKind', f.hiddenKinds.join(','));
  set('hidePredicate', f.hiddenPredicates.join(','));
  set('hideModality', f.hiddenModalities.join(','));
  if (f.negation !== 'all') set('negated', f.negation);
  set('article', f.article);
  set('attribution', f.attribution);
  if (f.projectionsOnly) set('projections', '1');
  set('from', f.from);
  set('to', f.to);
  if (state.camera !== null) set('cam', [state.camera.x, state.camera.y, state.camera.ratio].map((n) => n.toFixed(4)).join(','));
  const text = q.toString();
  return text === '' ? '' : `?${text}`;
}
