/**
 * Checks one drafted article against a data directory's entity table without rebuilding the corpus: a
 * scratch directory holds the directory's `entities.yaml` (with the draft's new entities appended), the new
 * article's text and YAML, and builds on the same base layers. The builder then checks exactly what the draft
 * adds. What the scratch cannot see (the other articles) can only make one kind of complaint there: a known
 * entity with no mention ("no evidence"), which the corpus's own articles answer; those are set aside.
 * The cost follows the entity table and the new article, not the number of articles (docs/extraction.md).
 */
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { LineCounter, isSeq, parseDocument, type Node } from 'yaml';
import { validateData } from '../build/buildGraph.js';
import { resolveBases } from '../build/layers.js';
import { displayPath } from '../build/paths.js';
import { writeFileAtomic } from '../build/writeAtomic.js';
import type { Diagnostic } from '../errors.js';

export interface ScratchFiles {
  readonly articleId: string;
  readonly text: string;
  readonly articleYaml: string;
  /** The directory's entities.yaml with the new entities appended (known ones first, their lines unchanged). */
  readonly entitiesYaml: string;
  /** How many entities of `entitiesYaml` the directory already had. */
  readonly knownCount: number;
}

export interface ScratchCheck {
  /** Problems of what the draft adds (the article, the new entities), located in the scratch files. */
  readonly draftProblems: Diagnostic[];
  /** Problems of the directory's own entity table (known entities), located in the real entities.yaml. */
  readonly tableProblems: Diagnostic[];
}

/** The base layers `dataDir` builds on, as absolute paths (so that a scratch copy elsewhere builds on them too). */
export async function basesOf(dataDir: string): Promise<string[]> {
  const problems: Diagnostic[] = [];
  return resolveBases(dataDir, {}, problems);
}

/** Writes the scratch directory `work` and validates it with the builder. */
export async function checkInScratch(work: string, dataDir: string, bases: readonly string[], files: ScratchFiles): Promise<ScratchCheck> {
  await mkdir(join(work, 'articles'), { recursive: true });
  await writeFileAtomic(join(work, 'articles', `${files.articleId}.txt`), files.text);
  await writeFileAtomic(join(work, 'articles', `${files.articleId}.yaml`), files.articleYaml);
  await writeFileAtomic(join(work, 'entities.yaml'), files.entitiesYaml);
  const problems = await validateData(work, { extends: bases });
  const knownLines = lastLineOfItem(files.entitiesYaml, files.knownCount - 1);
  const scratchEntities = displayPath(join(work, 'entities.yaml'));
  const scratchArticle = (p: Diagnostic) => p.file === displayPath(join(work, 'articles', `${files.articleId}.yaml`)) || p.file === displayPath(join(work, 'articles', `${files.articleId}.txt`));
  const fromDraft = (p: Diagnostic) => scratchArticle(p) || (p.file === scratchEntities && p.line > knownLines);
  const draftProblems = problems.filter(fromDraft);
  const tableProblems = problems
    .filter((p) => !fromDraft(p) && !(p.file === scratchEntities && p.code === 'NO_EVIDENCE'))
    .map((p) => (p.file === scratchEntities ? { ...p, file: displayPath(join(dataDir, 'entities.yaml')) } : p));
  return { draftProblems, tableProblems };
}

/** The last line (1-based) of item `index` of the top-level `entities` list; 0 when there is no such item. */
function lastLineOfItem(yamlText: string, index: number): number {
  if (index < 0) return 0;
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter });
  const seq = doc.get('entities', true);
  if (!isSeq(seq)) return 0;
  const item = seq.items[index] as Node | undefined;
  return item?.range ? counter.linePos(item.range[1]).line : 0;
}

/**
 * The ids the other articles declare (their events and claims, and their own ids), read as text rather than
 * built: a created entity must not take one. Reading is proportional to the corpus's bytes, but it parses
 * nothing (about 1% of a validation at 1,000 articles, see docs/extraction.md); a superset is harmless (a
 * created entity then takes the next free id).
 */
export async function declaredIds(dataDir: string): Promise<Set<string>> {
  const ids = new Set<string>();
  const dir = join(dataDir, 'articles');
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return ids;
  }
  const ID = /(?:^|[{,\s])id:\s*["']?([a-z0-9]+(?:-[a-z0-9]+)*)/gmu;
  const yamls = names.filter((n) => n.endsWith('.yaml'));
  for (let i = 0; i < yamls.length; i += 64) {
    const texts = await Promise.all(yamls.slice(i, i + 64).map((n) => readFile(join(dir, n), 'utf8').catch(() => '')));
    for (const t of texts) for (const m of t.matchAll(ID)) if (m[1] !== undefined) ids.add(m[1]);
  }
  return ids;
}
