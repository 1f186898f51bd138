/**
 * Reads a data directory: `entities.yaml` (the entities shared by all articles) and `articles/*.yaml`
 * (one encoding per article, each naming its verbatim text file), plus the shared entities of the
 * directories it builds on (layers.ts). Parses YAML and checks each file against its JSON Schema and the
 * property vocabulary; every problem is collected, none stops the others from being found, and a bad item
 * is set aside alone (salvage.ts) so that the rest of its file is still checked.
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../errors.js';
import type { CheckedArticle } from './articleCheck.js';
import { BuildCache } from './buildCache.js';
import { checkArticles, type CheckOptions } from './checkArticles.js';
import { Excuses } from './excuses.js';
import { LayeredEntitiesSource, type EntityOrigin } from './layeredEntities.js';
import { resolveBases, type LayerOptions } from './layers.js';
import { salvage } from './salvage.js';
import { schemaViolations } from './schemaCheck.js';
import type { ArticleFileSource, EntitiesFileSource, EntitySource } from './sourceModel.js';
import { displayPath } from './paths.js';
import { LazyYamlLocator, type SourceLocator } from './sourceLocator.js';
import { unreadableProblem, YamlSource } from './yamlSource.js';
import { readYamlFileText, unreadableReason } from './inputLimits.js';

export interface LoadedArticle {
  /** The YAML file's absolute path, and its text as it was checked (the incremental build's index keeps both's identity). */
  readonly absoluteFile: string;
  readonly yamlText: string;
  /** Locates the problems the assembler finds in this file (the file is parsed again only then). */
  readonly yaml: SourceLocator;
  readonly checked: CheckedArticle;
  /** Present when the file could be read; items with schema errors are set aside (holes in their lists). */
  readonly data?: ArticleFileSource;
  /** The verbatim article text, when the text file could be read. */
  readonly text?: string;
}

export interface LoadedSources {
  readonly entities?: { readonly yaml: YamlSource; readonly data?: EntitiesFileSource };
  readonly articles: readonly LoadedArticle[];
  readonly problems: readonly Diagnostic[];
  /** What the problems above already explain: the echoes to drop from later checks. */
  readonly excuses: Excuses;
}

export const ENTITIES_FILE = 'entities.yaml';
export const ARTICLES_DIR = 'articles';

/** How to read: the layers, and how articles are checked (from a cache, on how many threads). */
export interface LoadOptions extends LayerOptions {
  /** The root of the build cache (buildCache.ts); without it every article is checked. */
  readonly cache?: string | undefined;
  /** Threads that check articles (checkArticles.ts); by default as many as the machine has, for a corpus. */
  readonly threads?: number | undefined;
  /** Told how many article checks came from the cache and how many were made (checkArticles.ts). */
  readonly onChecked?: CheckOptions['onChecked'];
}

export async function loadSources(dataDir: string, options: LoadOptions = {}): Promise<LoadedSources> {
  const problems: Diagnostic[] = [];
  const excuses = new Excuses();
  const root = resolve(dataDir);
  const bases = await resolveBases(root, options, problems);

  const read: { file: string; yamlText: string }[] = [];
  for (const file of await listArticleFiles(root, problems)) {
    const yamlText = await readYamlText(file, problems, { optional: false });
    if (yamlText !== undefined) read.push({ file, yamlText });
  }
  const cache = options.cache === undefined ? undefined : BuildCache.open(options.cache, root);
  const checks = await checkArticles(read, { cache, threads: options.threads, onChecked: options.onChecked });
  const articles = checks.map(({ checked, text }, i) => loadedArticle(checked, read[i]?.file ?? '', read[i]?.yamlText ?? '', text, problems, excuses));
  const entities =
    bases.length === 0
      ? await loadEntities(join(root, ENTITIES_FILE), problems, excuses, { optional: false })
      : await loadLayeredEntities(root, bases, articles, problems, excuses);
  return { ...(entities ? { entities } : {}), articles, problems, excuses };
}

/** A checked article as the assembler takes it; its problems and excuses join the build's. */
function loadedArticle(checked: CheckedArticle, absoluteFile: string, yamlText: string, text: string | undefined, problems: Diagnostic[], excuses: Excuses): LoadedArticle {
  problems.push(...checked.problems);
  checked.excused.declared.forEach((id) => excuses.declaredBySetAside(id));
  checked.excused.mentioned.forEach((id) => excuses.mentionedAt(id));
  if (checked.excused.unreadable) excuses.unreadable(yamlText);
  return {
    absoluteFile,
    yamlText,
    yaml: new LazyYamlLocator(checked.file, yamlText),
    checked,
    ...(checked.data !== undefined ? { data: checked.data } : {}),
    ...(text !== undefined ? { text } : {}),
  };
}

