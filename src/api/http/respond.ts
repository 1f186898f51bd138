/**
 * Writing responses that are not Apollo's: JSON errors shaped like GraphQL errors (so clients read one
 * format), files, and redirects.
 */
import type { ServerResponse } from 'node:http';
import type { ErrorCode } from '../../errors.js';
import { boundedMessage } from '../errors.js';

/** The HTTP status of one of our error codes. */
export function statusOf(code: ErrorCode): number {
  switch (code) {
    case 'NOT_FOUND':
    case 'UNKNOWN_FORMAT':
      return 404;
    case 'BAD_USER_INPUT':
      return 400;
    case 'DATA_INVALID':
    case 'SNAPSHOT_INVALID':
      return 500;
    default: {
      const unreachable: never = code;
      throw new Error(`no status for ${String(unreachable)}`);
    }
  }
}

/** `{ "errors": [{ message, extensions: { code, ... } }] }` with the given status. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: Readonly<Record<string, unknown>> = {},
  headers: Readonly<Record<string, string>> = {},
): void {
  writeError(res, status, code, message, extra, headers);
  res.end();
}

/**
 * Writes the whole error response of `sendError` but leaves it open: the caller ends it when the request is
 * done with (an oversize body being discarded), so that node does not close a socket the client still writes to.
 */
export function writeError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  extra: Readonly<Record<string, unknown>> = {},
  headers: Readonly<Record<string, string>> = {},
): void {
  const body = JSON.stringify({ errors: [{ message: boundedMessage(message), extensions: { ...extra, code } }] });
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
    ...headers,
  });
  res.write(body);
}

/** A whole body with its type; `download` names the file a browser saves it as. */
export function sendBody(res: ServerResponse, body: string | Uint8Array, contentType: string, download?: string): void {
  const bytes = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  res.writeHead(200, {
    'content-type': contentType,
    'content-length': bytes.byteLength,
    'x-content-type-options': 'nosniff',
    ...(download === undefined ? {} : { 'content-disposition': `attachment; filename="${download}"` }),
  });
  res.end(bytes);
}
