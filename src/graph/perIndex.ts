/**
 * A value derived from a graph index, made on first use and kept as long as the index lives (a WeakMap: a
 * reloaded graph gets a new index, and the old values go with the old index). The one place the
 * "get, else make and keep" of per-index memos is written.
 */
import type { GraphIndex } from './indices.js';

export function perIndex<T>(make: (index: GraphIndex) => T): (index: GraphIndex) => T {
  const kept = new WeakMap<GraphIndex, T>();
  return (index) => {
    let value = kept.get(index);
    if (value === undefined) {
      value = make(index);
      kept.set(index, value);
    }
    return value;
  };
}
