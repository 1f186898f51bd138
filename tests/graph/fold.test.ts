/** Name folding, by table (ONTOLOGY.md, "Name search"). */
import { expect, test } from '@jest/globals';
import { foldName, foldedWords } from '../../src/graph/index.js';

test.each([
  ['Jonas Gahr Støre', 'jonas gahr store'],
  ['JONAS GAHR STØRE', 'jonas gahr store'],
  ['Gahr-Støre', 'gahr store'],
  ['Æsir Œuvre', 'aesir oeuvre'],
  ['Straße', 'strasse'],
  ['STRAẞE', 'strasse'],
  ['Łódź', 'lodz'],
  ['Đorđe', 'dorde'],
  ['Þór', 'thor'],
  ['Zelenskyy’s “plan” – now', 'zelenskyy s plan now'],
  ['  U.S.-backed   peace   proposal ', 'u s backed peace proposal'],
  ['Kyïv', 'kyiv'],
  ['e\u0301te\u0301', 'ete'],
  ['ﬁnal', 'final'],
  ['', ''],
  ['—', ''],
])('foldName(%j) is %j', (input, folded) => {
  expect(foldName(input)).toBe(folded);
});

test('two spellings of one name fold alike, and words split on the folded separators', () => {
  expect(foldName('Støre')).toBe(foldName('Store'));
  expect(foldName('Jonas Gahr Støre')).toBe(foldName('jonas  gahr-store'));
  expect(foldedWords('Trump’s administration')).toEqual(['trump', 's', 'administration']);
  expect(foldedWords('...')).toEqual([]);
});
