/**
 * A refusal by one of the limits (limits.ts): a GraphQL error whose `extensions.code` names the limit and whose
 * message states its value.
 */
import { GraphQLError, type ASTNode } from 'graphql';
import { LIMIT_CODES, type LimitCode, type LimitName } from './limits.js';

/** A query or request refused by a limit, before anything ran. */
export class LimitError extends GraphQLError {
  readonly code: LimitCode;
  readonly limit: number;
  readonly actual: number;
  constructor(name: LimitName, limit: number, actual: number, message: string, nodes?: ReadonlyArray<ASTNode>) {
    const code = LIMIT_CODES[name];
    // `http` tells Apollo to answer 400 (a refused request, not a server fault); it never reaches the client.
    super(message, { nodes, extensions: { code, limit, actual, http: { status: 400 } } });
    this.name = 'LimitError';
    this.code = code;
    this.limit = limit;
    this.actual = actual;
  }
}

/** The LimitError behind an error that Apollo or graphql-js wrapped, if any. */
export function findLimitError(error: unknown): LimitError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof LimitError) return current;
    current = current instanceof GraphQLError ? current.originalError : current.cause;
  }
  return undefined;
}
