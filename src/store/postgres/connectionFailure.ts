/**
 * Why a command could not use the PostgreSQL server it was given, said as a user can act on it: node's and
 * PostgreSQL's own codes (ECONNREFUSED, 28P01, 3D000, ...) become a sentence naming the host, the port or the
 * database, and what to check. Anything else is left to the caller.
 */

/** The fields of node's system errors and of pg's server errors this reads. */
interface FailureFields {
  readonly code?: unknown;
  readonly address?: unknown;
  readonly port?: unknown;
  readonly hostname?: unknown;
  readonly message?: unknown;
}

/** What to say for `error` when it is a failure to reach or enter a PostgreSQL server; undefined otherwise. */
export function describeConnectionFailure(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, address, port, hostname, message } = error as FailureFields;
  const where = typeof address === 'string' ? `${address}${typeof port === 'number' ? `:${port}` : ''}` : 'the URL given';
  const said = typeof message === 'string' ? message : '';
  switch (code) {
    case 'ECONNREFUSED':
      return `cannot reach PostgreSQL at ${where}: the connection was refused. Is the server running there, and are the URL's host and port right (postgres://user@host:port/database)?`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `cannot reach PostgreSQL: the host ${typeof hostname === 'string' ? `"${hostname}"` : 'of the URL'} was not found. Check the URL's host (postgres://user@host:port/database).`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `cannot reach PostgreSQL at ${where}: no answer (${code}). Check the URL's host and port, and that no firewall is in the way.`;
    case '28P01':
    case '28000':
      return `PostgreSQL refused the login: ${said}. Check the user in the URL and its password (in the URL or PGPASSWORD), and the server's pg_hba.conf.`;
    case '3D000':
      return `PostgreSQL: ${said}. Create it (createdb NAME) or name an existing one at the end of the URL.`;
    default:
      return undefined;
  }
}
