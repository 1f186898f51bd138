/**
 * `/export/FORMAT` with `ids`: exactly the entities the explorer has drawn and the relations among them, by GET for
 * a short list or by a POST form body for a long one; bounded, and refused clearly when wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../../src/api/index.js';
import { MAX_EXPORT_IDS } from '../../src/api/http/exportRoute.js';
import { buildGraph } from '../../src/build/index.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/explorer-more', import.meta.url));

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ graph: await buildGraph(FIXTURE), port: 0, handleSignals: false });
}, 60_000);
afterAll(async () => {
  await server.close();
});

const at = (path: string): string => new URL(path, server.url).href;
const post = (path: string, body: string, type = 'application/x-www-form-urlencoded') => fetch(at(path), { method: 'POST', headers: { 'content-type': type }, body });

interface GraphologyJson {
  nodes: { key: string }[];
  edges: { source: string; target: string; attributes: { predicate: string; evidence: unknown[] } }[];
}

describe('/export/FORMAT with ids', () => {
  it('POST exports exactly the listed entities and the relations among them, with evidence', async () => {
    const response = await post('/export/json', new URLSearchParams({ ids: 'anna-berg,harbour-accord,ceasefire-plan' }).toString());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="newsgraph.json"');
    const exported = (await response.json()) as GraphologyJson;
    expect(exported.nodes.map((n) => n.key).sort()).toEqual(['anna-berg', 'ceasefire-plan', 'harbour-accord']);
    expect(exported.edges.map((e) => `${e.source} ${e.attributes.predicate} ${e.target}`).sort()).toEqual(['anna-berg BACKS ceasefire-plan', 'anna-berg BACKS harbour-accord']);
    for (const edge of exported.edges) expect(edge.attributes.evidence.length).toBeGreaterThan(0);
  });

  it('GET takes a short list, and the predicate filter applies to it', async () => {
    const response = await fetch(at('/export/json?ids=tomas-lind,anna-berg,ceasefire-plan&predicate=RESISTS'));
    expect(response.status).toBe(200);
    const exported = (await response.json()) as GraphologyJson;
    expect(exported.nodes.map((n) => n.key).sort()).toEqual(['anna-berg', 'ceasefire-plan', 'tomas-lind']);
    expect(exported.edges.map((e) => e.attributes.predicate)).toEqual(['RESISTS']);
  });

  it('refuses an unknown id, ids with a focus, too many ids and a body that is not a form', async () => {
    const unknown = await post('/export/json', 'ids=anna-berg,nobody-here');
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain('No entity has the id \\"nobody-here\\"');

    const both = await fetch(at('/export/json?ids=anna-berg&focus=anna-berg'));
    expect(both.status).toBe(400);
    expect(await both.text()).toContain('either a list of entity ids or a focus');

    const many = Array.from({ length: MAX_EXPORT_IDS + 1 }, (_, i) => `e${i}`).join(',');
    const tooMany = await post('/export/json', `ids=${many}`);
    expect(tooMany.status).toBe(400);
    expect(await tooMany.text()).toContain(`over the limit of ${MAX_EXPORT_IDS}`);

    const json = await post('/export/json', JSON.stringify({ ids: ['anna-berg'] }), 'application/json');
    expect(json.status).toBe(415);
    expect(await json.text()).toContain('application/x-www-form-urlencoded');
  });
});
