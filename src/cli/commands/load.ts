/**
 * `newsgraph load --store postgres://... [DATA_DIR | --snapshot FILE]`: builds the graph (or reads a snapshot) and
 * loads it into PostgreSQL with COPY, with a progress bar. Atomic: the servers reading that database see the
 * previous corpus until the load commits, and keep it if the load fails or is killed.
 */
import { NewsgraphError } from '../../errors.js';
import { createProgress } from '../../progress.js';
import { loadGraphIntoPostgres } from '../../store/postgres/index.js';
import { GRAPH_SOURCE_OPTIONS, type Command } from '../command.js';
import { graphFrom } from '../graphSource.js';

export const STORE_OPTION = {
  type: 'string',
  valueName: 'URL',
  description: 'A PostgreSQL connection string (postgres://user@host:port/db; PGPASSWORD and the other PG* variables work too).',
} as const;

export const loadCommand: Command = {
  name: 'load',
  usage: 'newsgraph load --store postgres://... [DATA_DIR | --data DIR | --snapshot FILE]',
  summary: 'Load the built graph into PostgreSQL for `serve --store` (atomic: servers keep the previous corpus until it commits).',
  options: { store: STORE_OPTION, ...GRAPH_SOURCE_OPTIONS },
  async run(args, io) {
    const store = args.values['store'];
    if (typeof store !== 'string' || store === '') {
      throw new NewsgraphError('BAD_USER_INPUT', 'load: --store URL is required (postgres://user@host:port/database).');
    }
    if (args.positionals.length > 1) throw new NewsgraphError('BAD_USER_INPUT', `load: one data directory at most, not ${args.positionals.length}.`);
    const [dir] = args.positionals;
    if (dir !== undefined && (typeof args.values['data'] === 'string' || typeof args.values['snapshot'] === 'string')) {
      throw new NewsgraphError('BAD_USER_INPUT', 'load: give the data directory either as DATA_DIR or with --data/--snapshot, not both.');
    }
    const graph = await graphFrom(dir === undefined ? args : { ...args, values: { ...args.values, data: dir } });
    let progress: ReturnType<typeof createProgress> | undefined;
    const started = Date.now();
    const result = await loadGraphIntoPostgres(store, graph, {
      onProgress: (done, total) => {
        progress ??= createProgress('load: rows', total);
        progress.update(done);
      },
    });
    progress?.finish();
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.out(`newsgraph: loaded ${graph.order} entities, ${graph.size} relations (${result.rows} rows) into schema ${result.schema} in ${seconds} s; serving ${result.identity.id}\n`);
    return 0;
  },
};
