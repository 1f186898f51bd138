/**
 * detachedKey (src/store/postgres/detachedKeys.ts): a key the database sends inside a record is taken out of it and
 * kept beside it, so that the record handed out is, for every reader that compares, copies or prints it, the in-memory
 * one, while the store still reads the value.
 */
import { isDeepStrictEqual } from 'node:util';
import { expect, test } from '@jest/globals';
import { detachedKey } from '../../src/store/postgres/detachedKeys.js';

const count = detachedKey<number>('@articleCount');

test('the value is read beside the record, which has the keys of one that never had it', () => {
  const record = count.detach(JSON.parse('{"id":"r1","subject":"a","predicate":"MEETS","object":"b","@articleCount":3}') as object);
  const plain = { id: 'r1', subject: 'a', predicate: 'MEETS', object: 'b' };
  expect(count.of(record)).toBe(3);
  expect(Object.keys(record)).toEqual(Object.keys(plain));
  expect(JSON.stringify(record)).toBe(JSON.stringify(plain));
  expect(record).toEqual(plain);
  expect(record).toStrictEqual(plain);
  expect(isDeepStrictEqual(record, plain)).toBe(true);
  expect({ ...record }).toEqual(plain);
  expect(count.of({ ...record })).toBeUndefined(); // a copy is another record: as a WeakMap by record was
});

test('a record without the key is handed back as it is; each key is its own', () => {
  const record = { id: 'r2' };
  expect(count.detach(record)).toBe(record);
  expect(count.of(record)).toBeUndefined();
  const heads = detachedKey<string[]>('@heads');
  const both = heads.detach(count.detach(JSON.parse('{"id":"e1","@articleCount":0,"@heads":["q"]}') as object));
  expect(count.of(both)).toBe(0);
  expect(heads.of(both)).toEqual(['q']);
  expect(both).toEqual({ id: 'e1' });
  expect(count.detach(null)).toBeNull();
});
