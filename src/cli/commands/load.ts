/**
 * `newsgraph load --store postgres://... [DATA_DIR | --snapshot FILE]`: builds the graph (or reads a snapshot,
 * record by record, never decoding it into a graph) and loads it into PostgreSQL with COPY, with a progress bar
 * per stage (reading, rows, indexes). Atomic: the servers reading that database see the previous corpus until the
 * load commits, and keep it if the load fails or is killed.
 */
import { NewsgraphError } from '../../errors.js';
import { createProgress, type Progress, type ProgressCallback } from '../../progress.js';
import type { LoadOptions } from '../../store/postgres/index.js';
import { GRAPH_SOURCE_OPTIONS, type Command, type CommandArgs } from '../command.js';
import { corpusOf, graphFrom, layerOptionsFrom } from '../graphSource.js';

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
  corpus: (args) => corpusOf(args, args.positionals[0]),
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
    const snapshot = args.values['snapshot'];
    const stages = new StageProgress();
    const started = Date.now();
    const { loadGraphIntoPostgres, loadSnapshotIntoPostgres } = await import('../../store/postgres/index.js');
    let result;
    try {
      if (typeof snapshot === 'string' && dir === undefined) {
        refuseBuildOptions(args);
        result = await loadSnapshotIntoPostgres(store, snapshot, stages.options());
      } else {
        const graph = await graphFrom(dir === undefined ? args : { ...args, values: { ...args.values, data: dir } });
        result = await loadGraphIntoPostgres(store, graph, stages.options());
      }
      stages.finish();
    } catch (error) {
      stages.abandon();
      throw error;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.out(`newsgraph: loaded ${result.entities} entities, ${result.relations} relations (${result.rows} rows) into schema ${result.schema} in ${seconds} s; serving ${result.identity.id}\n`);
    return 0;
  },
};

/** One bar per stage of a load, each made when its stage reports first and finished when the next one starts. */
class StageProgress {
  private current: Progress | undefined;
  private label = '';

  private stage(label: string): ProgressCallback {
    return (done, total) => {
      if (this.label !== label) {
        this.current?.finish();
        this.current = createProgress(label, total);
        this.label = label;
      }
      this.current?.update(done);
    };
  }

  options(): LoadOptions {
    return { onRead: this.stage('load: reading records'), onProgress: this.stage('load: rows'), onIndexes: this.stage('load: indexes and switch') };
  }

  finish(): void {
    this.current?.finish();
  }

  abandon(): void {
    this.current?.abandon();
  }
}

/** A snapshot is already built: options that apply when building contradict it (as graphFrom says for every command). */
function refuseBuildOptions(args: CommandArgs): void {
  if (typeof args.values['data'] === 'string') {
    throw new NewsgraphError('BAD_USER_INPUT', '--data and --snapshot both name a graph: give one (--data DIR builds it, --snapshot FILE loads a built one).');
  }
  const layers = layerOptionsFrom(args);
  if (layers.withPackageEntities || layers.extends) {
    throw new NewsgraphError('BAD_USER_INPUT', '--with-package-entities and --extends apply when building; a snapshot is already built (drop them, or use --data).');
  }
}
