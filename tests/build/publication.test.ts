/**
 * Articles as data: `published` checked against the calendar (a located error otherwise), `source` and `url`
 * carried into the graph, and the graph's articles in publication order (src/build/publication.ts).
 */
import { afterEach, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { buildGraph, validateData } from '../../src/build/index.js';
import { byPublication, publishedProblem } from '../../src/build/publication.js';
import { copyData, mutate, removeDir } from '../utils/fixtures.js';

let data = '';
afterEach(() => {
  if (data) removeDir(join(data, '..'));
  data = '';
});

test.each([
  ['a day that does not exist', '"2025-04-21"', '"2025-02-30"'],
  ['a month that does not exist', '"2025-04-21"', '"2025-13"'],
  ['words', '"2025-04-21"', '"April 2025"'],
  ['a bare year', '"2025-04-21"', '"2025"'],
])('published: %s is a SCHEMA problem at the value', async (_name, from, to) => {
  data = copyData('corpus');
  const at = mutate(join(data, 'articles', 'coming-meeting.yaml'), `published: ${from}`, `published: ${to}`, to);
  const problems = await validateData(data);
  expect(problems.map((p) => [p.code, p.file.endsWith('coming-meeting.yaml'), p.line, p.column])).toEqual([['SCHEMA', true, at.line, at.column]]);
  await expect(buildGraph(data)).rejects.toMatchObject({ code: 'DATA_INVALID' });
});

test('publishedProblem accepts real dates and year-months, leap days included', () => {
  expect(publishedProblem('2025-04')).toBeUndefined();
  expect(publishedProblem('2025-04-30')).toBeUndefined();
  expect(publishedProblem('2024-02-29')).toBeUndefined();
  expect(publishedProblem('2025-02-29')).toContain('no day 29');
  expect(publishedProblem('2025-04-31')).toContain('30 days');
});

test('a url that is not http(s) is refused', async () => {
  data = copyData('corpus');
  const at = mutate(join(data, 'articles', 'coming-meeting.yaml'), 'url: https://example.org/fixture/coming-meeting', 'url: example.org/coming', 'example.org/coming');
  const problems = await validateData(data);
  expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([['SCHEMA', at.line, at.column]]);
});

test('the graph keeps each article’s published, source and url, in publication order', async () => {
  data = copyData('corpus');
  const graph = await buildGraph(data);
  const articles = graph.getAttribute('articles');
  expect(articles.map((a) => [a.id, a.published, a.source, a.url])).toEqual([
    ['coming-meeting', '2025-04-21', 'Fixture Wire', 'https://example.org/fixture/coming-meeting'],
    ['berg-lind-meet', '2025-04-24', 'Fixture Wire', undefined],
    ['aftermath', undefined, undefined, undefined],
  ]);
  // Moving the second report before the first changes the order (and so which report is the event's latest).
  mutate(join(data, 'articles', 'berg-lind-meet.yaml'), 'published: "2025-04-24"', 'published: "2025-04-20"');
  const reordered = await buildGraph(data);
  expect(reordered.getAttribute('articles').map((a) => a.id)).toEqual(['berg-lind-meet', 'coming-meeting', 'aftermath']);
  const meeting = reordered.getNodeAttributes('oslo-meeting');
  expect(meeting.kind === 'EVENT' && meeting.history?.map((h) => `${h.article}:${h.status}`)).toEqual(['berg-lind-meet:occurred', 'coming-meeting:planned', 'aftermath:occurred']);
});

test('publication order: dated by date, a year-month before the days of its month, undated last, ties by id', () => {
  const articles = [
    { id: 'undated-b' },
    { id: 'may', published: '2025-05-02' },
    { id: 'undated-a' },
    { id: 'day-b', published: '2025-04-25' },
    { id: 'month', published: '2025-04' },
    { id: 'day-a', published: '2025-04-25' },
  ];
  expect([...articles].sort(byPublication).map((a) => a.id)).toEqual(['month', 'day-a', 'day-b', 'may', 'undated-a', 'undated-b']);
});
