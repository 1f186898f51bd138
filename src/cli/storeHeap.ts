/**
 * The heap of a process that reads a PostgreSQL store (serve --store, export --store): kept near what is live. Such a
 * process holds little for long (a page of records, an answer), and makes garbage fast.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * How much V8 lets the heap grow past what the last full collection left, in percent. Left to itself, on a machine
 * with gigabytes to spare V8 lets the heap reach up to four times what was live before it collects again: a server
 * over PostgreSQL with 130 MB live was seen at 1.06 GB resident at 100,000 articles, nearly all of it garbage of
 * requests already answered (docs/design-choices.md "The PostgreSQL server's memory"). `export --store` of csv at
 * 100,000 articles peaked at 569 MB resident (cypher 332 MB) without it, 274 MB (207 MB) with it, in the same time.
 * 20% keeps the heap near what is live, for more frequent collections (each one short: little is live). A soft
 * bound, unlike --max-old-space-size, which would stop the process on a request that needs more.
 */
export const STORE_HEAP_GROWING_PERCENT = 20;

/** Sets STORE_HEAP_GROWING_PERCENT, unless node's command line gives a value (which wins). */
export function keepHeapNearLive(): void {
  // Read by V8 at each full collection, so it takes effect from the next one.
  if (!process.execArgv.some((arg) => /^--heap[-_]growing[-_]percent/u.test(arg))) setFlagsFromString(`--heap-growing-percent=${STORE_HEAP_GROWING_PERCENT}`);
}
