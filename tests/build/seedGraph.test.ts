import { beforeAll, describe, expect, test } from '@jest/globals';
import { buildGraph } from '../../src/build/index.js';
import type { NewsGraph, RelationAttributes } from '../../src/graph/types.js';
import { SEED_DATA } from '../utils/fixtures.js';

// Specific facts of the seed article, read from the built graph. Each names the words they came from.
let graph: NewsGraph;
beforeAll(async () => {
  graph = await buildGraph(SEED_DATA);
});

function relations(filter: Partial<Pick<RelationAttributes, 'predicate' | 'subject' | 'object' | 'negated'>>): RelationAttributes[] {
  return graph
    .mapEdges((_, r) => r)
    .filter((r) => Object.entries(filter).every(([key, value]) => r[key as keyof RelationAttributes] === value));
}

describe('provenance', () => {
  test('every entity and every relation has evidence whose words are in the article at its offsets', () => {
    const texts = new Map(graph.getAttribute('articles').map((a) => [a.id, Array.from(a.text)]));
    const anchors = [...graph.mapNodes((_, a) => a.evidence), ...graph.mapEdges((_, r) => r.evidence)];
    for (const list of anchors) expect(list.length).toBeGreaterThan(0);
    for (const e of anchors.flat()) expect(texts.get(e.article)?.slice(e.start, e.end).join('')).toBe(e.exact);
  });

  test('what the article does not state is marked background and says where it comes from', () => {
    for (const r of relations({}).filter((x) => x.modality === 'background')) expect(typeof r.properties['source']).toBe('string');
  });
});

describe('proposals', () => {
  test('Ukraine rejected the Crimea condition, which is part of the U.S. framework', () => {
    const [rejected] = relations({ predicate: 'REJECTED', subject: 'ukraine', object: 'crimea-condition' });
    expect(rejected).toMatchObject({ negated: false });
    expect(rejected?.evidence[0]?.exact).toContain('Ukraine has rejected');
    expect(relations({ predicate: 'PART_OF', subject: 'crimea-condition', object: 'us-peace-framework' })).toHaveLength(1);
    const [recognizes] = relations({ predicate: 'RECOGNIZES', subject: 'crimea-condition', object: 'crimea' });
    expect(recognizes?.properties['as']).toBe('Russian territory');
  });

  test('neither Russia nor Ukraine endorsed the framework: negated, never positive', () => {
    const endorsed = relations({ predicate: 'ENDORSED', object: 'us-peace-framework' });
    expect(endorsed.map((r) => [r.subject, r.negated]).sort()).toEqual([
      ['russia', true],
      ['ukraine', true],
    ]);
    expect(endorsed[0]?.evidence[0]?.exact).toContain('neither Russia nor Ukraine has formally endorsed');
  });

  test('both resist the U.S.-backed proposal, as reports say', () => {
    const resists = relations({ predicate: 'RESISTS', object: 'us-peace-framework' });
    expect(resists.map((r) => r.subject).sort()).toEqual(['russia', 'ukraine']);
    for (const r of resists) expect(r.modality).toBe('reported');
    expect(relations({ predicate: 'BACKS', subject: 'united-states', object: 'us-peace-framework' })).toHaveLength(1);
  });

  test('Ukrainian officials prefer the 30-day ceasefire over the framework', () => {
    const [prefers] = relations({ predicate: 'PREFERS', subject: 'ukrainian-officials', object: 'thirty-day-ceasefire' });
    expect(prefers?.properties['over']).toBe('us-peace-framework');
  });
});

