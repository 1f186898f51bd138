/**
 * The command line: parses arguments with node's util.parseArgs (no dependency needed), prints help from
 * the commands' own option data, and turns every failure into a message and an exit code, never a stack trace.
 */
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { packageVersion } from '../build/paths.js';
import { didYouMean } from '../didYouMean.js';
import { DataError, NewsgraphError, formatDiagnostic } from '../errors.js';
import type { Command, CommandArgs, CommandIo } from './command.js';
import { COMMANDS } from './commands/index.js';
import { describeConnectionFailure } from '../store/postgres/connectionFailure.js';
import { describeSystemFailure } from './systemFailure.js';

export interface Cli {
  /** Runs one command line; resolves to the exit code. */
  run(argv: readonly string[], io?: CommandIo): Promise<number>;
}

const processIo: CommandIo = {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
};

export function createCli(commands: readonly Command[] = COMMANDS): Cli {
  return {
    async run(argv, io = processIo) {
      const [name, ...rest] = argv;
      if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
        io.out(generalHelp(commands));
        return name === undefined ? 1 : 0;
      }
      // Which release built a graph belongs in a paper's methods section.
      if (name === '--version' || name === '-v') {
        io.out(`newsgraph ${packageVersion()}\n`);
        return 0;
      }
      const command = commands.find((c) => c.name === name);
      if (!command) {
        const names = commands.map((c) => c.name);
        io.err(`newsgraph: unknown command "${name}".${didYouMean(name, names)} Commands: ${names.join(', ')}.\n`);
        return 2;
      }
      let args;
      try {
        args = parseCommandArgs(command, rest);
      } catch (error) {
        io.err(`newsgraph ${command.name}: ${argumentProblem(command, error)}\n\n${commandHelp(command)}`);
        return 2;
      }
      if (args.values['help']) {
        io.out(commandHelp(command));
        return 0;
      }
      const extra = command.positionals === undefined ? undefined : args.positionals[command.positionals];
      if (extra !== undefined) {
        io.err(`newsgraph ${command.name}: unexpected argument "${extra}".${dataHint(command, extra)}\n\n${commandHelp(command)}`);
        return 2;
      }
      try {
        return await command.run(args, io);
      } catch (error) {
        return reportFailure(command, args, error, io);
      }
    },
  };
}

/**
 * The command a command line names, with its arguments parsed as `run` parses them; undefined when `run` would
 * only print help or a usage error.
 */
export function readCommandLine(argv: readonly string[], commands: readonly Command[] = COMMANDS): { readonly command: Command; readonly args: CommandArgs } | undefined {
  const [name, ...rest] = argv;
  const command = commands.find((c) => c.name === name);
  if (command === undefined) return undefined;
  let args;
  try {
    args = parseCommandArgs(command, rest);
  } catch {
    return undefined;
  }
  if (args.values['help'] || (command.positionals !== undefined && args.positionals[command.positionals] !== undefined)) return undefined;
  return { command, args };
}

function parseCommandArgs(command: Command, rest: readonly string[]): CommandArgs {
  return parseArgs({ args: [...rest], options: { help: { type: 'boolean', short: 'h' }, ...command.options }, allowPositionals: true, strict: true });
}

function reportFailure(command: Command, args: CommandArgs, error: unknown, io: CommandIo): number {
  if (error instanceof DataError) {
    for (const d of error.diagnostics) io.err(`${formatDiagnostic(d)}\n`);
    io.err(`\n${error.diagnostics.length} problem(s); nothing was written.\n`);
    return 1;
  }
  if (error instanceof NewsgraphError) {
    io.err(`newsgraph ${command.name}: ${error.message}\n`);
    return 1;
  }
  // Only for a command given a database: an ECONNREFUSED of another command is not PostgreSQL's.
  const unreachable = typeof args.values['store'] === 'string' ? describeConnectionFailure(error) : undefined;
  if (unreachable !== undefined) {
    io.err(`newsgraph ${command.name}: ${unreachable}\n`);
    return 1;
  }
  const refused = describeSystemFailure(error);
  if (refused !== undefined) {
    io.err(`newsgraph ${command.name}: ${refused}\n`);
    return 1;
  }
  io.err(`newsgraph ${command.name}: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
}

/** `stats DIR` reads as "stats of DIR": say how to ask for that, since validate and build do take a directory so. */
function dataHint(command: Command, argument: string): string {
  if (!('data' in command.options) || !isDirectory(argument)) return '';
  return ` To read the graph of that data directory, give it as --data ${argument}.`;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function generalHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return [
    'newsgraph: news articles as a knowledge graph, every fact with the words it came from.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run "newsgraph COMMAND --help" for its options, "newsgraph --version" for the version.',
    '',
  ].join('\n');
}

function commandHelp(command: Command): string {
  const options = Object.entries(command.options).map(([name, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${name}${spec.type === 'string' ? ` ${spec.valueName ?? 'VALUE'}` : ''}`;
    return `  ${flag.padEnd(28)} ${spec.description}`;
  });
  return [`Usage: ${command.usage}`, '', command.summary, '', ...(options.length ? ['Options:', ...options, ''] : [])].join('\n');
}

/**
 * parseArgs's complaint, in a user's words: an unknown option names the command's near options (`--dta` →
 * `--data`) instead of node's advice about positionals that start with '-'.
 */
function argumentProblem(command: Command, error: unknown): string {
  const { code, message } = error as { code?: unknown; message: string };
  const unknown = code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /^Unknown option '(-{1,2}[^']*)'/u.exec(message)?.[1] : undefined;
  if (unknown === undefined) return message;
  const names = ['help', ...Object.keys(command.options)].map((name) => `--${name}`);
  return `unknown option "${unknown}".${didYouMean(unknown, names)}`;
}
