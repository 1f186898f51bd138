#!/usr/bin/env node
/**
 * Where an explorer view's time goes over PostgreSQL (issue 12, `pgview`): the bench's 100 views
 * (`explore(center, depth: 2, limit: 200) { reachable nodes { id x y } edges { id } }`, bench/postgres.mjs's centres:
 * every (entities / 100)-th entity in graph order), asked of the store directly, one after the other; each statement
 * timed from sending to its rows (by kind: the first words of its text) and the server's CPU per view
 * (`process.cpuUsage`, the JavaScript side: node-postgres's parsing and the store's own work).
 *
 *   node bench/explore-breakdown.mjs --store URL [--dist DIR] [--passes 2] [--fields asked|all] [--timeline] [--best-of N]
 *
 * `--dist` another build's dist/ (main's, for a before/after in the same minutes); `--fields asked` passes what the
 * bench's selection asks (this build's ExploreQuery.fields), `all` none (every field, as the explorer's page asks).
 * A pass's figures are per view: the mean and the p50/p99 of the view's wall time, statements, each kind's time.
 * `--timeline` prints each view's statements with when they started and ended; `--best-of N` runs each statement of
 * the last pass again N times, alone, and sums the best time per kind: PostgreSQL's own time, the least disturbed
 * by the machine's other work (figures from a shared machine are otherwise mostly its load).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const { values } = parseArgs({
  options: {
    store: { type: 'string' },
    dist: { type: 'string', default: 'dist' },
    passes: { type: 'string', default: '2' },
    fields: { type: 'string', default: 'asked' },
    views: { type: 'string', default: '100' },
    timeline: { type: 'boolean', default: false },
    'best-of': { type: 'string', default: '0' },
  },
});
if (values.store === undefined) throw new Error('explore-breakdown: --store URL is required');
const { PostgresStore } = await import(pathToFileURL(resolve(values.dist, 'store/postgres/index.js')).href);
const store = new PostgresStore({ primary: values.store });
const db = store.db;

/** A statement's kind: the words that tell it apart. */
function kindOf(text) {
  if (text.includes('WITH f AS MATERIALIZED')) return 'count in SQL (REST_SQL)';
  if (text.includes('row_number() OVER (ORDER BY a.relation_pos) AS n')) return 'edges scan (SCAN_SQL)';
  if (text.includes('WHERE o.place >= m.place')) return 'edges by pairs (PAIRS_SQL)';
  if (text.includes('e.x, e.y')) return 'nodes (NODES_SQL)';
  if (text.includes('r.pos = ANY($1::int[])')) return 'edge fields (EDGES_SQL)';
  if (text.includes('a.negated, a.traversable')) return 'rings (adjacency scan)';
  if (text.includes('WITH s AS MATERIALIZED')) return 'hub count beside (BESIDE_SQL)';
  if (text.includes('AS seen FROM unnest($2::text[])')) return 'hub count seen (SEEN_SQL)';
  if (text.includes('newsgraph.hub_list')) return 'hub entry (HUB_ENTRY_SQL)';
  return text.replace(/\s+/g, ' ').slice(0, 60);
}

let current = null;
for (const method of ['read', 'readPlanned']) {
  const original = db[method].bind(db);
  db[method] = async (text, params) => {
    const started = process.hrtime.bigint();
    try {
      return await original(text, params);
    } finally {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (current !== null) {
        const kind = kindOf(text);
        current.sent.push({ kind, text, params });
        current.timeline.push({ kind, from: Number(started - current.started) / 1e6, to: Number(process.hrtime.bigint() - current.started) / 1e6 });
        const entry = current.kinds.get(kind) ?? { ms: 0, n: 0 };
        entry.ms += ms;
        entry.n++;
        current.kinds.set(kind, entry);
        current.statements++;
      }
    }
  };
}

