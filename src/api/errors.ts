/**
 * What a client sees of an error: a message and a machine-readable `extensions.code`, never a stack trace.
 * Our own errors keep their code (NOT_FOUND, BAD_USER_INPUT), a limit's refusal names the limit, GraphQL's
 * and Apollo's errors keep theirs; anything unexpected is masked as INTERNAL_SERVER_ERROR and logged here.
 */
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { NewsgraphError } from '../errors.js';
import { BudgetError } from './executionBudget.js';
import { findLimitError } from './limitError.js';
import { LIMIT_CODES } from './limits.js';
import { OPERATION_NOT_SUPPORTED } from './readOnly.js';

/** Where the server writes what it does not tell clients (compatible with Apollo's logger). */
export interface ServerLogger {
  debug(message?: unknown): void;
  info(message?: unknown): void;
  warn(message?: unknown): void;
  error(message?: unknown): void;
}

export const MASKED_MESSAGE = 'Internal server error';

/** Codes that GraphQL and Apollo give errors about the request itself: safe to show. */
const REQUEST_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'INTROSPECTION_DISABLED',
  OPERATION_NOT_SUPPORTED,
]);

/** graphql-js's message when the parser stops at `maxTokens`: the refusal is ours, and named as such. */
const TOKEN_LIMIT = /^Syntax Error: Document contains more (?:than|that) (\d+) tokens/;

/**
 * What graphql-js's recursive parser says when a document nests values or selections deeper than the stack allows.
 * `maxTokens` usually stops such a document first, but not always: a list literal 2,000 levels deep within 2,000
 * tokens overflowed a server's first parse (its parser not yet compiled, whose frames are larger), and a server
 * given a larger `maxTokens` overflows every time. The message is node's; the refusal says what to change.
 */
const STACK_OVERFLOW = 'Maximum call stack size exceeded';

/**
 * Messages longer than this are cut in the middle. Our messages name what the request gave (an id, a cursor, an
 * article), and a request may give 100 KB of it: a 90,000-character id came back as a 90,000-character message.
 * The start says what is wrong and the end holds the "did you mean", so both are kept.
 */
export const MAX_MESSAGE_CHARS = 1_000;
const KEPT_AT_END = 200;

/** `message`, cut in the middle to at most about MAX_MESSAGE_CHARS characters, saying how much was left out. */
export function boundedMessage(message: string): string {
  if (message.length <= MAX_MESSAGE_CHARS) return message;
  const head = MAX_MESSAGE_CHARS - KEPT_AT_END;
  const cut = message.length - head - KEPT_AT_END;
  return `${message.slice(0, head)}… [${cut.toLocaleString('en-US')} characters left out] …${message.slice(-KEPT_AT_END)}`;
}

function located(formatted: GraphQLFormattedError): Pick<GraphQLFormattedError, 'locations' | 'path'> {
  return {
    ...(formatted.locations === undefined ? {} : { locations: formatted.locations }),
    ...(formatted.path === undefined ? {} : { path: formatted.path }),
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
}

/**
 * Apollo's `formatError` for newsgraph: keeps the codes that mean something to a client, masks the rest.
 * @param logger receives each masked error with its stack trace.
 */
export function createErrorFormatter(logger: ServerLogger) {
  const format = formatError(logger);
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const shown = format(formatted, error);
    return shown.message.length <= MAX_MESSAGE_CHARS ? shown : { ...shown, message: boundedMessage(shown.message) };
  };
}

function formatError(logger: ServerLogger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof NewsgraphError) {
      return { message: original.message, ...located(formatted), extensions: { code: original.code } };
    }
    const limit = findLimitError(error);
    if (limit !== undefined) {
      return {
        message: limit.message,
        ...located(formatted),
        extensions: { code: limit.code, limit: limit.limit, actual: limit.actual },
      };
    }
    if (original instanceof BudgetError) {
      return { message: original.message, ...located(formatted), extensions: { code: original.code, limit: original.limit } };
    }
    const code = formatted.extensions?.['code'];
    const tokens = code === 'GRAPHQL_PARSE_FAILED' ? TOKEN_LIMIT.exec(formatted.message) : null;
    if (tokens) {
      const limit = Number(tokens[1]);
      const message = `The document has more than ${limit} tokens, the limit: send a shorter query (values in variables, fewer repeated fields).`;
      return { message, ...located(formatted), extensions: { code: LIMIT_CODES.maxTokens, limit } };
    }
    if (code === 'GRAPHQL_PARSE_FAILED' && formatted.message === STACK_OVERFLOW) {
      const message = 'The document nests too deeply to be parsed: send nested values in variables, and select fewer levels of fields.';
      return { message, ...located(formatted), extensions: { code } };
    }
    if (error instanceof GraphQLError && typeof code === 'string' && REQUEST_CODES.has(code)) {
      return { message: formatted.message, ...located(formatted), extensions: { code } };
    }
    const where = formatted.path === undefined ? '' : ` at ${formatted.path.join('.')}`;
    logger.error(`newsgraph: unexpected error${where} (masked as ${MASKED_MESSAGE}):\n${describe(original)}`);
    return { message: MASKED_MESSAGE, ...located(formatted), extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
