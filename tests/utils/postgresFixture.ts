/**
 * The lifecycle every PostgreSQL test file shares, in one call inside its `describePostgres`: before the file, a
 * database of its own in the run's shared cluster (sharedPostgres.ts) with a graph loaded into it; after the file,
 * every store, pool, client and server it opened closed (latest first), then the database dropped. A test file says
 * only what it tests:
 *
 *   describePostgres('what it tests', () => {
 *     const postgres = postgresFixture(someGraph);
 *     test('...', async () => { expect(await postgres.store.entity('x')).toEqual(...); });
 *   });
 */
import { afterAll, beforeAll } from '@jest/globals';
import type { NewsGraph } from '../../src/graph/types.js';
import { memoryStore, type GraphStore } from '../../src/store/index.js';
import { loadGraphIntoPostgres, PostgresStore, type ConnectionOptions, type LoadResult } from '../../src/store/postgres/index.js';
import { postgresDatabase, type PostgresDatabase } from './sharedPostgres.js';

/** What the file opens and the fixture closes after it: a store, a pool (`close`), a pg.Client (`end`), a server. */
export type Closeable = { close(): Promise<unknown> } | { end(): Promise<unknown> };

/** A store's options besides its primary (the file's database). */
export type StoreOptions = Omit<ConnectionOptions, 'primary'> & { readonly recordCacheBytes?: number };

export interface PostgresFixture {
  /** `postgres://...` of the file's own database. */
  readonly url: string;
  /** The graph loaded last: before the file, or by `load` (throws if none was). */
  readonly graph: NewsGraph;
  /** Loads `graph` into the file's database (the stores opened follow it, as after any load); `graph` is it from now on. */
  load(graph: NewsGraph): Promise<LoadResult>;
  /** The in-memory store over `graph`, to compare with (made the first time it is asked for after each load). */
  readonly memory: GraphStore;
  /** A store over the file's database with the default options, opened the first time it is asked for. */
  readonly store: PostgresStore;
  /** Another store over the file's database, closed after the file. */
  open(options?: StoreOptions): PostgresStore;
  /** Closes `thing` after the file, before the database is dropped; returns it. */
  closeAfter<T extends Closeable>(thing: T): T;
}

export interface FixtureOptions {
  /** How the graph is loaded (default: loadGraphIntoPostgres). */
  readonly load?: (url: string, graph: NewsGraph) => Promise<LoadResult>;
  /** The beforeAll's timeout, for a graph that takes long to make or load (default: jest's testTimeout). */
  readonly timeoutMs?: number;
}

/**
 * Registers the file's beforeAll and afterAll (call it in the describe body): a database of the file's own, `graph()`
 * loaded into it when given. The fields are read in tests and hooks, after the beforeAll.
 */
export function postgresFixture(graph?: () => NewsGraph | Promise<NewsGraph>, options: FixtureOptions = {}): PostgresFixture {
  let database: PostgresDatabase | undefined;
  let loaded: NewsGraph | undefined;
  let memory: GraphStore | undefined;
  let store: PostgresStore | undefined;
  const opened: Closeable[] = [];
  let setUp: Promise<void> | undefined;

  beforeAll(() => {
    setUp = (async () => {
      database = await postgresDatabase();
      if (graph !== undefined) await fixture.load(await graph());
    })();
    return setUp;
  }, options.timeoutMs);
  afterAll(async () => {
    // A beforeAll that timed out may still be loading: dropping the database under it would fail the file a second
    // time, with the load's "Connection terminated unexpectedly" instead of the timeout.
    await setUp?.catch(() => undefined);
    try {
      for (const thing of opened.reverse()) await ('close' in thing ? thing.close() : thing.end());
    } finally {
      await database?.stop();
    }
  });

  const ready = (): PostgresDatabase => {
    if (database === undefined) throw new Error('postgresFixture: its database is made in beforeAll; read it in a test or a later hook');
    return database;
  };
  const fixture: PostgresFixture = {
    get url() {
      return ready().url;
    },
    get graph() {
      ready();
      if (loaded === undefined) throw new Error('postgresFixture: no graph was given to load');
      return loaded;
    },
    async load(next) {
      const result = await (options.load ?? loadGraphIntoPostgres)(ready().url, next);
      loaded = next;
      memory = undefined;
      return result;
    },
    get memory() {
      memory ??= memoryStore(fixture.graph);
      return memory;
    },
    get store() {
      store ??= fixture.open();
      return store;
    },
    open(storeOptions = {}) {
      return fixture.closeAfter(new PostgresStore({ ...storeOptions, primary: ready().url }));
    },
    closeAfter(thing) {
      opened.push(thing);
      return thing;
    },
  };
  return fixture;
}