describe('events and their projections', () => {
  test('Trump met Støre at the White House building', () => {
    const [met] = relations({ predicate: 'MET_WITH', subject: 'donald-trump', object: 'jonas-gahr-store' });
    expect(met).toMatchObject({ origin: 'projection', symmetric: true, event: 'trump-store-meeting' });
    const [where] = relations({ predicate: 'LOCATION', subject: 'trump-store-meeting' });
    expect(where?.object).toBe('white-house');
    expect(graph.getNodeAttribute('white-house', 'kind')).toBe('PLACE');
    // "the White House indicated": the same words name the administration, a separate entity.
    expect(graph.getNodeAttribute('trump-administration', 'aliases')).toContain('the White House');
  });

  test('Trump rebuked Putin on Truth Social and urged him to halt the attacks', () => {
    const [rebuked] = relations({ predicate: 'REBUKED', subject: 'donald-trump', object: 'vladimir-putin' });
    expect(rebuked?.event).toBe('truth-social-rebuke');
    expect(relations({ predicate: 'MEDIUM', subject: 'truth-social-rebuke' }).map((r) => r.object)).toEqual(['truth-social']);
    const [urged] = relations({ predicate: 'URGED', subject: 'donald-trump', object: 'vladimir-putin' });
    expect(urged).toMatchObject({ event: 'truth-social-rebuke', properties: { to: 'halt the attacks' } });
  });

  test('the attack on Kyiv killed at least 12; Russia attacked the city', () => {
    expect(graph.getNodeAttribute('kyiv-attack', 'properties')).toMatchObject({ eventType: 'ATTACK', status: 'occurred', fatalities: { min: 12 } });
    expect(relations({ predicate: 'ATTACKED', subject: 'russia', object: 'kyiv' })).toHaveLength(1);
    expect(graph.getNodeAttribute('kyiv', 'kind')).toBe('PLACE');
  });

  test('Witkoff plans to meet Putin a fourth time: PLANS_TO_MEET, not a meeting held', () => {
    const [plans] = relations({ predicate: 'PLANS_TO_MEET', subject: 'steve-witkoff', object: 'vladimir-putin' });
    expect(plans).toMatchObject({ modality: 'planned', properties: { ordinal: 4 }, event: 'witkoff-putin-meeting' });
    expect(relations({ predicate: 'MET_WITH' }).filter((r) => r.event === 'witkoff-putin-meeting')).toEqual([]);
  });

  test('Rubio cancelled the London meeting, which therefore did not take place', () => {
    expect(relations({ predicate: 'CANCELLED', subject: 'marco-rubio', object: 'london-meeting' })).toHaveLength(1);
    expect(graph.getNodeAttribute('london-meeting', 'properties')).toMatchObject({ status: 'cancelled' });
    expect(relations({ predicate: 'LOCATION', subject: 'london-meeting' }).map((r) => r.object)).toEqual(['london']);
  });
});

describe('positions', () => {
  test.each([
    ['donald-trump', 'united-states', 'President'],
    ['vladimir-putin', 'russia', 'President'],
    ['jonas-gahr-store', 'norway', 'Prime Minister'],
    ['marco-rubio', 'united-states', 'Secretary of State'],
    ['steve-witkoff', 'united-states', 'Special Envoy'],
  ])('%s holds a position in %s: %s', (person, government, title) => {
    const [held] = relations({ predicate: 'HOLDS_POSITION', subject: person, object: government });
    expect(held?.properties['title']).toBe(title);
  });
});

describe('claims', () => {
  test('"significant headway" contradicts "an impasse"; Trump asserted one, reports the other', () => {
    const contradicts = relations({ predicate: 'CONTRADICTS' }).map((r) => [r.subject, r.object].sort().join(' '));
    expect(contradicts).toContain(['negotiations-making-headway', 'negotiations-at-impasse'].sort().join(' '));
    expect(relations({ predicate: 'ASSERTED', object: 'negotiations-making-headway' }).map((r) => r.subject)).toEqual(['donald-trump']);
    expect(relations({ predicate: 'REPORTED', object: 'negotiations-at-impasse' }).map((r) => r.subject)).toEqual(['news-reports']);
  });

  test('the alleged sympathy towards Moscow is alleged, and Trump denied it', () => {
    expect(graph.getNodeAttribute('administration-overly-sympathetic-to-moscow', 'properties')).toMatchObject({ modality: 'alleged' });
    expect(relations({ predicate: 'DENIED', subject: 'donald-trump', object: 'administration-overly-sympathetic-to-moscow' })).toHaveLength(1);
  });

  test('"no allegiance to either Moscow or Kyiv": negated, attributed to Trump, reported', () => {
    const aligned = relations({ predicate: 'ALIGNED_WITH', subject: 'donald-trump' });
    expect(aligned.map((r) => r.object).sort()).toEqual(['russia', 'ukraine']);
    for (const r of aligned) expect(r).toMatchObject({ negated: true, attributedTo: 'donald-trump', modality: 'reported' });
  });

  test('the goal before the 100th day of the second term resolves to ../2025-04-29', () => {
    const [aimed] = relations({ predicate: 'AIMED_FOR', subject: 'administration-officials' });
    expect(aimed?.time).toBe('../2025-04-29');
    expect(aimed?.properties['timeText']).toBe('before the 100th day of Trump’s second term');
  });
});