const { rows: [{ n }] } = await (await import('pg')).default.Pool.prototype.query.call(
  new (await import('pg')).default.Pool({ connectionString: values.store, max: 1 }),
  'SELECT count(*)::int AS n FROM newsgraph.entity',
);
const views = Number(values.views);
const step = Math.max(1, Math.floor(n / 100));
const pool = new (await import('pg')).default.Pool({ connectionString: values.store, max: 1 });
const { rows: centres } = await pool.query('SELECT id FROM newsgraph.entity WHERE pos % $1 = 0 ORDER BY pos LIMIT $2', [step, views]);
await pool.end();
const fields = values.fields === 'asked' ? { fields: { nodes: ['id', 'x', 'y'], edges: ['id'] }, articles: false } : {};
console.log(`explore-breakdown: ${values.dist}, ${centres.length} views, fields ${values.fields}, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(2)).join(' ')}`);

let lastPass = [];
const pct = (sorted, p) => sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
for (let pass = 1; pass <= Number(values.passes); pass++) {
  const results = [];
  for (const { id } of centres) {
    const started = process.hrtime.bigint();
    current = { kinds: new Map(), statements: 0, timeline: [], sent: [], started };
    const cpu = process.cpuUsage();
    await store.explore({ center: id, depth: 2, limit: 200, ...fields });
    const wall = Number(process.hrtime.bigint() - started) / 1e6;
    const used = process.cpuUsage(cpu);
    results.push({ wall, cpu: (used.user + used.system) / 1000, ...current });
    if (values.timeline && pass === Number(values.passes)) {
      console.log(`${id}: ${wall.toFixed(1)} ms, CPU ${((used.user + used.system) / 1000).toFixed(1)}: ${current.timeline.map((t) => `${t.kind.split(' (')[0]} ${t.from.toFixed(1)}-${t.to.toFixed(1)}`).join(', ')}`);
    }
  }
  current = null;
  lastPass = results;
  const walls = results.map((r) => r.wall).sort((a, b) => a - b);
  const mean = (f) => results.reduce((s, r) => s + f(r), 0) / results.length;
  console.log(`pass ${pass}: view wall p50 ${pct(walls, 50).toFixed(1)} p99 ${pct(walls, 99).toFixed(1)} mean ${mean((r) => r.wall).toFixed(1)} ms; server CPU ${mean((r) => r.cpu).toFixed(1)} ms/view; ${mean((r) => r.statements).toFixed(2)} statements/view`);
  const kinds = new Set(results.flatMap((r) => [...r.kinds.keys()]));
  for (const kind of kinds) {
    const ms = mean((r) => r.kinds.get(kind)?.ms ?? 0);
    const count = mean((r) => r.kinds.get(kind)?.n ?? 0);
    const each = results.flatMap((r) => (r.kinds.get(kind) ? [r.kinds.get(kind).ms / r.kinds.get(kind).n] : [])).sort((a, b) => a - b);
    console.log(`  ${kind.padEnd(32)} ${ms.toFixed(2).padStart(7)} ms/view  ${count.toFixed(2)} statements/view  each p50 ${pct(each, 50)?.toFixed(2)} p99 ${pct(each, 99)?.toFixed(2)}`);
  }
}
const bestOf = Number(values['best-of']);
if (bestOf > 0) {
  // Each statement of the last pass alone, as unnamed statements (planned for their values, as readPlanned does).
  const alone = new (await import('pg')).default.Pool({ connectionString: values.store, max: 1 });
  const sums = new Map();
  let total = 0;
  for (const view of lastPass) {
    for (const { kind, text, params } of view.sent) {
      let best = Infinity;
      for (let i = 0; i < bestOf; i++) {
        const t = process.hrtime.bigint();
        await alone.query({ text, values: params });
        best = Math.min(best, Number(process.hrtime.bigint() - t) / 1e6);
      }
      sums.set(kind, (sums.get(kind) ?? 0) + best);
      total += best;
    }
  }
  await alone.end();
  console.log(`best of ${bestOf}, each statement alone: ${(total / lastPass.length).toFixed(2)} ms/view in all`);
  for (const [kind, ms] of sums) console.log(`  ${kind.padEnd(32)} ${(ms / lastPass.length).toFixed(2).padStart(7)} ms/view`);
}
await store.close();
