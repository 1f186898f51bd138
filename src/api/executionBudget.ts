/**
 * An execution budget per operation: its own working time, a wall-clock ceiling, and bytes of answer.
 * graphql-js runs synchronous resolvers one after another without returning to the event loop, so one costly
 * operation used to block every other client (issue 11: 17 s). Every field resolver is wrapped here so that,
 * between resolvers:
 * - the operation is stopped, with one coded error, once its working time (`maxExecutionMs`), its wall-clock
 *   ceiling (`maxWallClockMs`) or its estimated answer size (`maxResponseBytes`) is spent;
 * - after each slice of YIELD_EVERY_MS of work it yields to the event loop (the resolver's value is
 *   returned through a promise), so that other requests are served in between; the fields an operation defers in
 *   one slice share one turn (`sharedTurn`), and waiting operations are let go one per turn of the loop, so that
 *   I/O is polled between any two slices.
 *
 * Working time is the time the operation's own code runs: it is counted in runs, from the moment the operation's
 * code starts running (execution starts, a yielded continuation gets its turn, a resolver's promise settles, or a
 * field of this operation comes after another operation's) to its last clock reading before it stops. What other
 * operations do while it waits for its turn, and the time the event loop sits idle waiting for the database
 * (node's `performance.nodeTiming.idleTime`), are not charged: under overload ten interleaved operations were each
 * charged the others' slices and refused after most of their work; over PostgreSQL the waits for the server were.
 * The ceiling bounds what that count cannot see: a wait that never ends (a timer rejects every promise of the
 * operation still pending then) or an operation starved by others.
 *
 * The budget lives in a WeakMap keyed by the operation's context object, given by the request guards
 * (requestGuards.ts: `startBudget`, `endBudget`, `replaceStoppedAnswer`); an operation without one (e.g. a bare
 * `graphql()` call on the schema) runs unbounded, as before.
 */
