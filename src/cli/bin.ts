#!/usr/bin/env node
// The `newsgraph` command: everything happens in createCli(); this file only starts it.
import { createCli } from './cli.js';

process.exitCode = await createCli().run(process.argv.slice(2));
