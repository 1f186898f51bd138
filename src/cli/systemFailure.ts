/**
 * The operating system's refusals a user meets on the command line, said as what to do: a port in use, a folder
 * where a file is (or the reverse), a full or read-only disk, a permission. Anything else stays an "unexpected
 * error" with its own message. Node reports these as errors with `code`, `syscall` and the path or address.
 */

interface SystemError {
  readonly code: string;
  readonly syscall?: string;
  readonly path?: string;
  /** A rename's target: what the user named, where `path` is our temporary sibling. */
  readonly dest?: string;
  readonly address?: string;
  readonly port?: number;
}

function systemError(error: unknown): SystemError | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code } = error as { code?: unknown };
  return typeof code === 'string' && /^E[A-Z]+$/u.test(code) ? (error as SystemError) : undefined;
}

/** What the system refused and what to do about it, or undefined when `error` is not one of these refusals. */
export function describeSystemFailure(error: unknown): string | undefined {
  const e = systemError(error);
  if (e === undefined) return undefined;
  const where = e.address !== undefined && e.port !== undefined ? `${e.address}:${e.port}` : (e.address ?? '');
  const named = e.dest ?? e.path;
  const path = named === undefined ? '' : JSON.stringify(named);
  if (e.syscall === 'listen') {
    if (e.code === 'EADDRINUSE') return `${where} is already in use (another newsgraph serve, or another program): stop it, or choose another port with --port N.`;
    if (e.code === 'EACCES') return `cannot listen on ${where}: permission denied (ports below 1024 need privileges): choose --port 1024 or above.`;
    if (e.code === 'EADDRNOTAVAIL') return `cannot listen on ${where}: the address is not one of this machine's: check --host.`;
  }
  if (path === '') return undefined;
  switch (e.code) {
    case 'ENOTDIR':
    case 'EEXIST':
      // mkdir of a folder whose name a file holds (EEXIST), or a path through a file (ENOTDIR).
      return `cannot use ${path}: a file stands where a folder is needed on that path; choose another path, or move the file.`;
    case 'EISDIR':
      return `cannot use ${path}: it is a folder; give a file name.`;
    case 'ENOSPC':
      return `no space left on the disk while writing ${path}: free some space and run it again.`;
    case 'EROFS':
      return `cannot write ${path}: the file system is read-only; choose another path.`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied for ${path}: check its permissions and its folder's, or choose another path.`;
    default:
      return undefined;
  }
}
