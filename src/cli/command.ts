/**
 * What a command is: a name, a one-line summary, its options as data (with descriptions, for --help), and a
 * small function over the library. Output goes through `io` so tests can run commands in-process too.
 */
import type { ParseArgsConfig } from 'node:util';

export interface CommandIo {
  readonly out: (text: string) => void;
  readonly err: (text: string) => void;
}

export type OptionSpec = NonNullable<ParseArgsConfig['options']>[string] & {
  readonly description: string;
  readonly valueName?: string;
};

export interface CommandArgs {
  readonly values: Readonly<Record<string, string | boolean | (string | boolean)[] | undefined>>;
  readonly positionals: readonly string[];
}

export interface Command {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** Returns the exit code; a long-running command (serve) resolves when it stops. */
  readonly run: (args: CommandArgs, io: CommandIo) => Promise<number>;
}

/** Options every command that reads a graph takes. */
export const GRAPH_SOURCE_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  data: { type: 'string', valueName: 'DIR', description: "Build from this data directory (default: the package's data/)." },
  snapshot: { type: 'string', valueName: 'FILE', description: 'Load a snapshot written by "newsgraph build" instead of building.' },
};
