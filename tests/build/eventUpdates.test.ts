/**
 * Events across articles (src/build/assembleEvents.ts): an event declared in one report and reported again
 * by later ones under `eventUpdates:`. Read from the small invented corpus in tests/fixtures/data/corpus.
 */
import { afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { buildGraph, validateData } from '../../src/build/index.js';
import type { EventAttributes, NewsGraph, RelationAttributes } from '../../src/graph/types.js';
import { copyData, FIXTURES, mutate, removeDir } from '../utils/fixtures.js';

const CORPUS = join(FIXTURES, 'data', 'corpus');
let graph: NewsGraph;
beforeAll(async () => {
  graph = await buildGraph(CORPUS);
});

function event(id: string): EventAttributes {
  const node = graph.getNodeAttributes(id);
  if (node.kind !== 'EVENT') throw new Error(`${id} is a ${node.kind}`);
  return node;
}

function projectionsOf(eventId: string): RelationAttributes[] {
  return graph.filterEdges((_, r) => r.event === eventId && r.origin === 'projection').map((id) => graph.getEdgeAttributes(id));
}

describe('an event reported by several articles', () => {
  test('its history lists each report in publication order, and its status is the latest', () => {
    const meeting = event('oslo-meeting');
    expect(meeting.history).toEqual([
      { status: 'planned', article: 'coming-meeting', published: '2025-04-21' },
      { status: 'occurred', article: 'berg-lind-meet', published: '2025-04-24' },
      // Undated: last in publication order.
      { status: 'occurred', article: 'aftermath' },
    ]);
    expect(meeting.properties.status).toBe('occurred');
    // The time comes from the latest report that gives one.
    expect(meeting.properties).toMatchObject({ time: '2025-04-24', timeText: 'on Thursday' });
    expect(meeting.articles).toEqual(['coming-meeting', 'berg-lind-meet', 'aftermath']);
    expect(new Set(meeting.evidence.map((e) => e.article))).toEqual(new Set(['coming-meeting', 'berg-lind-meet', 'aftermath']));
  });

  test('each report projects by its own status with its own evidence: PLANS_TO_MEET from the plan, one MET_WITH from both reports of the meeting', () => {
    const projected = projectionsOf('oslo-meeting');
    const planned = projected.filter((r) => r.predicate === 'PLANS_TO_MEET');
    const met = projected.filter((r) => r.predicate === 'MET_WITH');
    expect(planned).toHaveLength(1);
    expect(planned[0]).toMatchObject({ subject: 'anna-berg', object: 'tomas-lind', modality: 'planned' });
    expect([...new Set(planned[0]?.evidence.map((e) => e.article))]).toEqual(['coming-meeting']);
    // Two reports of one meeting are one fact: one MET_WITH with the evidence of both, dated by the one that dates it.
    expect(met).toHaveLength(1);
    expect(met[0]).toMatchObject({ subject: 'anna-berg', object: 'tomas-lind', modality: 'asserted', time: '2025-04-24', event: 'oslo-meeting' });
    expect([...new Set(met[0]?.evidence.map((e) => e.article))]).toEqual(['berg-lind-meet', 'aftermath']);
    expect(met[0]?.id).toBe('anna-berg--met-with--tomas-lind-2');
  });

  test('a cancelled report projects nothing; the plan stays, and the current status is cancelled', () => {
    const talks = event('border-talks');
    expect(talks.properties.status).toBe('cancelled');
    expect(talks.history?.map((h) => h.status)).toEqual(['planned', 'cancelled']);
    expect(projectionsOf('border-talks').map((r) => [r.predicate, [...new Set(r.evidence.map((e) => e.article))]])).toEqual([['PLANS_TO_MEET', ['coming-meeting']]]);
  });

  test('role edges given by several reports are not repeated; the graph lists articles in publication order', () => {
    expect(graph.getAttribute('articles').map((a) => a.id)).toEqual(['coming-meeting', 'berg-lind-meet', 'aftermath']);
    const roles = graph.filterEdges((_, r) => r.event === 'oslo-meeting' && r.origin === 'role');
    expect(roles.sort()).toEqual(['oslo-meeting--agent--anna-berg', 'oslo-meeting--location--oslo', 'oslo-meeting--participant--tomas-lind']);
    // The location both reports give is one role edge with the evidence of each.
    expect(graph.getEdgeAttribute('oslo-meeting--location--oslo', 'evidence').map((e) => e.article)).toEqual(['coming-meeting', 'berg-lind-meet']);
    expect(event('border-talks').history).toHaveLength(2);
    expect(event('oslo-meeting').history).toHaveLength(3);
  });
});

describe('eventUpdates that cannot stand', () => {
  let data = '';
  afterEach(() => removeDir(join(data, '..')));

  test('an unknown event id is an UNKNOWN_REFERENCE at its place, with did-you-mean', async () => {
    data = copyData('corpus');
    const at = mutate(join(data, 'articles', 'aftermath.yaml'), '- event: border-talks', '- event: border-talk', 'border-talk');
    const problems = await validateData(data);
    expect(problems.map((p) => [p.code, p.file.endsWith('aftermath.yaml'), p.line, p.column])).toEqual([['UNKNOWN_REFERENCE', true, at.line, at.column]]);
    expect(problems[0]?.message).toContain('"border-talks"');
  });

  test('an update naming a claim or a person, not an event, is refused at its place', async () => {
    data = copyData('corpus');
    const at = mutate(join(data, 'articles', 'aftermath.yaml'), '- event: border-talks', '- event: anna-berg', 'anna-berg');
    const problems = await validateData(data);
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([['DOMAIN_RANGE', at.line, at.column]]);
  });

  test('a role an update adds is checked like any other', async () => {
    data = copyData('corpus');
    const at = mutate(
      join(data, 'articles', 'aftermath.yaml'),
      '    evidence: Berg and Lind met in Oslo this week\n',
      '    evidence: Berg and Lind met in Oslo this week\n    roles:\n      - { role: LOCATION, entity: tomas-lind, evidence: Lind }\n',
      'tomas-lind, evidence',
    );
    const problems = await validateData(data);
    expect(problems.map((p) => [p.code, p.line, p.column])).toEqual([['ROLE_FILLER', at.line, at.column]]);
  });
});
