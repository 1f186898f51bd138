/**
 * The loaded corpus's figures (`meta`: identity, counts) kept by the store while they are known to be current, so
 * that the identity the server asks for on every request costs no round-trip.
 *
 * They change only when a load switches the reader views to a new schema, in the transaction that commits it; the
 * loader then sends `NOTIFY newsgraph_load` (delivered at that commit). A store reading from the primary alone
 * LISTENs on one extra connection and drops its copy when told (and reads it again every TRUST_NOTIFICATIONS_MS
 * anyway); until it is listening (or when the listening connection is lost, or cannot be had), every call reads
 * the figures again, one small row, as before. A store reading from replicas always reads again: a replica replays the switch a little
 * after the primary notifies, and a copy refreshed in between would be the previous corpus's, kept.
 *
 * Alternatives rejected: a time-to-live (a new load would be served under the previous identity for that long);
 * a check of the schema name per request (still a round-trip per request, which is what this removes).
 */
import pg from 'pg';
import { NewsgraphError } from '../../errors.js';
import { APPLICATION_NAME, type ConnectionOptions, type Connections } from './connections.js';
import type { CorpusMeta } from './load.js';
import { LOAD_CHANNEL } from './schema.js';

/** After the listening connection fails, how long to read the figures on every call before trying again. */
const RETRY_LISTEN_MS = 5_000;
/**
 * Even while listening, the figures are read again after this long: a notification can be lost where the store
 * cannot tell (a pooler in transaction mode runs LISTEN on a connection it then lends to others), and this bounds
 * how long a new load could go unseen then, for one small read per interval.
 */
export const TRUST_NOTIFICATIONS_MS = 10_000;

export class CorpusMetaCache {
  private cached: CorpusMeta | undefined;
  private cachedAt = 0;
  /** Bumped by every notification: a read that started before one must not be kept. */
  private generation = 0;
  private listener: pg.Client | undefined;
  private listening = false;
  private starting: Promise<void> | undefined;
  private retryAt = 0;
  private closed = false;
  private readonly mayListen: boolean;
  private reads = 0;

  /** The identity last read: a different one means the corpus changed. */
  private lastIdentity: string | undefined;

  /** @param onChange called when the corpus served may have changed (what was read from the previous one is stale) */
  constructor(
    private readonly db: Connections,
    private readonly options: ConnectionOptions,
    private readonly onChange: () => void = () => undefined,
  ) {
    this.mayListen = (options.replicas ?? []).length === 0;
  }

  /** Times the figures were read from the database (for tests: a cached read costs none). */
  get readCount(): number {
    return this.reads;
  }

  /** True while notifications keep the copy current. */
  get isListening(): boolean {
    return this.listening;
  }

  /** @throws NewsgraphError NOT_FOUND when nothing has been loaded into this database yet. */
  async meta(): Promise<CorpusMeta> {
    if (this.mayListen && !this.listening && !this.closed && Date.now() >= this.retryAt) await this.listen();
    if (this.listening && this.cached !== undefined && Date.now() - this.cachedAt < TRUST_NOTIFICATIONS_MS) return this.cached;
    const generation = this.generation;
    const meta = await this.read();
    if (this.listening && generation === this.generation) {
      this.cached = meta;
      this.cachedAt = Date.now();
    }
    return meta;
  }

  private async read(): Promise<CorpusMeta> {
    this.reads++;
    let rows: Array<{ value: CorpusMeta }>;
    try {
      rows = await this.db.read<{ value: CorpusMeta }>(`SELECT value FROM newsgraph.meta WHERE key = 'corpus'`);
    } catch (error) {
      // 42P01 undefined_table, 3F000 invalid_schema_name: no load has committed here yet.
      const code = (error as { code?: unknown }).code;
      if (code === '42P01' || code === '3F000') throw new NewsgraphError('NOT_FOUND', 'postgres store: no corpus is loaded in this database; run `newsgraph load --store URL DATA_DIR` first.');
      throw error;
    }
    const meta = rows[0]?.value;
    if (meta === undefined) throw new NewsgraphError('NOT_FOUND', 'postgres store: the loaded corpus has no metadata; load it again.');
    if (meta.identity.id !== this.lastIdentity) {
      if (this.lastIdentity !== undefined) this.onChange();
      this.lastIdentity = meta.identity.id;
    }
    return meta;
  }

  /** Starts listening (once at a time); on failure, reads on every call until RETRY_LISTEN_MS have passed. */
  private listen(): Promise<void> {
    this.starting ??= this.connectListener().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private async connectListener(): Promise<void> {
    const client = new pg.Client({ connectionString: this.options.primary, application_name: `${APPLICATION_NAME}-listen` });
    const lost = (): void => {
      if (this.listener !== client) return;
      this.listener = undefined;
      this.listening = false;
      this.cached = undefined;
      this.generation++;
      this.retryAt = Date.now() + RETRY_LISTEN_MS;
      this.onChange(); // a notification may have been missed
    };
    client.on('notification', () => {
      this.cached = undefined;
      this.generation++;
      this.onChange();
    });
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${LOAD_CHANNEL}`);
    } catch {
      this.retryAt = Date.now() + RETRY_LISTEN_MS;
      await client.end().catch(() => undefined);
      return;
    }
    if (this.closed) {
      await client.end().catch(() => undefined);
      return;
    }
    this.listener = client;
    this.listening = true;
    // Whatever was cached before listening may be stale: read again.
    this.cached = undefined;
    this.generation++;
    this.onChange();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.starting;
    const client = this.listener;
    this.listener = undefined;
    this.listening = false;
    this.cached = undefined;
    await client?.end().catch(() => undefined);
  }
}
