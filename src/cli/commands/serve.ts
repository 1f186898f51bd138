/** `newsgraph serve`: GraphQL over HTTP with the playground, until SIGINT or SIGTERM. */
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from '../../api/index.js';
import { NewsgraphError } from '../../errors.js';
import { GRAPH_SOURCE_OPTIONS, type Command } from '../command.js';
import { graphFrom } from '../graphSource.js';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'newsgraph serve [--port N] [--host H] [--data DIR | --snapshot FILE]',
  summary: `Serve GraphQL at /graphql, with the playground for browsers (default ${DEFAULT_HOST}:${DEFAULT_PORT}; PORT and HOST work too).`,
  options: {
    port: { type: 'string', short: 'p', valueName: 'N', description: `TCP port (default: $PORT, else ${DEFAULT_PORT}; 0 picks a free one).` },
    host: { type: 'string', valueName: 'H', description: `Address to listen on (default: $HOST, else ${DEFAULT_HOST}).` },
    ...GRAPH_SOURCE_OPTIONS,
  },
  async run(args, io) {
    const portText = stringOption(args.values['port']) ?? process.env['PORT'] ?? String(DEFAULT_PORT);
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      throw new NewsgraphError('BAD_USER_INPUT', `the port must be a whole number from 0 to 65535, not "${portText}".`);
    }
    const host = stringOption(args.values['host']) ?? process.env['HOST'] ?? DEFAULT_HOST;
    const graph = await graphFrom(args);
    // The command owns the signals: it reports them and resolves once the server has drained.
    const server = await startServer({ graph, port, host, handleSignals: false });
    io.out(`newsgraph: ${graph.order} entities, ${graph.size} relations\nGraphQL and playground: ${server.url}\n`);
    await new Promise<void>((resolve) => {
      const stop = (signal: NodeJS.Signals) => {
        io.err(`\n${signal}: finishing requests in flight, then stopping\n`);
        void server.close().then(resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};

function stringOption(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}
