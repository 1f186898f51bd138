/**
 * The limits a query must pass before it runs (depth, cost, aliases) and the request body limit: their names,
 * defaults and codes. Each refusal is a LimitError (limitError.ts); the values are apart from it so that the command
 * line can state the defaults in its help without loading graphql-js.
 */
import { NewsgraphError } from '../errors.js';

export interface QueryLimits {
  /** Levels of nested field selections (introspection fields are not counted). @default 15 */
  readonly maxDepth?: number;
  /** Estimated cost: each field 1, multiplied by the sizes of the lists above it. @default 100000 */
  readonly maxCost?: number;
  /** Aliased fields in one document. @default 30 */
  readonly maxAliases?: number;
  /** Bytes of an HTTP request body. @default 102400 */
  readonly maxBodyBytes?: number;
  /** The size assumed, in the cost estimate, for a list whose length neither an argument nor the graph tells. @default 5 */
  readonly defaultListSize?: number;
  /** Lexical tokens of a GraphQL document; the parser stops at this many (depth, alias and nesting bombs are refused here first). @default 2000 */
  readonly maxTokens?: number;
  /**
   * Milliseconds of the operation's own work (its resolvers running, not the time other requests or the database
   * take meanwhile) before it is stopped with EXECUTION_TIMEOUT (src/api/executionBudget.ts). @default 2000
   */
  readonly maxExecutionMs?: number;
  /**
   * Milliseconds of wall-clock time from the start of execution, waits included, before the operation is stopped
   * with EXECUTION_CEILING: the bound on an operation that waits (a stalled database) or is starved. @default 5 × maxExecutionMs
   */
  readonly maxWallClockMs?: number;
  /** Estimated bytes of one answer; over this the operation is stopped with RESPONSE_TOO_LARGE. @default 4194304 */
  readonly maxResponseBytes?: number;
}

export type ResolvedLimits = Required<QueryLimits>;

export const DEFAULT_LIMITS: ResolvedLimits = Object.freeze({
  maxDepth: 15,
  maxCost: 100_000,
  maxAliases: 30,
  maxBodyBytes: 102_400,
  defaultListSize: 5,
  maxTokens: 2_000,
  maxExecutionMs: 2_000,
  maxWallClockMs: 10_000,
  maxResponseBytes: 4 * 1024 * 1024,
});

/** The `extensions.code` of each limit's refusal. */
export const LIMIT_CODES = Object.freeze({
  maxDepth: 'QUERY_TOO_DEEP',
  maxCost: 'QUERY_TOO_COSTLY',
  maxAliases: 'TOO_MANY_ALIASES',
  maxBodyBytes: 'REQUEST_TOO_LARGE',
  maxTokens: 'TOO_MANY_TOKENS',
  maxExecutionMs: 'EXECUTION_TIMEOUT',
  maxWallClockMs: 'EXECUTION_CEILING',
  maxResponseBytes: 'RESPONSE_TOO_LARGE',
} as const);

/** The wall-clock ceiling, when not given, is this many times the working-time budget. */
export const WALL_CLOCK_FACTOR = 5;

export type LimitName = keyof typeof LIMIT_CODES;
export type LimitCode = (typeof LIMIT_CODES)[LimitName];

/**
 * The limits with defaults filled in.
 * @throws NewsgraphError BAD_USER_INPUT for a limit that is not a whole number ≥ 1.
 */
export function resolveLimits(limits: QueryLimits = {}): ResolvedLimits {
  const resolved: ResolvedLimits = {
    maxDepth: limits.maxDepth ?? DEFAULT_LIMITS.maxDepth,
    maxCost: limits.maxCost ?? DEFAULT_LIMITS.maxCost,
    maxAliases: limits.maxAliases ?? DEFAULT_LIMITS.maxAliases,
    maxBodyBytes: limits.maxBodyBytes ?? DEFAULT_LIMITS.maxBodyBytes,
    defaultListSize: limits.defaultListSize ?? DEFAULT_LIMITS.defaultListSize,
    maxTokens: limits.maxTokens ?? DEFAULT_LIMITS.maxTokens,
    maxExecutionMs: limits.maxExecutionMs ?? DEFAULT_LIMITS.maxExecutionMs,
    maxWallClockMs: limits.maxWallClockMs ?? WALL_CLOCK_FACTOR * (limits.maxExecutionMs ?? DEFAULT_LIMITS.maxExecutionMs),
    maxResponseBytes: limits.maxResponseBytes ?? DEFAULT_LIMITS.maxResponseBytes,
  };
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new NewsgraphError('BAD_USER_INPUT', `limits.${name} must be a whole number ≥ 1, not ${String(value)}.`);
    }
  }
  return Object.freeze(resolved);
}
