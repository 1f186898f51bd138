// A synthetic corpus-sized graph for the query benchmark (no articles to parse: made directly in graphology).
import graphology from 'graphology';

const { MultiDirectedGraph } = graphology;

// A synthetic corpus-sized graph: entities with a name and two aliases each (about 3 names per entity, as
// the corpus has), relations whose ends follow a Zipf-like law (a few hubs in thousands of relations).

export function syntheticGraph(entityCount, relationCount) {
  // mulberry32: a small, well-mixed deterministic generator.
  let seed = 42;
  const random = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const syllables = ['ka', 'lo', 'mi', 'sto', 're', 'vin', 'dra', 'po', 'lu', 'gahr', 'ny', 'ze', 'ol', 'ska', 'ber', 'tin', 'mar', 'ova', 'ić', 'øy'];
  const word = () => {
    const n = 2 + Math.floor(random() * 3);
    let w = '';
    for (let i = 0; i < n; i++) w += syllables[Math.floor(random() * syllables.length)];
    return w[0].toUpperCase() + w.slice(1);
  };
  const kinds = ['PERSON', 'PERSON', 'PERSON', 'GOVERNMENT', 'ORGANIZATION', 'GROUP', 'PLACE', 'PROPOSAL'];
  const article = { id: 'synthetic', title: 'Synthetic', text: 'x', sentences: [{ start: 0, end: 1 }], published: '2025-01-01' };
  const anchor = { article: 'synthetic', exact: 'x', prefix: '', suffix: '', start: 0, end: 1, sentence: 0 };
  const graph = new MultiDirectedGraph({ allowSelfLoops: true });
  graph.setAttribute('articles', [article]);
  const ids = [];
  for (let i = 0; i < entityCount; i++) {
    const first = word();
    const last = word();
    const id = `e${i}`;
    ids.push(id);
    graph.addNode(id, {
      id,
      kind: kinds[i % kinds.length],
      name: `${first} ${last}`,
      aliases: [last, `${first[0]}. ${last} ${word()}`],
      properties: {},
      evidence: [anchor],
      articles: ['synthetic'],
    });
  }
  const zipf = () => ids[Math.min(entityCount - 1, Math.floor(entityCount ** random()) - 1)];
  for (let i = 0; i < relationCount; i++) {
    const subject = zipf();
    let object = ids[Math.floor(random() * entityCount)];
    if (object === subject) object = ids[(Number(subject.slice(1)) + 1) % entityCount];
    const id = `r${i}`;
    graph.addDirectedEdgeWithKey(id, subject, object, {
      id,
      predicate: 'MET_WITH',
      subject,
      object,
      negated: false,
      modality: 'asserted',
      properties: {},
      evidence: [anchor],
      origin: 'stated',
      symmetric: false,
    });
  }
  return graph;
}

