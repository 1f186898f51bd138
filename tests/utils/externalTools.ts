/**
 * Real consumers (NetworkX, rdflib, Graphviz, Chromium) read our outputs. When one is missing, its tests are skipped
 * loudly on a developer's machine (skippedTools.ts: on stderr, and again at the end of the run), and fail under CI
 * (CI=true), where `.ci/run` installs them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { noteSkippedTool } from './skippedTools.js';

/** Debian's interpreter: the python3 first on PATH here is another one, without rdflib. */
export const SYSTEM_PYTHON = '/usr/bin/python3';
export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
export const DOT_BINARY = '/usr/bin/dot';

function unavailable(what: string, install: string): string {
  const message = `${what} is not installed: these tests need it (${install}).`;
  if (process.env['CI']) throw new Error(`${message} CI must install it in .ci/run.`);
  noteSkippedTool(message);
  return message;
}

/** Returns null when `/usr/bin/python3` imports every module, else the reason (after a loud warning). */
export function missingPythonModules(modules: readonly string[]): string | null {
  const probe = spawnSync(SYSTEM_PYTHON, ['-c', modules.map((m) => `import ${m}`).join('; ')], { encoding: 'utf8' });
  if (probe.status === 0) return null;
  return unavailable(`Python modules ${modules.join(', ')}`, 'apt-get install -y python3-networkx python3-rdflib');
}

/** Returns null when Debian's Chromium is there, else the reason (after a loud warning). */
export function missingChromium(): string | null {
  if (existsSync(SYSTEM_CHROMIUM)) return null;
  return unavailable('Chromium', 'apt-get install -y chromium');
}

/** Runs a Python script with Debian's interpreter, feeding `input` on stdin; throws with stderr on failure. */
export function runPython(script: string, args: readonly string[] = [], input?: string): string {
  const result = spawnSync(SYSTEM_PYTHON, ['-c', script, ...args], { encoding: 'utf8', input, maxBuffer: 64 << 20 });
  if (result.status !== 0) throw new Error(`python failed (${result.status}):\n${result.stderr}`);
  return result.stdout;
}

/** Returns null when Graphviz's `dot` runs, else the reason (after a loud warning). */
export function missingGraphviz(): string | null {
  const probe = spawnSync(DOT_BINARY, ['-V'], { encoding: 'utf8' });
  if (probe.status === 0) return null;
  return unavailable('Graphviz', 'apt-get install -y graphviz');
}
