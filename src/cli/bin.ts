#!/usr/bin/env node
// The `newsgraph` command: everything happens in createCli(); this file only starts it.
// graphql-js runs extra development-time checks on every field unless NODE_ENV is "production" (read when
// it loads, hence the dynamic import); a value the user set wins. Apollo's own defaults that depend on it
// (introspection, stack traces) are set explicitly in api/apollo.ts.
process.env['NODE_ENV'] ??= 'production';
const { createCli } = await import('./cli.js');

process.exitCode = await createCli().run(process.argv.slice(2));