async function loadEntities(
  file: string,
  problems: Diagnostic[],
  excuses: Excuses,
  options: { optional: boolean },
): Promise<{ yaml: YamlSource; data?: EntitiesFileSource } | undefined> {
  const yaml = await loadYaml(file, problems, options);
  if (!yaml) {
    if (!options.optional) excuses.everythingUndeclared();
    return undefined;
  }
  if (yaml.syntaxProblems.length > 0) {
    excuses.unreadable(yaml.text);
    return { yaml };
  }
  const violations = schemaViolations(yaml, 'entities');
  problems.push(...violations.map((v) => v.diagnostic));
  const data = salvage(yaml.data, violations, 'entities', excuses) as EntitiesFileSource | undefined;
  if (!data) {
    excuses.unreadable(yaml.text);
    return { yaml };
  }
  return { yaml, data };
}

/**
 * The shared entities of the bases, then of `root`, as one list. An inherited entity is kept only when the
 * articles name it (so an unused one is neither built nor reported without evidence); an id declared by two
 * layers is a duplicate, reported at the later one.
 */
async function loadLayeredEntities(
  root: string,
  bases: readonly string[],
  articles: readonly LoadedArticle[],
  problems: Diagnostic[],
  excuses: Excuses,
): Promise<{ yaml: YamlSource; data: EntitiesFileSource }> {
  const named = new Set<string>();
  for (const a of articles) collectStrings(a.data, named);
  const merged: EntitySource[] = [];
  const origins: EntityOrigin[] = [];
  /** Where each id was first declared: the file and the entity's index in it. */
  const first = new Map<string, EntityOrigin>();
  for (const layer of [...bases, root]) {
    const loaded = await loadEntities(join(layer, ENTITIES_FILE), problems, excuses, { optional: true });
    if (!loaded?.data) continue;
    const { yaml } = loaded;
    loaded.data.entities.forEach((entity, index) => {
      const earlier = first.get(entity.id);
      if (earlier) {
        const at = earlier.yaml.problem('DUPLICATE_ID', ['entities', earlier.index, 'id'], '');
        problems.push(yaml.problem('DUPLICATE_ID', ['entities', index, 'id'], `duplicate id "${entity.id}": already declared at ${at.file}:${at.line}:${at.column}, a directory this one builds on; use that entity (its id is shared), or give this one another id.`));
        return;
      }
      first.set(entity.id, { yaml, index });
      if (layer !== root && !named.has(entity.id)) return;
      merged.push(entity);
      origins.push({ yaml, index });
    });
  }
  return { yaml: new LayeredEntitiesSource(displayPath(join(root, ENTITIES_FILE)), origins), data: { entities: merged } };
}

/** Every string and key in a parsed article: the ids it may name. */
function collectStrings(value: unknown, into: Set<string>): void {
  if (typeof value === 'string') into.add(value);
  else if (Array.isArray(value)) value.forEach((v) => collectStrings(v, into));
  else if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      into.add(key);
      collectStrings(v, into);
    }
  }
}

async function loadYaml(file: string, problems: Diagnostic[], options: { optional: boolean }): Promise<YamlSource | undefined> {
  const text = await readYamlText(file, problems, options);
  if (text === undefined) return undefined;
  const source = new YamlSource(displayPath(file), text);
  const unreadable = unreadableProblem(source);
  if (unreadable) problems.push(unreadable);
  return source;
}

/** The text of a YAML file, or undefined after reporting why it cannot be read (a missing optional file is not a problem). */
async function readYamlText(file: string, problems: Diagnostic[], options: { optional: boolean }): Promise<string | undefined> {
  let read;
  try {
    read = readYamlFileText(file);
  } catch (error) {
    if (options.optional && (error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    problems.push({ code: 'FILE_UNREADABLE', file: displayPath(file), line: 1, column: 1, message: `cannot read this file (${unreadableReason(error)}); a data directory holds ${ENTITIES_FILE} and ${ARTICLES_DIR}/*.yaml.` });
    return undefined;
  }
  if ('problem' in read) {
    problems.push({ code: read.problem.code, file: displayPath(file), line: 1, column: 1, message: read.problem.message });
    return undefined;
  }
  return read.text;
}

async function listArticleFiles(root: string, problems: Diagnostic[]): Promise<string[]> {
  const dir = join(root, ARTICLES_DIR);
  try {
    const names = await readdir(dir);
    // Sorted by code unit, not locale: the build order (and so the snapshot) must not depend on the machine.
    return names.filter((n) => n.endsWith('.yaml') || n.endsWith('.yml')).sort().map((n) => join(dir, n));
  } catch (error) {
    problems.push({ code: 'FILE_UNREADABLE', file: displayPath(dir), line: 1, column: 1, message: `cannot list the articles (${(error as NodeJS.ErrnoException).code ?? String(error)}); put each article's encoding in ${ARTICLES_DIR}/NAME.yaml.` });
    return [];
  }
}
