/**
 * An execution budget per operation: time, and bytes of answer. graphql-js runs synchronous resolvers one
 * after another without returning to the event loop, so one costly operation used to block every other
 * client (issue 11: 17 s). Every field resolver is wrapped here so that, between resolvers:
 * - the operation is stopped, with one coded error, once its time (`maxExecutionMs`) or its estimated
 *   answer size (`maxResponseBytes`) is spent;
 * - after each slice of YIELD_EVERY_MS of work it yields to the event loop (the resolver's value is
 *   returned through a promise), so that other requests are served in between; waiting continuations are
 *   let go one per turn of the loop, so that I/O is polled between any two slices.
 * The budget lives in a WeakMap keyed by the operation's context object, given by the request guards
 * (requestGuards.ts: `startBudget`, `replaceStoppedAnswer`); an operation without one (e.g. a bare `graphql()`
 * call on the schema) runs unbounded, as before.
 */
import { defaultFieldResolver, getNamedType, GraphQLError, isLeafType, isObjectType, type GraphQLFieldResolver, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { BaseContext, GraphQLRequestContextWillSendResponse } from '@apollo/server';

/** Work done between two yields to the event loop. */
export const YIELD_EVERY_MS = 4;

export const BUDGET_CODES = Object.freeze({ time: 'EXECUTION_TIMEOUT', bytes: 'RESPONSE_TOO_LARGE' } as const);
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
 * Fields between two readings of the clock. Reading it for every field cost two `performance.now()` calls a
 * field (a few percent of a large answer); a field takes about a microsecond, so the time seen is at most
 * some tens of microseconds old, against a slice of YIELD_EVERY_MS and a budget of seconds.
 */
const FIELDS_PER_CLOCK_READ = 16;

class Budget {
  private readonly deadline: number;
  private bytes = 0;
  private sliceStart = performance.now();
  /** The clock as last read, and fields since. */
  private now = this.sliceStart;
  private fieldsSinceClock = 0;
  stopped: BudgetError | undefined;

  constructor(
    private readonly maxMs: number,
    private readonly maxBytes: number,
  ) {
    this.deadline = this.sliceStart + maxMs;
  }

  /** Called once per field: reads the clock every FIELDS_PER_CLOCK_READ fields. */
  tick(): void {
    if (++this.fieldsSinceClock >= FIELDS_PER_CLOCK_READ) {
      this.fieldsSinceClock = 0;
      this.now = performance.now();
    }
  }

  /** @throws BudgetError once the time or the size is spent (and for every field after). */
  check(): void {
    if (this.stopped) throw this.stopped;
    if (this.now > this.deadline) {
      this.stopped = new BudgetError(BUDGET_CODES.time, this.maxMs, `The operation ran out of its ${this.maxMs} ms execution budget: ask for fewer or smaller fields (lower "first", fewer aliases).`);
      throw this.stopped;
    }
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

  /** A continuation of this operation got its turn: its slice starts now. */
  resumed(): void {
    this.sliceStart = this.now = performance.now();
    this.fieldsSinceClock = 0;
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
 * Continuations waiting for their turn, first come first served, and one let go per turn of the event loop.
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

function bounded(resolve: GraphQLFieldResolver<unknown, unknown>): GraphQLFieldResolver<unknown, unknown> {
  return (source, args, context, info) => {
    const budget = budgetOf(context);
    if (budget === undefined) return resolve(source, args, context, info);
    budget.tick();
    if (!budget.dueToYield()) {
      try {
        budget.check();
        const value = resolve(source, args, context, info);
        budget.count(value);
        return value;
      } catch (error) {
        return failLater(error);
      }
    }
    const later = yieldToEventLoop().then(() => {
      budget.resumed();
      budget.check();
      const value = resolve(source, args, context, info);
      budget.count(value);
      return value;
    });
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

/** Wraps every field resolver of `schema` (in place, once) so that operations with a budget keep to it. */
export function withExecutionBudget(schema: GraphQLSchema): GraphQLSchema {
  if (wrapped.has(schema)) return schema;
  wrapped.add(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const leaf = field.resolve === undefined && isLeafType(getNamedType(field.type));
      field.resolve = leaf ? countedLeaf : bounded(field.resolve ?? defaultFieldResolver);
    }
  }
  return schema;
}

/** Gives the operation whose context is `contextValue` its budget (from executionDidStart on). */
export function startBudget(contextValue: object, maxExecutionMs: number, maxResponseBytes: number): void {
  const budget = new Budget(maxExecutionMs, maxResponseBytes);
  budgets.set(contextValue, budget);
  lastContext = contextValue;
  lastBudget = budget;
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