import { performance } from 'node:perf_hooks';
import { defaultFieldResolver, getNamedType, GraphQLError, isLeafType, isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';
import { WALL_CLOCK_FACTOR } from './limits.js';

/** Work done between two yields to the event loop. */
export const YIELD_EVERY_MS = 4;

/**
 * One code per limit: the working-time budget (ask for less), the wall-clock ceiling (the server or its database
 * is too slow now: ask again later; asking for less may not help), and the answer's size.
 */
export const BUDGET_CODES = Object.freeze({ time: 'EXECUTION_TIMEOUT', ceiling: 'EXECUTION_CEILING', bytes: 'RESPONSE_TOO_LARGE' } as const);
export type BudgetCode = (typeof BUDGET_CODES)[keyof typeof BUDGET_CODES];

/** The refusal of an operation that ran out of budget; the whole answer is replaced by this one error. */
export class BudgetError extends GraphQLError {
  readonly code: BudgetCode;
  readonly limit: number;
  constructor(code: BudgetCode, limit: number, message: string) {
    // A path makes graphql-js treat it as already located: every field that fails after the stop rethrows this
    // one error instead of wrapping it in a new one (a stack trace each), which cost 100 ms and more.
    super(message, { path: [], extensions: { code, limit } });
    this.name = 'BudgetError';
    this.code = code;
    this.limit = limit;
  }
}

/**
 * The clock is read at every field that does work (every field with a resolver, and every field that leads to an
 * object or a list of them; not at leaves read from their parent's record): about 0.1 µs each. It used to be read
 * every 16 fields, which was enough for a deadline in wall time, but not to count working time: a continuation that
 * gets its turn often runs only 5 to 7 fields before the next operation's, and with 16 fields between readings the
 * work of those short runs was never counted (two large operations at once were each charged 40 ms of 250).
 */

/** Milliseconds the event loop has spent waiting for I/O with nothing to run, since the process started. */
const { nodeTiming } = performance;
const idleTime = (): number => nodeTiming.idleTime;

/** The operation whose code ran last: a field of another one means that this one stopped in between. */
let running: Budget | undefined;

/** What a budget has used so far (for the refusal's message, logs and tests). */
export interface BudgetUse {
  /** Milliseconds of the operation's own work. */
  readonly workMs: number;
  /** Milliseconds since execution started. */
  readonly wallMs: number;
}

class Budget {
  private readonly started = performance.now();
  /** The process's CPU time when the operation started (see spentAtMostCpu). */
  private readonly cpuAtStart = process.cpuUsage();
  private readonly wallDeadline: number;
  /** Milliseconds of own work, up to `mark`. */
  private spent = 0;
  /** The clock, and the loop's idle time, when work was last charged (or a run began). */
  private mark = this.started;
  private idleMark = idleTime();
  private bytes = 0;
  private sliceStart = this.started;
  /** The clock as last read. */
  private now = this.started;
  /** Rejects the promises of this operation still pending when the ceiling passes; started at the first one. */
  private ceilingTimer: NodeJS.Timeout | undefined;
  private readonly pending = new Set<(error: BudgetError) => void>();
  /** The turn this operation's deferred fields wait for (sharedTurn), until it comes. */
  private turn: Promise<void> | undefined;
  private ended = false;
  stopped: BudgetError | undefined;

  constructor(
    private readonly maxMs: number,
    private readonly maxWallMs: number,
    private readonly maxBytes: number,
  ) {
    this.wallDeadline = this.started + maxWallMs;
    running = this;
  }

  use(): BudgetUse {
    return { workMs: this.spent, wallMs: performance.now() - this.started };
  }

  /** Called once per field that does work: a field after another operation's begins a run; otherwise the time since the last reading is work. */
  tick(): void {
    if (running !== this) this.beginRun();
    else this.work();
  }

  /** @throws BudgetError once the working time, the ceiling or the size is spent (and for every field after). */
  check(): void {
    if (this.stopped) throw this.stopped;
    if (this.spent > this.maxMs && this.spentAtMostCpu() > this.maxMs) {
      this.stopped = new BudgetError(BUDGET_CODES.time, this.maxMs, `The operation ran out of its ${this.maxMs} ms execution budget (its own working time): ask for fewer or smaller fields (lower "first", fewer aliases).`);
      throw this.stopped;
    }
    if (this.now > this.wallDeadline) throw this.hitCeiling();
  }

  /** Counts a resolved value toward the answer's size (strings by length, anything else a few bytes). */
  count(value: unknown): void {
    this.bytes += typeof value === 'string' ? value.length + 2 : 8;
    if (this.bytes > this.maxBytes && !this.stopped) {
      this.stopped = new BudgetError(BUDGET_CODES.bytes, this.maxBytes, `The answer would be over the limit of ${this.maxBytes} bytes: ask for fewer or smaller fields (lower "first", no article text per item).`);
    }
  }

  /** True after YIELD_EVERY_MS of work since the operation started or last resumed: time to let others run. */
  dueToYield(): boolean {
    return this.now - this.sliceStart >= YIELD_EVERY_MS;
  }

  /**
   * The turn of the event loop that a field due to yield waits for: this operation's pending one, else a new one.
   * Every field deferred in one slice shares it, so an operation has one turn per slice of work in the queue, not
   * one per field: a list of 1,000 relations deferred field by field waited for 1,000 turns of the loop (each a poll
   * for I/O), and over PostgreSQL that was 8-20 ms of a large answer's time after its last statement (`pgeach`).
   */
  sharedTurn(): Promise<void> {
    this.turn ??= yieldToEventLoop().then(() => {
      this.turn = undefined;
      this.resumed();
    });
    return this.turn;
  }

  /** A continuation of this operation got its turn: its slice, and a run of work, start now. */
  private resumed(): void {
    this.beginRun();
    this.sliceStart = this.now;
  }

  /**
   * A resolver returned a promise already settled (the in-memory store): its synchronous work, often the bulk of
   * a field's, is charged now, before another operation's field could begin a run and lose it; and the clock is
   * fresh for the decision to yield.
   */
  returnedPromise(): void {
    this.work();
  }

  /**
   * A resolver returned a promise that may wait (the store answers over the network): as returnedPromise, and when
   * the promise settles this operation's code runs again (a run begins if another's ran meanwhile; the loop's idle
   * time in between is not charged either way); if the ceiling passes first, the field fails with the ceiling's
   * error, so that an operation waiting for ever is still answered.
   */
  awaiting(value: PromiseLike<unknown>): Promise<unknown> {
    this.charge();
    this.ceilingTimer ??= setTimeout(() => this.expire(), Math.max(0, this.wallDeadline - this.now));
    return new Promise((resolve, reject) => {
      this.pending.add(reject);
      value.then(
        (settled) => {
          this.pending.delete(reject);
          this.backFromWait();
          resolve(settled);
        },
        (error: unknown) => {
          this.pending.delete(reject);
          this.backFromWait();
          reject(error);
        },
      );
    });
  }

  /**
   * The count of work, lowered to the process's CPU time since the operation started where that is less, and
   * returned. The count is wall time within runs, so it also counts the time the thread waits for a core while its
   * run goes on (a loaded machine, a virtual machine's stolen time, a stopped process): at load 15-20 on 2 cores,
   * in-memory views of a few hundred ms of work were refused. The process's CPU time (every thread's: GC helpers,
   * workers, other operations) is never less than the operation's own work, so the lower of the two is still at
   * least the work done: an operation that really works past its budget is refused as before. Read at the operation's
   * start and again only once the count is over the budget (a system call each, about 1 µs).
   */
  private spentAtMostCpu(): number {
    const { user, system } = process.cpuUsage(this.cpuAtStart);
    this.spent = Math.min(this.spent, (user + system) / 1000);
    return this.spent;
  }

  /** The operation's answer is being sent: nothing of it runs any more. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    if (this.ceilingTimer !== undefined) clearTimeout(this.ceilingTimer);
    this.pending.clear();
    // Whatever runs next (this answer's serialization, another request's parsing) is no operation's run until its field.
    running = undefined;
  }

  /**
   * Charges the time since the last mark, the clock alone: within a run, the operation's code runs without a turn
   * of the event loop in between, so the loop cannot have been idle. Any idle time since `idleMark` (left as it is)
   * is subtracted at the next full charge.
   */
  private work(): void {
    const now = performance.now();
    this.spent += now - this.mark;
    this.now = this.mark = now;
  }

  /** Reads the clock and charges the time since the last mark, less the time the loop sat idle since the last full charge. */
  private charge(): void {
    const now = performance.now();
    const idle = idleTime();
    this.spent += Math.max(0, now - this.mark - (idle - this.idleMark));
    this.now = this.mark = now;
    this.idleMark = idle;
  }

  /** This operation's code starts running again after others' (or after a yield): nothing since its last mark is its own. */
  private beginRun(): void {
    running = this;
    this.now = this.mark = performance.now();
    this.idleMark = idleTime();
  }

  /**
   * A promise of this operation settled. When the event loop sat idle since the operation last ran (it waited for
   * I/O: the database's answer came through a poll), the loop has served everyone meanwhile, so a new slice starts:
   * the slice is there to let I/O be polled between two runs of work, and the wait did that. Counting the wait in the
   * slice deferred the first field after every answer of the database to a turn of its own, and with it every field
   * reached in that pass: "What each article added" at 100,000 articles deferred all 100 of its relation pages' edges
   * and 580 fields a request (125 with this; 1.3-2.1 ms less CPU a request, `pgeachjs`).
   */
  private backFromWait(): void {
    const idleBefore = this.idleMark;
    if (running === this) this.charge();
    else this.beginRun();
    if (this.idleMark > idleBefore) this.sliceStart = this.now;
  }

  private hitCeiling(): BudgetError {
    this.stopped ??= new BudgetError(
      BUDGET_CODES.ceiling,
      this.maxWallMs,
      `The operation ran past its ${this.maxWallMs} ms wall-clock ceiling (after ${Math.round(this.spent)} ms of its own work; the rest was spent waiting, for the database or for other requests): the server is busy or its store slow, ask again later.`,
    );
    return this.stopped;
  }

  /** The ceiling passed with promises of this operation pending: they fail now, and the operation ends with the ceiling's error. */
  private expire(): void {
    this.ceilingTimer = undefined;
    if (this.pending.size === 0) return;
    const error = this.stopped ?? this.hitCeiling();
    for (const reject of this.pending) reject(error);
    this.pending.clear();
  }
}

const budgets = new WeakMap<object, Budget>();
/**
 * The last context looked up and its budget: every field asks, and consecutive fields almost always belong
 * to one operation, so most lookups skip the WeakMap. The memo is also set when a budget is made, so that it
 * never names a finished operation's spent budget for a context object seen again.
 */
let lastContext: unknown;
let lastBudget: Budget | undefined;

function budgetOf(context: unknown): Budget | undefined {
  if (context === lastContext && context !== undefined) return lastBudget;
  if (typeof context !== 'object' || context === null) return undefined;
  const budget = budgets.get(context);
  if (budget !== undefined) {
    lastContext = context;
    lastBudget = budget;
  }
  return budget;
}

/**
 * Operations waiting for their turn (one entry each: sharedTurn), first come first served, one let go per turn of the event loop.
 * Resolving them all at once (one setImmediate each) would run every waiting slice back to back in one check
 * phase: with 4 costly operations of 26 branches each, 100 slices of 4 ms before the loop polls for I/O again.
 */
const waiting: (() => void)[] = [];
let turnScheduled = false;

function nextTurn(): void {
  waiting.shift()?.();
  if (waiting.length > 0) setImmediate(nextTurn);
  else turnScheduled = false;
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    if (!turnScheduled) {
      turnScheduled = true;
      setImmediate(nextTurn);
    }
  });
}

