/** `newsgraph query 'GRAPHQL' [--variables JSON] [--file F]`: one operation in-process, JSON out. */
import { readFile } from 'node:fs/promises';
import { NewsgraphError } from '../../errors.js';
import { GRAPH_SOURCE_OPTIONS, type Command } from '../command.js';
import { corpusOf, graphFrom } from '../graphSource.js';

export const queryCommand: Command = {
  name: 'query',
  usage: "newsgraph query 'GRAPHQL' [--variables JSON] | --file FILE.graphql",
  summary: 'Run one GraphQL operation in-process and print the JSON result; a GraphQL error exits 1.',
  positionals: 1,
  options: {
    variables: { type: 'string', short: 'v', valueName: 'JSON', description: 'Variables as a JSON object.' },
    file: { type: 'string', valueName: 'FILE', description: 'Read the operation from a .graphql file.' },
    operation: { type: 'string', valueName: 'NAME', description: 'Which operation of the document to run.' },
    ...GRAPH_SOURCE_OPTIONS,
  },
  corpus: (args) => corpusOf(args),
  async run(args, io) {
    const file = args.values['file'];
    const inline = args.positionals[0];
    if ((typeof file === 'string') === (inline !== undefined)) {
      throw new NewsgraphError('BAD_USER_INPUT', "give the operation either as an argument or with --file, e.g. newsgraph query '{ articles { title } }'.");
    }
    const source = typeof file === 'string' ? await readFile(file, 'utf8') : (inline ?? '');
    const variables = parseVariables(args.values['variables']);
    const operationName = typeof args.values['operation'] === 'string' ? args.values['operation'] : undefined;
    const [graph, { executeQuery }] = await Promise.all([graphFrom(args), import('../../api/index.js')]);
    const result = await executeQuery(graph, source, { variables, operationName });
    io.out(`${JSON.stringify(result, null, 2)}\n`);
    return result.errors && result.errors.length > 0 ? 1 : 0;
  },
};

function parseVariables(text: unknown): Record<string, unknown> | undefined {
  if (typeof text !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new NewsgraphError('BAD_USER_INPUT', `--variables is not JSON: ${(error as Error).message}.`);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new NewsgraphError('BAD_USER_INPUT', '--variables must be a JSON object, e.g. {"id": "ukraine"}.');
  }
  return parsed as Record<string, unknown>;
}
