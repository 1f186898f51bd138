/**
 * A store that waits for I/O, as one over a database does: the in-memory store's answers (not a MemoryStore, so the
 * execution budget watches its promises, as it does a database store's), but `search` for some texts waits first: a
 * number of milliseconds, or for ever (`'never'`, as a stalled database would).
 */
import type { NewsGraph } from '../../src/graph/index.js';
import { MemoryStore, type GraphStore } from '../../src/store/index.js';

/** How long `search(text)` waits before answering, by text; texts not listed answer at once. */
export type SearchWaits = Readonly<Record<string, number | 'never'>>;

export function waitingStore(graph: NewsGraph, waits: SearchWaits): GraphStore & { searches: number } {
  const base = new MemoryStore(graph);
  const store: Record<string, unknown> = { graph, searches: 0 };
  for (const name of Object.getOwnPropertyNames(MemoryStore.prototype)) {
    const method: unknown = Object.getOwnPropertyDescriptor(MemoryStore.prototype, name)?.value;
    if (name !== 'constructor' && typeof method === 'function') store[name] = method.bind(base);
  }
  const search = base.search.bind(base);
  store['search'] = (text: string, options: { readonly limit: number }): ReturnType<MemoryStore['search']> => {
    (store['searches'] as number)++;
    const wait = waits[text];
    if (wait === 'never') return new Promise(() => undefined);
    if (wait !== undefined) return new Promise((resolve) => setTimeout(resolve, wait)).then(() => search(text, options));
    return search(text, options);
  };
  return store as unknown as GraphStore & { searches: number };
}
