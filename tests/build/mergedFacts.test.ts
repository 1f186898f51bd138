/**
 * Facts stated by several articles are one relation (src/build/mergeFacts.ts, src/ontology/identity.ts),
 * on a small invented corpus of three reports (tests/fixtures/data/corpus), never on data/.
 */
import { beforeAll, describe, expect, test } from '@jest/globals';
import { join } from 'node:path';
import { buildGraph } from '../../src/build/index.js';
import { factKey, mergeFacts, type Statement } from '../../src/build/mergeFacts.js';
import type { NewsGraph, RelationAttributes } from '../../src/graph/types.js';
import { DESCRIPTIVE_PROPERTIES, IDENTIFYING_PROPERTIES, identifyingProperties, moreCertain } from '../../src/ontology/identity.js';
import { PREDICATE_NAMES, predicateSpec } from '../../src/ontology/index.js';
import { FIXTURES } from '../utils/fixtures.js';

const CORPUS = join(FIXTURES, 'data', 'corpus');
let graph: NewsGraph;
beforeAll(async () => {
  graph = await buildGraph(CORPUS);
});

/** The relations of a predicate between two entities (either order), with their ids. */
function between(predicate: string, a: string, b: string, origin: RelationAttributes['origin'] = 'stated'): RelationAttributes[] {
  return graph
    .filterEdges((_, r) => r.predicate === predicate && r.origin === origin && [r.subject, r.object].sort().join(' ') === [a, b].sort().join(' '))
    .map((id) => graph.getEdgeAttributes(id));
}

const articlesOf = (r: RelationAttributes | undefined) => [...new Set(r?.evidence.map((e) => e.article))];

