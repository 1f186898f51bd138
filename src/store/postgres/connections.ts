/**
 * The connections a PostgreSQL store reads through: one pool for the primary, and one per streaming replica when
 * given, read in turn (round-robin). Every statement is sent as a named prepared statement, its name derived from
 * its text, so each connection parses and plans it once and then only binds values.
 */
import { createHash } from 'node:crypto';
import pg from 'pg';

export interface ConnectionOptions {
  /** `postgres://...` of the primary (loads write there; reads too when there is no replica). */
  readonly primary: string;
  /** `postgres://...` of streaming replicas: when given, every read goes to them, in turn. */
  readonly replicas?: readonly string[];
  /** Connections per pool. @default 10 */
  readonly poolSize?: number;
}

/** How the store's connections name themselves in pg_stat_activity. */
export const APPLICATION_NAME = 'newsgraph-store';

/**
 * What every read connection sets first. `jit = off`: PostgreSQL compiles a statement whose estimated cost passes
 * jit_above_cost (100,000 by default) to machine code, 35-50 ms each time it runs, and some of the store's statements
 * are estimated past it by branches that never run (a hub's other plan, behind a one-time filter). At 100,000
 * articles, "Who has not endorsed" with the corpus's proposal took 46-53 ms a request, 40 of them compiling a
 * statement that runs in 3 ms; whether a statement crosses the line depended on ANALYZE's sample, so from one load to
 * the next. A server without JIT (before PostgreSQL 11) refuses the setting: that is ignored.
 */
export const SESSION_SETTINGS = 'SET jit = off';

/**
 * How long a pool keeps a connection no read uses. A new connection is a new PostgreSQL backend, which reads the
 * catalog again and parses and plans every statement again: at 100,000 articles the explorer's views were answered at
 * a p50 of 27 ms by connections already used, 43-53 ms by new ones (the same 100 views, one server). With node-
 * postgres's 10 s, a reader who paused longer than that between two questions met new connections every time.
 */
const IDLE_MS = 5 * 60_000;

const noResult = (): void => undefined;

const names = new Map<string, string>();

/** A statement's name: the same text always gets the same name, as node-postgres requires. */
function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `ng_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    names.set(text, name);
  }
  return name;
}

export class Connections {
  private readonly primaryPool: pg.Pool;
  private readonly readers: readonly pg.Pool[];
  private next = 0;
  private statements = 0;

  constructor(options: ConnectionOptions) {
    const make = (connectionString: string): pg.Pool => {
      const pool = new pg.Pool({
        connectionString,
        max: options.poolSize ?? 10,
        idleTimeoutMillis: IDLE_MS,
        // A connection idle for minutes behind a NAT or load balancer would be dropped silently, and found dead only
        // by the next read: TCP keepalives keep it open, or let the system find it dead first.
        keepAlive: true,
        keepAliveInitialDelayMillis: 60_000,
        application_name: APPLICATION_NAME,
        // SESSION_SETTINGS on a new connection before the pool hands it out (the pool awaits this hook): sent from the
        // 'connect' event instead, it was still running when the first read was sent on the same connection, which
        // node-postgres queues but reports as deprecated (to be refused in pg 9).
        onConnect: (client) => client.query(SESSION_SETTINGS).then(noResult, noResult),
      });
      // An idle connection that the server drops (a restart) must not crash the process; the pool replaces it.
      pool.on('error', () => undefined);
      return pool;
    };
    this.primaryPool = make(options.primary);
    this.readers = (options.replicas ?? []).map(make);
  }

  /** The pool the next read goes to. */
  private reader(): pg.Pool {
    if (this.readers.length === 0) return this.primaryPool;
    const pool = this.readers[this.next % this.readers.length] ?? this.primaryPool;
    this.next = (this.next + 1) % this.readers.length;
    return pool;
  }

  /** Runs a read as a named prepared statement on the next reader. */
  async read<R extends pg.QueryResultRow>(text: string, values: readonly unknown[] = []): Promise<R[]> {
    this.statements++;
    const result = await this.reader().query<R>({ name: statementName(text), text, values: [...values] });
    return result.rows;
  }

  /**
   * Runs a read as an unnamed statement, planned for its values each time: for a statement whose plan must see its
   * values (a long `= ANY($n)` list is only hashed when the planner sees it as a constant; a prepared statement's
   * generic plan tests it element by element, 10 to 20 times slower on thousands of rows: exploreEdges.ts).
   */
  async readPlanned<R extends pg.QueryResultRow>(text: string, values: readonly unknown[] = []): Promise<R[]> {
    this.statements++;
    const result = await this.reader().query<R>({ text, values: [...values] });
    return result.rows;
  }

  /** Statements sent so far (each one round-trip): what batching keeps from growing with an answer's size. */
  get statementCount(): number {
    return this.statements;
  }

  /** How many readers (replicas, else the primary alone). */
  get readerCount(): number {
    return Math.max(1, this.readers.length);
  }

  async close(): Promise<void> {
    await Promise.all([this.primaryPool.end(), ...this.readers.map((p) => p.end())]);
  }
}
