/**
 * The serve command's flags for what `startServer` takes besides the graph: the execution budget, the response cache
 * and the export cache on disk. Each bad value is refused before the server starts, naming the flag, the value and
 * what would be accepted; the export cache directory is made (and checked writable) then, not at the first export.
 */
import { constants } from 'node:fs';
import { access, mkdir, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { ServerOptions } from '../api/index.js';
import { DEFAULT_EXPORT_CACHE_BYTES, DEFAULT_EXPORT_CACHE_ENTRIES, type ExportDiskCacheOptions } from '../api/http/exportDiskCache.js';
import { DEFAULT_RESPONSE_CACHE_BYTES } from '../api/http/responseCache.js';
import { DEFAULT_LIMITS, WALL_CLOCK_FACTOR, type QueryLimits } from '../api/limits.js';
import { NewsgraphError } from '../errors.js';
import type { CommandArgs, OptionSpec } from './command.js';

const MIB = 1024 * 1024;

export const SERVER_FLAG_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  'max-execution-ms': {
    type: 'string',
    valueName: 'N',
    description: `Milliseconds of an operation's own work (its resolvers running, not its waits) before it is refused with EXECUTION_TIMEOUT (default ${DEFAULT_LIMITS.maxExecutionMs}).`,
  },
  'max-wall-clock-ms': {
    type: 'string',
    valueName: 'N',
    description: `Milliseconds from an operation's start, waits included, before it is refused with EXECUTION_CEILING (default ${WALL_CLOCK_FACTOR} × --max-execution-ms).`,
  },
  'response-cache-mb': {
    type: 'string',
    valueName: 'N',
    description: `Megabytes of whole answers and exports kept in memory (default ${DEFAULT_RESPONSE_CACHE_BYTES / MIB}; 0 turns it off, and the export cache with it). An export over half of it goes to the export cache.`,
  },
  'export-cache': {
    type: 'string',
    valueName: 'DIR',
    description: 'Keep exports too large for the response cache in DIR, kept across restarts (default: a private temporary directory, removed on stop).',
  },
  'export-cache-mb': { type: 'string', valueName: 'N', description: `Megabytes the export cache may hold in all (default ${DEFAULT_EXPORT_CACHE_BYTES / MIB}).` },
  'export-cache-files': { type: 'string', valueName: 'N', description: `Files the export cache may hold (default ${DEFAULT_EXPORT_CACHE_ENTRIES}).` },
  'no-export-cache': { type: 'boolean', description: 'Keep no export on disk: a large export is built again for each request.' },
};

export type ServerFlagOptions = Pick<ServerOptions, 'limits' | 'responseCacheBytes' | 'exportCache'>;

function text(args: CommandArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A whole number ≥ 1 given to `--name`, or undefined when the flag is absent. */
function wholeNumber(args: CommandArgs, name: string, example: string): number | undefined {
  const given = text(args, name);
  if (given === undefined) return undefined;
  const value = Number(given);
  if (given.trim() === '' || !Number.isSafeInteger(value) || value < 1) {
    throw new NewsgraphError('BAD_USER_INPUT', `--${name}: "${given}" is not a whole number ≥ 1; give one, e.g. --${name} ${example}.`);
  }
  return value;
}

/** Megabytes given to `--name` as bytes (fractions allowed), or undefined when the flag is absent. */
function megabytes(args: CommandArgs, name: string, minimum: 0 | 'above 0', example: string): number | undefined {
  const given = text(args, name);
  if (given === undefined) return undefined;
  const value = Number(given);
  const tooSmall = minimum === 0 ? value < 0 : value <= 0;
  if (given.trim() === '' || !Number.isFinite(value) || tooSmall) {
    throw new NewsgraphError('BAD_USER_INPUT', `--${name}: "${given}" is not a number of megabytes ${minimum === 0 ? '≥ 0' : 'above 0'}; give one, e.g. --${name} ${example}.`);
  }
  return Math.round(value * MIB);
}

/** Makes the export cache directory now, so that a path that cannot be one is refused before the server starts. */
async function exportCacheDirectory(given: string): Promise<string> {
  const dir = resolve(given);
  const existing = await stat(dir).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) {
    throw new NewsgraphError('BAD_USER_INPUT', `--export-cache: ${dir} is a file, not a directory; give a directory (it is made if missing).`);
  }
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await access(dir, constants.W_OK | constants.R_OK | constants.X_OK);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new NewsgraphError('BAD_USER_INPUT', `--export-cache: cannot use ${dir} as the export cache (${why}); give a directory this user can write, or --no-export-cache.`);
  }
  return dir;
}

/**
 * The server options the flags ask for; absent flags are left out (startServer's defaults apply).
 * @throws NewsgraphError BAD_USER_INPUT for a bad value or flags that contradict each other.
 */
export async function serverOptionsFrom(args: CommandArgs): Promise<ServerFlagOptions> {
  const limits: { -readonly [K in keyof QueryLimits]: QueryLimits[K] } = {};
  const maxExecutionMs = wholeNumber(args, 'max-execution-ms', '5000');
  const maxWallClockMs = wholeNumber(args, 'max-wall-clock-ms', '30000');
  if (maxExecutionMs !== undefined) limits.maxExecutionMs = maxExecutionMs;
  if (maxWallClockMs !== undefined) limits.maxWallClockMs = maxWallClockMs;

  const responseCacheBytes = megabytes(args, 'response-cache-mb', 0, '256');
  const dirText = text(args, 'export-cache');
  const maxBytes = megabytes(args, 'export-cache-mb', 'above 0', '4096');
  const maxEntries = wholeNumber(args, 'export-cache-files', '128');
  const diskFlags = [dirText !== undefined && '--export-cache', maxBytes !== undefined && '--export-cache-mb', maxEntries !== undefined && '--export-cache-files'].filter((flag): flag is string => flag !== false);
  const off = args.values['no-export-cache'] === true;
  if (off && diskFlags.length > 0) throw new NewsgraphError('BAD_USER_INPUT', `--no-export-cache turns the export cache off: drop it, or drop ${diskFlags.join(' and ')}.`);
  if (responseCacheBytes === 0 && diskFlags.length > 0) {
    throw new NewsgraphError('BAD_USER_INPUT', `--response-cache-mb 0 turns the response cache off, and the export cache works through it: drop ${diskFlags.join(' and ')}, or give the response cache some megabytes.`);
  }

  let exportCache: ExportDiskCacheOptions | false | undefined;
  if (off) exportCache = false;
  else if (diskFlags.length > 0) {
    exportCache = {
      ...(dirText === undefined ? {} : { dir: await exportCacheDirectory(dirText) }),
      ...(maxBytes === undefined ? {} : { maxBytes }),
      ...(maxEntries === undefined ? {} : { maxEntries }),
    };
  }
  return {
    ...(Object.keys(limits).length > 0 ? { limits } : {}),
    ...(responseCacheBytes === undefined ? {} : { responseCacheBytes }),
    ...(exportCache === undefined ? {} : { exportCache }),
  };
}
