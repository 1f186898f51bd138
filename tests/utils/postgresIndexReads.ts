/**
 * Index entries read, as PostgreSQL's statistics count them: what a test bounds to show that a question reads a few
 * rows of an index rather than a hub's thousands. The counts are the database's own (`pg_stat_user_indexes`), so a
 * file's database in the shared test cluster sees only its own reads.
 */
import type { Connections } from '../../src/store/postgres/connections.js';

/** Entries read so far from the indexes named, summed (the statistics snapshot cleared first, so the count is fresh). */
export async function indexEntriesRead(admin: Connections, indexNames: readonly string[]): Promise<number> {
  await admin.read('SELECT pg_stat_clear_snapshot()');
  const [row] = await admin.read<{ n: string }>('SELECT coalesce(sum(idx_tup_read), 0)::text AS n FROM pg_stat_user_indexes WHERE indexrelname = ANY($1)', [
    [...indexNames],
  ]);
  return Number(row?.n ?? 0);
}

/**
 * Entries read from the indexes named since the count was `before`, once the count has stopped moving: a backend
 * reports its counts to the statistics when its connection ends, a little after, so close the connections that did
 * the reads first. Waits at most `maxWaitMs`; a count still at 0 is waited for to the end.
 */
export async function indexEntriesReadSince(admin: Connections, indexNames: readonly string[], before: number, maxWaitMs = 15_000): Promise<number> {
  let read = 0;
  for (let waited = 0, still = 0; waited < maxWaitMs && still < 4; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = (await indexEntriesRead(admin, indexNames)) - before;
    still = now === read && now > 0 ? still + 1 : 0;
    read = now;
  }
  return read;
}
