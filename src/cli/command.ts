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

/** What a command reads: a built snapshot, or a data directory's sources (which it builds). */
export type CorpusInput = { readonly kind: 'snapshot'; readonly file: string } | { readonly kind: 'sources'; readonly dir: string };

export interface Command {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  readonly options: Readonly<Record<string, OptionSpec>>;
  /** At most this many arguments besides the options (a directory, an article id); more are refused, never ignored. */
  readonly positionals?: number;
  /**
   * The corpus the command would read with these arguments, when it reads one: sized before it starts, so that a
   * large one gets the heap it needs (heapRoom.ts). Only says where; the command checks that it exists.
   */
  readonly corpus?: (args: CommandArgs) => CorpusInput | undefined;
  /** Returns the exit code; a long-running command (serve) resolves when it stops. */
  readonly run: (args: CommandArgs, io: CommandIo) => Promise<number>;
}

/** How a data directory builds on others (layers): accepted wherever a data directory is built. */
export const LAYER_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  'with-package-entities': { type: 'boolean', description: "Build on the package's shared entities (as extends: [package] in newsgraph.yaml)." },
  extends: { type: 'string', multiple: true, valueName: 'DIR', description: 'Build on the shared entities of this data directory too (repeatable).' },
};

/** Options every command that reads a graph takes. */
export const GRAPH_SOURCE_OPTIONS: Readonly<Record<string, OptionSpec>> = {
  ...LAYER_OPTIONS,
  data: { type: 'string', valueName: 'DIR', description: "Build from this data directory (default: the package's data/)." },
  snapshot: { type: 'string', valueName: 'FILE', description: 'Load a snapshot written by "newsgraph build" instead of building.' },
};
