import { describe, expect, test } from '@jest/globals';
import { toDot } from '../../src/export/dot.js';
import { KIND_LOOK, NEGATED_RGB, hex } from '../../src/export/palette.js';
import { addEntity, sampleGraph } from '../utils/sampleGraph.js';
import { missingGraphviz, readWithGraphviz } from './consumers.js';
import { htmlLabelParts } from './readers/index.js';

const graphviz = missingGraphviz();

describe('Graphviz', () => {
  (graphviz ? test.skip : test)('reads every entity and relation, kinds as shapes and colours, negated dashed', () => {
    const graph = sampleGraph();
    const read = readWithGraphviz(toDot(graph));
    const objects = read.objects ?? [];
    const edges = read.edges ?? [];
    expect(objects).toHaveLength(graph.order);
    expect(edges).toHaveLength(graph.size);
    for (const object of objects) {
      const entity = graph.getNodeAttributes(object.name);
      expect(htmlLabelParts(object.label ?? '').text).toBe(entity.name);
      expect(object.shape).toBe(KIND_LOOK[entity.kind].dotShape);
      expect(object.fillcolor).toBe(hex(KIND_LOOK[entity.kind].rgb));
    }
    const names = new Map(objects.map((o) => [o._gvid, o.name]));
    const negated = edges.filter((e) => e.style === 'dashed');
    expect(negated.map((e) => [names.get(e.tail), names.get(e.head), e.label, e.color])).toEqual(
      expect.arrayContaining([
        ['russia', 'us-framework', 'NOT ENDORSED', hex(NEGATED_RGB)],
        ['ukraine', 'us-framework', 'NOT ENDORSED (reported)', hex(NEGATED_RGB)],
      ]),
    );
    expect(negated).toHaveLength(graph.filterEdges((_k, r) => r.negated).length);
    expect(edges.find((e) => e.label === 'MET_WITH')?.dir).toBe('none');
  });

  (graphviz ? test.skip : test)('an id DOT cannot quote exactly gets a stand-in, and shows under the name', () => {
    const graph = sampleGraph();
    addEntity(graph, { id: 'back\\slash\nid', kind: 'PERSON', name: 'Odd <One>', properties: {} });
    const read = readWithGraphviz(toDot(graph));
    const odd = (read.objects ?? []).find((o) => htmlLabelParts(o.label ?? '').small === 'back\\slash\nid');
    expect(odd?.name).toMatch(/^_n\d+$/);
    expect(htmlLabelParts(odd?.label ?? '').text).toBe('Odd <One>');
  });
});
