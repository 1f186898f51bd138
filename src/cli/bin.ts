#!/usr/bin/env node
// The `newsgraph` command: everything happens in createCli(); this file only starts it.
// graphql-js runs extra development-time checks on every field unless NODE_ENV is "production" (read when
// it loads, hence the dynamic import); a value the user set wins. Apollo's own defaults that depend on it
// (introspection, stack traces) are set explicitly in api/apollo.ts.
process.env['NODE_ENV'] ??= 'production';
// A reader that stops early (`newsgraph stats | head`) closes the pipe: that is the reader's choice, not a
// failure, so the command ends quietly with 0, as `yes | head` does, instead of dying on an unhandled EPIPE.
// Any other failure to write (a full disk: ENOSPC) ends it with 1 and the system's reason, not a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  process.stderr.write(`newsgraph: cannot write to standard output: ${error.message}\n`);
  process.exit(1);
});
// Some node flags can only be given when a process starts: `serve` with the graph in memory runs in a child process
// started with a young generation that a quiet spell does not shrink (serveRespawn.ts), and a command whose corpus
// needs more heap than node's default runs in one with a higher limit (heapRoom.ts). This process then only waits
// for the child, passing signals on (childProcess.ts); in the child, stopWithTheCommand makes it stop if this
// process is killed outright.
const { runInChild, stopWithTheCommand } = await import('./childProcess.js');
stopWithTheCommand();
const { SERVE_NODE_FLAGS, shouldRespawnServe } = await import('./serveRespawn.js');
const { heapFlagsFor } = await import('./heapRoom.js');
const { createCli, readCommandLine } = await import('./cli.js');
const argv = process.argv.slice(2);
const facts = { argv, execArgv: process.execArgv, env: process.env, platform: process.platform };
const flags = [...(shouldRespawnServe(facts) ? SERVE_NODE_FLAGS : []), ...heapFlagsFor(readCommandLine(argv), facts, (text) => process.stderr.write(text))];
process.exitCode = process.argv[1] !== undefined && flags.length > 0 ? await runInChild(process.argv[1], argv, flags) : await createCli().run(argv);
