/**
 * A value the database sends inside a record under a key of its own (a hub's list heads, a projected relation's
 * article count), taken out as the record is parsed and kept beside it, so that the record handed out has the keys of
 * the in-memory one. Kept by record object in a WeakMap: as long as the record is, no longer.
 */
export interface DetachedKey<V> {
  /** Takes the key's value out of a parsed record (if it has the key) and keeps it beside it; returns the record. */
  detach<T>(record: T): T;
  /** The value kept beside a record handed out, if it came with one. */
  of(record: object): V | undefined;
}

/** `key` must be the last key the record's text has: V8 deletes a parsed object's last key without leaving its fast shape. */
export function detachedKey<V>(key: string): DetachedKey<V> {
  const byRecord = new WeakMap<object, V>();
  return {
    detach<T>(record: T): T {
      if (typeof record === 'object' && record !== null && key in record) {
        const holder = record as Record<string, unknown>;
        byRecord.set(record, holder[key] as V);
        delete holder[key];
      }
      return record;
    },
    of: (record) => byRecord.get(record),
  };
}
