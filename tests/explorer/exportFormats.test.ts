/**
 * The explorer's own list of export formats (the browser bundle cannot import the server's registry) offers every
 * format the server exports, and nothing else; the view state of a bare URL is EMPTY_STATE.
 */
import { expect, test } from '@jest/globals';
import { EXPORT_FORMATS } from '../../src/export/index.js';
import { EXPLORER_EXPORT_FORMATS } from '../../src/explorer/exportFormats.js';
import { EMPTY_STATE, readState, writeState } from '../../src/explorer/viewState.js';

test('the explorer offers every export format, gdelt included, each once', () => {
  expect([...EXPLORER_EXPORT_FORMATS].sort()).toEqual([...EXPORT_FORMATS].sort());
  expect(new Set(EXPLORER_EXPORT_FORMATS).size).toBe(EXPLORER_EXPORT_FORMATS.length);
});

test('a bare URL reads as EMPTY_STATE, which writes back as no query string', () => {
  expect(readState('')).toEqual(EMPTY_STATE);
  expect(writeState(EMPTY_STATE)).toBe('');
  expect(readState('?depth=9')).toEqual(EMPTY_STATE); // out of range: the default depth
  expect(readState(writeState({ ...EMPTY_STATE, depth: 3 })).depth).toBe(3);
});
