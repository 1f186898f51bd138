/**
 * Reads a data directory: `entities.yaml` (the entities shared by all articles) and `articles/*.yaml`
 * (one encoding per article, each naming its verbatim text file), plus the shared entities of the
 * directories it builds on (layers.ts). Parses YAML and checks each file against its JSON Schema and the
 * property vocabulary; every problem is collected, none stops the others from being found, and a bad item
 * is set aside alone (salvage.ts) so that the rest of its file is still checked.
 */
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../errors.js';
import { Excuses } from './excuses.js';
import { LayeredEntitiesSource, type EntityOrigin } from './layeredEntities.js';
import { resolveBases, type LayerOptions } from './layers.js';
import { checkPropertyKeys } from './propertyKeys.js';
import { salvage } from './salvage.js';
import { schemaViolations } from './schemaCheck.js';
import type { ArticleFileSource, EntitiesFileSource, EntitySource } from './sourceModel.js';
import { displayPath } from './paths.js';
import { YamlSource } from './yamlSource.js';
import { readArticleText } from './inputLimits.js';

export interface LoadedArticle {
  readonly yaml: YamlSource;
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

export async function loadSources(dataDir: string, options: LayerOptions = {}): Promise<LoadedSources> {
  const problems: Diagnostic[] = [];
  const excuses = new Excuses();
  const root = resolve(dataDir);
  const bases = await resolveBases(root, options, problems);

  const articles: LoadedArticle[] = [];
  for (const file of await listArticleFiles(root, problems)) {
    const loaded = await loadArticle(file, problems, excuses);
    if (loaded) articles.push(loaded);
  }
  const entities =
    bases.length === 0
      ? await loadEntities(join(root, ENTITIES_FILE), problems, excuses, { optional: false })
      : await loadLayeredEntities(root, bases, articles, problems, excuses);
  return { ...(entities ? { entities } : {}), articles, problems, excuses };
}

async function loadArticle(file: string, problems: Diagnostic[], excuses: Excuses): Promise<LoadedArticle | undefined> {
  const yaml = await loadYaml(file, problems, { optional: false });
  if (!yaml) return undefined;
  if (yaml.syntaxProblems.length > 0) {
    excuses.unreadable(yaml.text);
    return { yaml };
  }
  const violations = [...schemaViolations(yaml, 'article'), ...checkPropertyKeys(yaml)];
  problems.push(...violations.map((v) => v.diagnostic));
  const data = salvage(yaml.data, violations, 'article', excuses) as ArticleFileSource | undefined;
  if (!data) {
    excuses.unreadable(yaml.text);
    return { yaml };
  }
  // A mention that fails to anchor is reported where it stands; "no article mentions it" would be an echo.
  for (const id of Object.keys(data.mentions ?? {})) excuses.mentionedAt(id);
  const textFile = resolve(dirname(file), data.article.text);
  try {
    // Read as bytes and checked (UTF-8, control characters, size) with a location, not decoded blindly.
    const read = await readArticleText(textFile);
    if ('problem' in read) {
      problems.push(yaml.problem(read.problem.code, ['article', 'text'], read.problem.message));
      excuses.unreadable(yaml.text);
      return { yaml, data };
    }
    return { yaml, data, text: read.text };
  } catch (error) {
    problems.push(yaml.problem('FILE_UNREADABLE', ['article', 'text'], `cannot read the article text "${displayPath(textFile)}": ${(error as NodeJS.ErrnoException).code ?? String(error)}; the path is relative to this file.`));
    excuses.unreadable(yaml.text);
    return { yaml, data };
  }
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
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    if (options.optional && code === 'ENOENT') return undefined;
    problems.push({ code: 'FILE_UNREADABLE', file: displayPath(file), line: 1, column: 1, message: `cannot read this file (${code}); a data directory holds ${ENTITIES_FILE} and ${ARTICLES_DIR}/*.yaml.` });
    return undefined;
  }
  const source = new YamlSource(displayPath(file), text);
  // Only the first syntax error: the parser's later ones are mostly its recovery failing on what follows
  // (one unclosed bracket gave seven). Said with it: the rest of the file is not checked, and nothing is
  // reported elsewhere for want of what it declares or mentions.
  const [first] = source.syntaxProblems;
  if (first) problems.push({ ...first, message: `${first.message} (this file could not be read, so nothing in it is checked until this is fixed)` });
  return source;
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
