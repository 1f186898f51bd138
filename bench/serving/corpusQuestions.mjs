// The questions `npm run bench` asks over HTTP (bench/run.mjs, bench/serving/main.mjs): the playground's, four
// that name the corpus's own entities, and (for the full run) a focused Turtle export.
import { PLAYGROUND_EXAMPLES } from '../../dist/api/examples.js';

/** `graph` is the loaded corpus; `exportFocus` adds `GET /export/turtle?focus=` a middling person. */
export function corpusQuestions(graph, { exportFocus = false } = {}) {
  const people = graph.filterNodes((_key, e) => e.kind === 'PERSON').map((key) => graph.getNodeAttributes(key)).sort((x, y) => y.articles.length - x.articles.length || (x.id < y.id ? -1 : 1));
  const top = people[0];
  const middle = people[Math.floor(people.length / 2)];
  return [
    ...PLAYGROUND_EXAMPLES.map((e) => ({ name: e.operationName, query: e.query, variables: e.variables, operationName: e.operationName })),
    { name: 'SearchTopPerson', query: 'query S($t: String!) { search(text: $t, limit: 10) { id name kind } }', variables: { t: top.name.split(' ')[1] } },
    { name: 'PeoplePage', query: '{ entities(kind: PERSON, first: 50) { totalCount edges { cursor node { id name } } } }' },
    { name: 'EntityWithEvidence', query: 'query E($id: ID!) { entity(id: $id) { name description evidence { exact sentence article { id published } } } }', variables: { id: middle.id } },
    { name: 'Snapshot', query: '{ snapshot { id builtAt articleCount } }' },
    ...(exportFocus ? [{ name: 'GET /export/turtle?focus', path: `/export/turtle?focus=${encodeURIComponent(middle.id)}` }] : []),
  ];
}
