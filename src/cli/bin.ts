#!/usr/bin/env node
// The `newsgraph` command: everything happens in createCli(); this file only starts it.
// graphql-js runs extra development-time checks on every field unless NODE_ENV is "production" (read when
// it loads, hence the dynamic import); a value the user set wins. Apollo's own defaults that depend on it
// (introspection, stack traces) are set explicitly in api/apollo.ts.
process.env['NODE_ENV'] ??= 'production';
// A reader that stops early (`newsgraph stats | head`) closes the pipe: that is the reader's choice, not a
// failure, so the command ends quietly with 0, as `yes | head` does, instead of dying on an unhandled EPIPE.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});
// `serve` with the graph in memory runs in a child process started with a young generation that a quiet spell does
// not shrink (serveRespawn.ts); this process then only waits for it, passing signals on, and loads nothing else.
// In that child, stopWithTheCommand makes it stop if this process is killed outright.
const { runServeInChild, shouldRespawnServe, stopWithTheCommand } = await import('./serveRespawn.js');
stopWithTheCommand();
const argv = process.argv.slice(2);
if (process.argv[1] !== undefined && shouldRespawnServe({ argv, execArgv: process.execArgv, env: process.env, platform: process.platform })) {
  process.exitCode = await runServeInChild(process.argv[1], argv);
} else {
  const { createCli } = await import('./cli.js');
  process.exitCode = await createCli().run(argv);
}
