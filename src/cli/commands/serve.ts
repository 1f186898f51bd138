/**
 * `newsgraph serve`: GraphQL over HTTP with the playground, until SIGINT or SIGTERM. SIGHUP (and, with
 * --watch, any change to the data directory or the snapshot file) rebuilds the graph and swaps it in without
 * downtime; a failed rebuild keeps the graph being served and logs why.
 */
import { DEFAULT_HOST, DEFAULT_PORT } from '../../api/address.js';
import { defaultDataDir } from '../../build/index.js';
import { NewsgraphError } from '../../errors.js';
import { GRAPH_SOURCE_OPTIONS, type Command } from '../command.js';
import { corpusOf, graphFrom, layerOptionsFrom } from '../graphSource.js';
import { rebuildGraph, type GraphSourceSpec } from '../rebuild.js';
import { watchData, watchSnapshot } from '../watch.js';
import { STORE_OPTION } from './load.js';
import { SERVER_FLAG_OPTIONS, serverOptionsFrom } from '../serverFlags.js';
import { DEFAULT_RECORD_CACHE_BYTES } from '../../store/postgres/recordCache.js';
import { SELECTION_EXPORT_MB_OPTION, selectionLimitsFrom, storeMegabytes } from '../storeFlags.js';

export const serveCommand: Command = {
  name: 'serve',
  usage: 'newsgraph serve [--port N] [--host H] [--data DIR | --snapshot FILE | --store URL [--replica URL...] [--record-cache-mb N]] [--watch] [--max-execution-ms N] [--max-wall-clock-ms N] [--response-cache-mb N] [--export-cache DIR] [--export-cache-mb N] [--export-cache-files N | --no-export-cache]',
  summary: `Serve GraphQL at /graphql, with the playground for browsers (default ${DEFAULT_HOST}:${DEFAULT_PORT}; PORT and HOST work too). SIGHUP reloads.`,
  positionals: 0,
  options: {
    port: { type: 'string', short: 'p', valueName: 'N', description: `TCP port (default: $PORT, else ${DEFAULT_PORT}; 0 picks a free one).` },
    host: { type: 'string', valueName: 'H', description: `Address to listen on (default: $HOST, else ${DEFAULT_HOST}).` },
    store: { ...STORE_OPTION, description: 'Answer from this PostgreSQL database (loaded by `newsgraph load`) instead of building a graph in memory.' },
    replica: { type: 'string', multiple: true, valueName: 'URL', description: 'With --store: read from this streaming replica (repeatable; reads go to the replicas in turn).' },
    'record-cache-mb': { type: 'string', valueName: 'N', description: `With --store: megabytes of heap kept for hubs' large records between requests (default ${DEFAULT_RECORD_CACHE_BYTES / 1024 / 1024}; 0 keeps none).` },
    'selection-export-mb': SELECTION_EXPORT_MB_OPTION,
    watch: { type: 'boolean', short: 'w', description: 'Rebuild (or reload the snapshot) when the data directory, a directory it extends (or the snapshot file) changes; the old graph answers until the new one is ready.' },
    ...GRAPH_SOURCE_OPTIONS,
    ...SERVER_FLAG_OPTIONS,
  },
  // With --store the graph is PostgreSQL's: the server holds none of it.
  corpus: (args) => (args.values['store'] === undefined ? corpusOf(args) : undefined),
  async run(args, io) {
    const portText = stringOption(args.values['port']) ?? process.env['PORT'] ?? String(DEFAULT_PORT);
    const port = Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      throw new NewsgraphError('BAD_USER_INPUT', `the port must be a whole number from 0 to 65535, not "${portText}".`);
    }
    const host = stringOption(args.values['host']) ?? process.env['HOST'] ?? DEFAULT_HOST;
    const storeUrl = stringOption(args.values['store']);
    const replicaValues = args.values['replica'];
    const replicas = Array.isArray(replicaValues) ? replicaValues.map(String) : typeof replicaValues === 'string' ? [replicaValues] : [];
    if (storeUrl === undefined && replicas.length > 0) throw new NewsgraphError('BAD_USER_INPUT', '--replica needs --store (the primary the replicas follow).');
    if (storeUrl !== undefined && ['data', 'snapshot', 'watch', 'extends', 'with-package-entities'].some((name) => args.values[name] !== undefined)) {
      throw new NewsgraphError('BAD_USER_INPUT', '--store serves what `newsgraph load` put in the database: drop --data, --snapshot, --watch and the layer options (load the new data instead).');
    }
    const recordCacheMb = storeMegabytes(args, 'record-cache-mb', "sets the PostgreSQL store's cache", storeUrl, 0);
    const selectionLimits = selectionLimitsFrom(args, storeUrl);
    const serverOptions = await serverOptionsFrom(args);
    if (storeUrl !== undefined) {
      const storeOptions = {
        ...(recordCacheMb === undefined ? {} : { recordCacheBytes: Math.round(recordCacheMb * 1024 * 1024) }),
        ...selectionLimits,
      };
      const { serveFromStore } = await import('./serveStore.js');
      return serveFromStore(storeUrl, replicas, { port, host }, io, storeOptions, serverOptions);
    }
    const snapshotFile = stringOption(args.values['snapshot']);
    const source: GraphSourceSpec = snapshotFile !== undefined ? { kind: 'snapshot', file: snapshotFile } : { kind: 'data', dir: stringOption(args.values['data']), layers: layerOptionsFrom(args) };
    const [graph, { startServer }] = await Promise.all([graphFrom(args), import('../../api/index.js')]);
    // The command owns the signals: it reports them and resolves once the server has drained.
    const server = await startServer({ graph, port, host, handleSignals: false, ...serverOptions });
    const exportCacheDir = serverOptions.exportCache === false ? undefined : serverOptions.exportCache?.dir;
    if (exportCacheDir !== undefined) io.out(`Export cache: ${exportCacheDir}\n`);

    // One reload at a time; changes that arrive during one cause one more afterwards.
    let reloading = false;
    let again: string | undefined;
    const reload = async (why: string): Promise<void> => {
      if (reloading) {
        again = why;
        return;
      }
      reloading = true;
      io.err(`newsgraph: ${why}: rebuilding; still serving ${server.snapshot().id}\n`);
      try {
        const next = await rebuildGraph(source);
        const identity = await server.reload(next);
        io.err(`newsgraph: serving ${identity.id}: ${next.order} entities, ${next.size} relations from ${identity.articleCount} article(s)\n`);
      } catch (error) {
        io.err(`newsgraph: the rebuild failed; still serving ${server.snapshot().id}:\n${error instanceof Error ? error.message : String(error)}\n`);
      } finally {
        reloading = false;
        if (again !== undefined) {
          const next = again;
          again = undefined;
          void reload(next);
        }
      }
    };
    const onHangUp = (): void => void reload('SIGHUP');
    process.on('SIGHUP', onHangUp);
    const stopWatching =
      args.values['watch'] === true
        ? source.kind === 'snapshot'
          ? watchSnapshot(source.file, () => void reload(`${source.file} changed`))
          : watchData(source.dir ?? defaultDataDir(), source.layers, (what) => void reload(`changed: ${what}`))
        : () => {};

    await new Promise<void>((resolve) => {
      const stop = (signal: NodeJS.Signals) => {
        io.err(`\n${signal}: finishing requests in flight, then stopping\n`);
        process.off('SIGHUP', onHangUp);
        stopWatching();
        void server.close().then(resolve);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      // The address last, once the signals are handled: whoever reads it may send one at once (a SIGTERM that came
      // before the listeners ended the process by node's default instead of stopping it with 0).
      io.out(`newsgraph: ${graph.order} entities, ${graph.size} relations, snapshot ${server.snapshot().id}\nExplorer: ${server.url.replace(/\/graphql$/u, '/explore')}\nGraphQL and playground: ${server.url}\n`);
    });
    return 0;
  },
};

function stringOption(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