/**
 * A rejected promise that is marked handled. graphql-js drops the promises of a field's siblings when the
 * field throws synchronously; with some fields now resolved later, a synchronous throw would leave those
 * rejections unhandled (which ends the process). So a resolver that fails here fails asynchronously.
 */
function failLater(error: unknown): Promise<never> {
  const failed = Promise.reject(error);
  failed.catch(() => undefined);
  return failed;
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { then?: unknown }).then === 'function';
}

/**
 * `resolve` with the budget's checks. `storeWaits`: its promises may wait for I/O (a database), so each is watched
 * (when it settles, and failed at the ceiling); a store in memory returns promises already settled, which need
 * neither (watching each cost a promise and two closures a field: 1.5x the time of a large in-memory answer).
 */
function bounded(resolve: GraphQLFieldResolver<unknown, unknown>, storeWaits: boolean): GraphQLFieldResolver<unknown, unknown> {
  const settle = (budget: Budget, value: unknown): unknown => {
    budget.count(value);
    if (!isThenable(value)) return value;
    if (storeWaits) return budget.awaiting(value);
    budget.returnedPromise();
    return value;
  };
  return (source, args, context, info) => {
    const budget = budgetOf(context);
    if (budget === undefined) return resolve(source, args, context, info);
    budget.tick();
    if (!budget.dueToYield()) {
      try {
        budget.check();
        return settle(budget, resolve(source, args, context, info));
      } catch (error) {
        return failLater(error);
      }
    }
    // The fields deferred in one slice run in the same turn until a slice is spent again; the rest wait for the next.
    const resume = (): unknown => {
      budget.tick();
      if (budget.dueToYield()) return budget.sharedTurn().then(resume);
      budget.check();
      return settle(budget, resolve(source, args, context, info));
    };
    const later = budget.sharedTurn().then(resume);
    later.catch(() => undefined);
    return later;
  };
}

