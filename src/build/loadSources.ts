/**
 * Reads a data directory: `entities.yaml` (the entities shared by all articles) and `articles/*.yaml`
 * (one encoding per article, each naming its verbatim text file). Parses YAML and checks each file against
 * its JSON Schema; every problem is collected, none stops the others from being found.
 */
import { readFile, readdir } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../errors.js';
import { checkSchema } from './schemaCheck.js';
import type { ArticleFileSource, EntitiesFileSource } from './sourceModel.js';
import { displayPath } from './paths.js';
import { YamlSource } from './yamlSource.js';
import { readArticleText } from './inputLimits.js';

export interface LoadedArticle {
  readonly yaml: YamlSource;
  /** Present only when the file passed its schema. */
  readonly data?: ArticleFileSource;
  /** The verbatim article text, when the text file could be read. */
  readonly text?: string;
}

export interface LoadedSources {
  readonly entities?: { readonly yaml: YamlSource; readonly data?: EntitiesFileSource };
  readonly articles: readonly LoadedArticle[];
  readonly problems: readonly Diagnostic[];
}

export const ENTITIES_FILE = 'entities.yaml';
export const ARTICLES_DIR = 'articles';

export async function loadSources(dataDir: string): Promise<LoadedSources> {
  const problems: Diagnostic[] = [];
  const root = resolve(dataDir);
  const entities = await loadYaml(join(root, ENTITIES_FILE), problems);
  const entitiesData = entities && conforms(entities, 'entities', problems) ? (entities.data as EntitiesFileSource) : undefined;

  const articleFiles = await listArticleFiles(root, problems);
  const articles: LoadedArticle[] = [];
  for (const file of articleFiles) {
    const yaml = await loadYaml(file, problems);
    if (!yaml) continue;
    if (!conforms(yaml, 'article', problems)) {
      articles.push({ yaml });
      continue;
    }
    const data = yaml.data as ArticleFileSource;
    const textFile = resolve(dirname(file), data.article.text);
    try {
      const read = await readArticleText(textFile);
      if ('problem' in read) {
        problems.push(yaml.problem(read.problem.code, ['article', 'text'], read.problem.message));
        articles.push({ yaml, data });
        continue;
      }
      articles.push({ yaml, data, text: read.text });
    } catch (error) {
      problems.push(yaml.problem('FILE_UNREADABLE', ['article', 'text'], `cannot read the article text "${displayPath(textFile)}": ${(error as NodeJS.ErrnoException).code ?? String(error)}; the path is relative to this file.`));
      articles.push({ yaml, data });
    }
  }
  return { ...(entities ? { entities: { yaml: entities, ...(entitiesData ? { data: entitiesData } : {}) } } : {}), articles, problems };
}

async function loadYaml(file: string, problems: Diagnostic[]): Promise<YamlSource | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    problems.push({ code: 'FILE_UNREADABLE', file: displayPath(file), line: 1, column: 1, message: `cannot read this file (${code}); a data directory holds ${ENTITIES_FILE} and ${ARTICLES_DIR}/*.yaml.` });
    return undefined;
  }
  const source = new YamlSource(displayPath(file), text);
  problems.push(...source.syntaxProblems);
  return source;
}

/** True when the file parsed and conforms to its schema; its problems are added otherwise. */
function conforms(source: YamlSource, schema: 'entities' | 'article', problems: Diagnostic[]): boolean {
  if (source.syntaxProblems.length > 0) return false;
  const found = checkSchema(source, schema);
  problems.push(...found);
  return found.length === 0;
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
