/**
 * The typed fields of a list's events over PostgreSQL go together even when they are asked a few turns of the event
 * loop apart, as the API's execution budget asks them once it yields (one field per turn): all the filters share one
 * batch window (sharedWindow.ts), so "who met whom, and where" sends a statement per field, not one per field and event.
 */
import { expect, test } from '@jest/globals';
import type { NewsGraph } from '../../src/graph/types.js';
import { memoryStore } from '../../src/store/index.js';
import { MAX_OPEN_MS } from '../../src/store/postgres/batchWindow.js';
import type { LinkedFilter } from '../../src/store/types.js';
import { describePostgres } from '../utils/postgresCluster.js';
import { postgresFixture } from '../utils/postgresFixture.js';
import { addEntity, addRelation, emptyNewsGraph } from '../utils/sampleGraph.js';

const EVENTS = 24;

/** Meetings with agents, participants, a place, and some called off by someone. */
function meetingsGraph(): NewsGraph {
  const g = emptyNewsGraph();
  for (let p = 0; p < 12; p++) addEntity(g, { id: `person-${p}`, kind: 'PERSON', name: `Person ${p}`, properties: {} });
  for (let p = 0; p < 4; p++) addEntity(g, { id: `place-${p}`, kind: 'PLACE', name: `Place ${p}`, properties: {} });
  let r = 0;
  for (let e = 0; e < EVENTS; e++) {
    const id = `meeting-${e}`;
    addEntity(g, { id, kind: 'EVENT', name: `Meeting ${e}`, properties: { eventType: 'MEETING', status: e % 5 === 0 ? 'cancelled' : 'occurred' } });
    addRelation(g, { id: `r${r++}`, predicate: 'AGENT', subject: id, object: `person-${e % 12}` });
    for (let k = 1; k <= 1 + (e % 3); k++) addRelation(g, { id: `r${r++}`, predicate: 'PARTICIPANT', subject: id, object: `person-${(e + k) % 12}` });
    addRelation(g, { id: `r${r++}`, predicate: 'LOCATION', subject: id, object: `place-${e % 4}` });
    if (e % 5 === 0) addRelation(g, { id: `r${r++}`, predicate: 'CANCELLED', subject: `person-${(e + 5) % 12}`, object: id });
  }
  return g;
}

/** The four typed fields "who met whom, and where" asks of each meeting (event.ts: agents, participants, locations, cancelledBy). */
const FIELDS: readonly LinkedFilter[] = [
  { predicates: ['AGENT'], direction: 'OUT', negated: false },
  { predicates: ['PARTICIPANT'], direction: 'OUT', negated: false },
  { predicates: ['LOCATION'], direction: 'OUT', negated: false },
  { predicates: ['CANCELLED'], direction: 'IN', negated: false },
];

const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describePostgres('typed fields asked turns apart', () => {
  const fixture = postgresFixture(meetingsGraph);

  test('go in a statement per field, with the in-memory store\u2019s answers', async () => {
    await fixture.store.identity();
    const memory = memoryStore(fixture.graph);
    const before = fixture.store.statementCount;
    const started = process.cpuUsage();
    const asked: Array<{ id: string; filter: LinkedFilter; answer: Promise<Array<{ id: string }>> }> = [];
    // As the budget lets them go once it yields: one field per turn, so the same field of the next meeting comes
    // four turns later and twelve with the turns each answer's own fields take (more than IDLE_TURNS).
    for (let e = 0; e < EVENTS; e++) {
      for (const filter of FIELDS) {
        asked.push({ id: `meeting-${e}`, filter, answer: fixture.store.linked(`meeting-${e}`, filter, 10) });
        for (let k = 0; k < 3; k++) await turn();
      }
    }
    const used = process.cpuUsage(started); // the window's MAX_OPEN_MS is this process's CPU time (batchWindow.ts)
    const elapsed = (used.user + used.system) / 1000;
    for (const { id, filter, answer } of asked) {
      expect([id, filter, (await answer).map((x) => x.id)]).toEqual([id, filter, (await memory.linked(id, filter, 10)).map((x) => x.id)]);
    }
    // One statement per field for each window: the window goes when its time runs out (MAX_OPEN_MS of CPU time;
    // the look-ups keep coming), so a window per MAX_OPEN_MS of asking, and the last. Each filter's own window (main's code) sent
    // one statement per meeting and field whatever the time taken (96).
    const statements = fixture.store.statementCount - before;
    expect(statements).toBeLessThanOrEqual(FIELDS.length * (2 + Math.floor(elapsed / MAX_OPEN_MS)));
    expect(statements).toBeLessThan(FIELDS.length * EVENTS);
  });
});
