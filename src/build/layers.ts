/**
 * Data directories that layer: a directory may build on the shared entities of others without copying them.
 * It names them in `newsgraph.yaml` at its root (`extends: [package, ../other-data]`; "package" is the
 * package's own data/), or the caller passes them (`--with-package-entities`, `buildGraph(dir, { extends })`).
 * A base contributes its `entities.yaml` (and, in turn, its own bases'); its articles are not built.
 */
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { didYouMean } from '../didYouMean.js';
import type { Diagnostic } from '../errors.js';
import { defaultDataDir, displayPath } from './paths.js';
import { readRegularFile, unreadableReason } from './inputLimits.js';
import { YamlSource } from './yamlSource.js';

export const LAYER_FILE = 'newsgraph.yaml';
/** The name that stands for the package's own data directory in `extends:`. */
export const PACKAGE_LAYER = 'package';

/** How a data directory is layered on others, besides what its own newsgraph.yaml says. */
export interface LayerOptions {
  /** Build on the package's shared entities (as `extends: [package]`). @default false */
  readonly withPackageEntities?: boolean;
  /** More base directories (paths, relative to the working directory, or "package"). */
  readonly extends?: readonly string[];
}

/** The base directories of `root`, each once, every base before the directories built on it; `root` not included. */
export async function resolveBases(root: string, options: LayerOptions, problems: Diagnostic[]): Promise<string[]> {
  const order: string[] = [];
  const visiting = new Set<string>([root]);

  const visit = async (dir: string, wanted: readonly { target: string; blame?: () => Diagnostic }[]) => {
    for (const { target, blame } of wanted) {
      if (visiting.has(target)) {
        if (target !== root || dir !== root) {
          const at = blame?.();
          if (at) problems.push({ ...at, code: 'LAYER_CYCLE', message: `${at.message}: "${displayPath(target)}" extends, directly or not, the directory that extends it; remove one of the two extends.` });
        }
        continue;
      }
      if (order.includes(target)) continue;
      if (!(await isDirectory(target))) {
        const at = blame?.();
        const message = `the data directory "${displayPath(target)}" to build on does not exist.`;
        problems.push(at ? { ...at, code: 'FILE_UNREADABLE', message: `${at.message}: ${message}` } : { code: 'FILE_UNREADABLE', file: displayPath(target), line: 1, column: 1, message });
        continue;
      }
      visiting.add(target);
      await visit(target, await declaredBases(target, problems));
      visiting.delete(target);
      order.push(target);
    }
  };

  const given = [...(options.withPackageEntities ? [PACKAGE_LAYER] : []), ...(options.extends ?? [])];
  const fromOptions = given.map((name) => ({ target: targetOf(name, process.cwd()) }));
  await visit(root, [...(await declaredBases(root, problems)), ...fromOptions]);
  return order;
}

/** What `dir/newsgraph.yaml` extends, each with a way to blame its entry; [] when there is no such file. */
async function declaredBases(dir: string, problems: Diagnostic[]): Promise<{ target: string; blame: () => Diagnostic }[]> {
  const file = join(dir, LAYER_FILE);
  let text: string;
  try {
    text = readRegularFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    problems.push({ code: 'FILE_UNREADABLE', file: displayPath(file), line: 1, column: 1, message: `cannot read this file (${unreadableReason(error)}); ${LAYER_FILE} names the data directories this one extends.` });
    return [];
  }
  const source = new YamlSource(displayPath(file), text);
  if (source.syntaxProblems.length > 0) {
    problems.push(...source.syntaxProblems.slice(0, 1));
    return [];
  }
  const data = source.data;
  if (data === null || data === undefined) return [];
  if (typeof data !== 'object' || Array.isArray(data)) {
    problems.push(source.problem('SCHEMA', [], `${LAYER_FILE} must be a map, e.g. "extends: [package]".`));
    return [];
  }
  const entries = data as Record<string, unknown>;
  for (const key of Object.keys(entries)) {
    if (key !== 'extends') {
      problems.push(source.problem('UNKNOWN_PROPERTY', [key], `unknown key "${key}" in ${LAYER_FILE}; it takes only "extends".${didYouMean(key, ['extends'])}`, { key: true }));
    }
  }
  const value = entries['extends'];
  if (value === undefined) return [];
  const list = typeof value === 'string' ? [value] : value;
  if (!Array.isArray(list) || list.some((v) => typeof v !== 'string' || v.length === 0)) {
    problems.push(source.problem('SCHEMA', ['extends'], `extends must be a directory or a list of them (paths relative to ${LAYER_FILE}, or "${PACKAGE_LAYER}").`));
    return [];
  }
  return (list as string[]).map((name, i) => ({
    target: targetOf(name, dir),
    blame: () => source.problem('SCHEMA', typeof value === 'string' ? ['extends'] : ['extends', i], `extends "${name}"`),
  }));
}

function targetOf(name: string, base: string): string {
  return name === PACKAGE_LAYER ? defaultDataDir() : resolve(base, name);
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}