/**
 * A scalar or enum field read from its parent's record (no resolver of its own): constant work, so it only
 * counts its value toward the answer's size. The time is checked, and the turn given up, at the fields that
 * do work (every field with a resolver, and every field that leads to an object or a list of them), which come
 * between any two records; an operation stopped there is replaced whole, so a leaf need not throw.
 */
function countedLeaf(source: unknown, args: unknown, context: unknown, info: GraphQLResolveInfo): unknown {
  const value: unknown = defaultFieldResolver(source, args, context, info);
  budgetOf(context)?.count(value);
  return value;
}

const wrapped = new WeakSet<GraphQLSchema>();

export interface BudgetOptions {
  /**
   * Whether the resolvers' promises may wait for I/O (a store over a database): then each is watched, so that a wait
   * is not charged as work and one that never ends is failed at the ceiling. False for the in-memory store, whose
   * promises are settled when returned. @default true
   */
  readonly storeWaits?: boolean;
}

/** Wraps every field resolver of `schema` (in place, once) so that operations with a budget keep to it. */
export function withExecutionBudget(schema: GraphQLSchema, options: BudgetOptions = {}): GraphQLSchema {
  if (wrapped.has(schema)) return schema;
  wrapped.add(schema);
  const storeWaits = options.storeWaits ?? true;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const leaf = field.resolve === undefined && isLeafType(getNamedType(field.type));
      field.resolve = leaf ? countedLeaf : bounded(field.resolve ?? defaultFieldResolver, storeWaits);
    }
  }
  return schema;
}

/**
 * Gives the operation whose context is `contextValue` its budget (from executionDidStart on): `maxExecutionMs` of
 * its own work, `maxWallClockMs` of wall-clock time (default WALL_CLOCK_FACTOR times the work), `maxResponseBytes`.
 */
export function startBudget(contextValue: object, maxExecutionMs: number, maxResponseBytes: number, maxWallClockMs = WALL_CLOCK_FACTOR * maxExecutionMs): void {
  const budget = new Budget(maxExecutionMs, maxWallClockMs, maxResponseBytes);
  budgets.set(contextValue, budget);
  lastContext = contextValue;
  lastBudget = budget;
}

/** What the operation of `contextValue` has used of its budget so far, if it has one. */
export function budgetUse(contextValue: object): BudgetUse | undefined {
  return budgetOf(contextValue)?.use();
}

/** The operation's execution is over (willSendResponse): its ceiling timer is cleared. */
export function endBudget(contextValue: object): void {
  budgetOf(contextValue)?.end();
}

/**
 * Replaces the answer of an operation that ran out of its budget by the single coded error (not one error per
 * unfinished field, nor a partial answer of unknown size); called from willSendResponse.
 */
export function replaceStoppedAnswer(requestContext: GraphQLRequestContextWillSendResponse<BaseContext>): void {
  const stopped = budgetOf(requestContext.contextValue)?.stopped;
  const { body } = requestContext.response;
  if (stopped === undefined || body.kind !== 'single') return;
  body.singleResult = { errors: [{ message: stopped.message, extensions: { code: stopped.code, limit: stopped.limit } }] };
}
