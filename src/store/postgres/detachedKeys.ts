/**
 * A value the database sends inside a record under a key of its own (a hub's list heads, a projected relation's
 * article count), taken out as the record is parsed and kept beside it, so that the record handed out has the keys of
 * the in-memory one. Kept on the record itself under a symbol of this key's, not enumerable: `Object.keys`, JSON,
 * spreads and deep equality (jest's, node's) see the in-memory record's keys alone, and the value lives as long as
 * the record. It used to be kept in a WeakMap by record object: an entry per relation (1,000 for "What each article
 * added"), each an ephemeron that every scavenge had to visit, 2-3 times the cost of a property (`pgeachjs`).
 */
export interface DetachedKey<V> {
  /** Takes the key's value out of a parsed record (if it has the key) and keeps it beside it; returns the record. */
  detach<T>(record: T): T;
  /** The value kept beside a record handed out, if it came with one. */
  of(record: object): V | undefined;
}

/** `key` must be the last key the record's text has: V8 deletes a parsed object's last key without leaving its fast shape. */
export function detachedKey<V>(key: string): DetachedKey<V> {
  const beside = Symbol(key);
  return {
    detach<T>(record: T): T {
      if (typeof record === 'object' && record !== null && key in record) {
        const holder = record as Record<string | symbol, unknown>;
        const value = holder[key];
        delete holder[key];
        // Not enumerable, not writable: a new shape that every record of the same keys shares (V8's transitions).
        Object.defineProperty(holder, beside, { value });
      }
      return record;
    },
    of: (record) => (record as Record<symbol, V | undefined>)[beside],
  };
}