describe('facts merged across articles', () => {
  test('a fact two articles state is one relation, with a plain id and evidence from both, in publication order', () => {
    const positions = between('HOLDS_POSITION', 'anna-berg', 'norland');
    expect(positions).toHaveLength(1);
    expect(positions[0]?.id).toBe('anna-berg--holds-position--norland');
    expect(articlesOf(positions[0])).toEqual(['coming-meeting', 'berg-lind-meet']);
    // The first article's wording stands; the second's "prime  minister" only differs in case and spacing.
    expect(positions[0]?.properties['title']).toBe('Prime Minister');
    // Each anchor is a real anchor of its article.
    for (const e of positions[0]?.evidence ?? []) expect(e.exact.toLowerCase()).toContain('prime minister anna berg');
  });

  test('identifying properties keep two positions apart: President and Commander-in-Chief', () => {
    const positions = between('HOLDS_POSITION', 'tomas-lind', 'sudria');
    expect(positions.map((r) => r.properties['title']).sort()).toEqual(['Commander-in-Chief', 'President']);
    expect(positions.map((r) => r.id).sort()).toEqual(['tomas-lind--holds-position--sudria', 'tomas-lind--holds-position--sudria-2']);
    expect(positions.map((r) => articlesOf(r))).toEqual([['coming-meeting'], ['berg-lind-meet']]);
  });

  test('a symmetric predicate merges statements written in either order', () => {
    const met = between('MET_WITH', 'anna-berg', 'tomas-lind');
    expect(met).toHaveLength(1);
    expect(met[0]).toMatchObject({ subject: 'anna-berg', object: 'tomas-lind', symmetric: true });
    expect(articlesOf(met[0])).toEqual(['coming-meeting', 'berg-lind-meet']);
  });

  test('a negated and a positive statement of one relation stay apart', () => {
    const endorsed = between('ENDORSED', 'norland', 'ceasefire-plan');
    expect(endorsed.map((r) => [r.id, r.negated, articlesOf(r)]).sort()).toEqual([
      ['norland--endorsed--ceasefire-plan', false, ['berg-lind-meet']],
      ['norland--not-endorsed--ceasefire-plan', true, ['coming-meeting']],
    ]);
  });

  test('statements attributed to different speakers stay apart', () => {
    const backs = between('BACKS', 'sudria', 'ceasefire-plan');
    expect(backs.map((r) => r.attributedTo).sort()).toEqual(['radio-north', 'tomas-lind']);
  });

  test('merged statements take the most certain modality: alleged in one report, asserted in the next', () => {
    const rejected = between('REJECTED', 'anna-berg', 'ceasefire-plan');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]?.modality).toBe('asserted');
    expect(articlesOf(rejected[0])).toEqual(['coming-meeting', 'berg-lind-meet']);
  });

  test('no two relations of the graph are the same fact, and no id is repeated', () => {
    const ids = graph.edges();
    expect(new Set(ids).size).toBe(ids.length);
    const keys = graph.mapEdges((_, r) => factKey(r));
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('the identity table', () => {
  test('the listed predicates are identified by their properties; an unlisted one by every property it declares', () => {
    expect(identifyingProperties('HOLDS_POSITION')).toEqual(['title']);
    expect(identifyingProperties('PREFERS')).toEqual(['over']);
    expect(identifyingProperties('RECOGNIZES')).toEqual(['as']);
    expect(identifyingProperties('PLANS_TO_MEET')).toEqual(['ordinal']);
    expect(identifyingProperties('ASSERTED')).toEqual([]);
    expect(identifyingProperties('PARTICIPANT')).toEqual([]);
    // Predicates added to the ontology without an entry: every property they declare identifies their facts.
    for (const predicate of PREDICATE_NAMES.filter((p) => IDENTIFYING_PROPERTIES[p] === undefined)) {
      const declared = Object.keys(predicateSpec(predicate).properties ?? {}).filter((name) => !DESCRIPTIVE_PROPERTIES.includes(name));
      expect(identifyingProperties(predicate)).toEqual(declared);
    }
  });

  test('certainty: asserted over reported over alleged over planned over hypothetical over background', () => {
    expect(moreCertain('reported', 'asserted')).toBe('asserted');
    expect(moreCertain('alleged', 'reported')).toBe('reported');
    expect(moreCertain('hypothetical', 'planned')).toBe('planned');
    expect(moreCertain('background', 'hypothetical')).toBe('hypothetical');
  });

  test('mergeFacts: the same fact at two dates is two facts; a background fact stated later loses its outside source', () => {
    const evidence = (article: string, start: number) => [{ article, exact: 'x', prefix: '', suffix: '', start, end: start + 1, sentence: 0 }];
    const base: Statement = {
      predicate: 'MET_WITH',
      subject: 'a',
      object: 'b',
      negated: false,
      modality: 'asserted',
      properties: {},
      evidence: evidence('one', 0),
      origin: 'stated',
      symmetric: true,
    };
    const twoDates = mergeFacts([
      { ...base, time: '2025-04-11' },
      { ...base, time: '2025-04-25', evidence: evidence('two', 0) },
    ]);
    expect(twoDates.map((r) => r.id)).toEqual(['a--met-with--b', 'a--met-with--b-2']);
    const background = mergeFacts([
      { ...base, modality: 'background', properties: { source: 'an atlas' } },
      { ...base, object: 'a', subject: 'b', evidence: evidence('two', 5) },
      // The same anchor twice is kept once.
      { ...base, evidence: evidence('two', 5) },
    ]);
    expect(background).toHaveLength(1);
    expect(background[0]).toMatchObject({ id: 'a--met-with--b', modality: 'asserted', properties: {} });
    expect(background[0]?.evidence.map((e) => `${e.article}@${e.start}`)).toEqual(['one@0', 'two@5']);
  });

  test('mergeFacts: an id written in the data is kept and reserved first; each record has the id, then the first statement\'s fields in order', () => {
    const anchor = (article: string, start: number) => ({ article, exact: 'x', prefix: '', suffix: '', start, end: start + 1, sentence: 0 });
    const base: Statement = {
      predicate: 'MET_WITH',
      subject: 'a',
      object: 'b',
      negated: false,
      modality: 'asserted',
      properties: {},
      evidence: [anchor('one', 0)],
      origin: 'stated',
      symmetric: true,
    };
    const merged = mergeFacts([
      { ...base, time: '2025-04-11' },
      // A later fact between the same ends whose data names the plain id: the earlier fact gives way.
      { ...base, time: '2025-04-25', evidence: [anchor('two', 0)], explicitId: 'a--met-with--b' },
      // Stated again, without the id, by a third article: merged, the written id kept.
      { ...base, time: '2025-04-25', evidence: [anchor('three', 4), anchor('three', 4), anchor('two', 0)] },
      { ...base, time: '2025-05-02', evidence: [anchor('four', 1)] },
    ]);
    expect(merged.map((r) => r.id)).toEqual(['a--met-with--b-2', 'a--met-with--b', 'a--met-with--b-3']);
    expect(merged[1]?.evidence.map((e) => `${e.article}@${e.start}`)).toEqual(['two@0', 'three@4']);
    expect(merged.every((r) => !Object.hasOwn(r, 'explicitId'))).toBe(true);
    // Key order is what the snapshot writes: a change here changes every snapshot's bytes.
    expect(Object.keys(merged[0] ?? {})).toEqual(['id', 'predicate', 'subject', 'object', 'negated', 'modality', 'properties', 'evidence', 'origin', 'symmetric', 'time']);
    expect(Object.keys(merged[1] ?? {})).toEqual(['id', 'predicate', 'subject', 'object', 'negated', 'modality', 'properties', 'evidence', 'origin', 'symmetric', 'time']);
  });
});
