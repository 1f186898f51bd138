/**
 * `newsgraph serve` with the graph in memory runs its server in a child node process started with a young
 * generation that never shrinks (docs/design-choices.md, "The server process's young generation") and V8's
 * allocation-site pretenuring off (SERVE_PRETENURING_FLAG). With a large
 * graph in the old generation every minor collection (scavenge) costs more (V8 walks the old generation's pages),
 * and after a quiet spell node's defaults shrink the young generation (from 16 MiB semi-spaces down to 1 MiB) and
 * grow it back only as objects survive, which cached answers hardly leave: measured at 10,000 articles, a scavenge
 * every 110-200 cached answers for many seconds after 80 s idle instead of every 1,500. V8 sizes the young
 * generation when the isolate is made, and `--min-semi-space-size` is refused in NODE_OPTIONS, so the command
 * starts node again, once, with the flags on node's own command line (childProcess.ts).
 *
 * Not re-executed: any other command; `serve --store` (the graph lives in PostgreSQL, the process's heap is small
 * and its memory target tight); a user who gave a semi-space flag of their own (theirs win); a process run under
 * the inspector or a profiler (the tool would be attached to the wrong process); Windows (no signals to forward);
 * and whenever NEWSGRAPH_SERVE_NODE_DEFAULTS=1 asks for node's defaults.
 */
import { canRunAgain, type ProcessFacts } from './childProcess.js';

/**
 * The semi-space size in MiB, min and max alike: node's own maximum, held from the start. Measured at 10,000
 * articles against node's defaults and 32, 64 and 128 MiB for the cached answer's CPU and the server's resident
 * memory: larger semi-spaces made fewer scavenges but dearer answers (35-36 µs of CPU at 64 MiB against 30-32 at
 * 16, once settled) and cost 1.75x their size in RSS (docs/design-choices.md).
 */
export const SERVE_SEMI_SPACE_MIB = 16;

/**
 * V8's allocation-site pretenuring off. V8 watches the objects each object or array literal makes; when at least 85%
 * of 100 or more survive a minor collection it allocates that literal's objects in the old generation from then on,
 * and it hardly ever takes that back. Building a large export (the focused Turtle export at 10,000 articles, 44 MB)
 * could tip a literal that every cached answer also runs through: from then on each answer left an object in the
 * old generation that kept its young objects alive through every minor collection (all of them copied, 3 MB
 * promoted per collection, a collection 5-7 ms instead of 1.7, the heap growing until a full one), and a cached
 * answer cost 30-47 µs of CPU instead of 22-25 until the server stopped. Whether it tipped depended on where the
 * collections fell (9 servers of 14 that built that export).
 * Off, the load, the export and the resident memory measured the same (docs/design-choices.md, `hitexport`).
 */
export const SERVE_PRETENURING_FLAG = '--no-allocation-site-pretenuring';

/** The V8 flags the server process is started with. */
export const SERVE_NODE_FLAGS: readonly string[] = [`--min-semi-space-size=${SERVE_SEMI_SPACE_MIB}`, `--max-semi-space-size=${SERVE_SEMI_SPACE_MIB}`, SERVE_PRETENURING_FLAG];

/** Set to 1 (or any value but 0 or empty): serve in this process, with node's own young generation. */
export const NODE_DEFAULTS_ENV = 'NEWSGRAPH_SERVE_NODE_DEFAULTS';

const SEMI_SPACE_FLAG = /--(?:min|max)[-_]semi[-_]space[-_]size/u;

/** Whether this command line should be served from a child process started with SERVE_NODE_FLAGS. */
export function shouldRespawnServe(facts: ProcessFacts): boolean {
  const { argv, execArgv, env } = facts;
  if (argv[0] !== 'serve' || !canRunAgain(facts)) return false;
  const optionsEnd = argv.indexOf('--');
  const options = optionsEnd === -1 ? argv.slice(1) : argv.slice(1, optionsEnd);
  if (options.some((arg) => arg === '--store' || arg.startsWith('--store=') || arg === '--help' || arg === '-h')) return false;
  const optOut = env[NODE_DEFAULTS_ENV];
  if (optOut !== undefined && optOut !== '' && optOut !== '0') return false;
  if (execArgv.some((flag) => SEMI_SPACE_FLAG.test(flag))) return false;
  if (SEMI_SPACE_FLAG.test(env['NODE_OPTIONS'] ?? '')) return false;
  return true;
}
