/**
 * Adds a drafted article to a data directory, all or nothing: the draft is written to a scratch directory
 * holding the entity table and the new article (articleScratch.ts) and checked by the builder; facts the
 * builder refuses are dropped and reported, and the check runs again; only a draft that validates is written,
 * file by file atomically. The other articles are not rebuilt: a directory that validated before validates
 * after, and the cost follows the entity table and the new article, not the corpus.
 */
import { mkdtemp, readFile, rm, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LineCounter, parseDocument, stringify, isMap, isSeq, type Node } from 'yaml';
import type { ArticleFileSource, EntitySource } from '../build/sourceModel.js';
import { writeFileAtomic } from '../build/writeAtomic.js';
import { NewsgraphError, formatDiagnostic, type Diagnostic } from '../errors.js';
import { basesOf, checkInScratch, declaredIds } from './articleScratch.js';
import { draftArticle, MAX_DRAFT_CHARS, type ArticleDraft, type ArticleMeta } from './draftArticle.js';
import type { KnownEntity } from './entityTable.js';
import type { ChatOptions } from './llm/chatClient.js';
import { llmDraft } from './llm/llmDraft.js';
import type { VerificationReport } from './llm/verifyAnswer.js';

export interface ExtractOptions {
  /** Ask an OpenAI-compatible chat endpoint instead of the offline rules (every quote still verified by code). */
  readonly llm?: ChatOptions;
}

export interface ExtractResult {
  readonly draft: ArticleDraft;
  /** LLM mode: what the guards refused or flagged, and where the raw response was kept. */
  readonly llm?: { readonly report: VerificationReport; readonly auditFile: string };
  /** Facts the builder refused, with why: dropped, never written. */
  readonly dropped: string[];
  readonly files: string[];
}

const ARTICLE_HEADER = '# yaml-language-server: $schema=../../schema/article.schema.json\n# Drafted by `newsgraph extract`: every fact marked `draft:` awaits review; delete the mark to accept it.\n';

/**
 * Drafts `text` into `dataDir` as article `meta.id`.
 * @throws NewsgraphError BAD_USER_INPUT when the article id is taken, the directory's entity table does not validate, or
 *   the text is empty or longer than MAX_DRAFT_CHARS.
 */
export async function extractIntoDirectory(dataDir: string, text: string, meta: ArticleMeta, options: ExtractOptions = {}): Promise<ExtractResult> {
  if (text.trim() === '') throw new NewsgraphError('BAD_USER_INPUT', 'the text is empty (or only white space): there is nothing to draft; give the file holding the article.');
  // Both modes: a model's draft is checked against the rules' mention pass over the same text, whose cost is the bound's reason.
  if (text.length > MAX_DRAFT_CHARS) {
    throw new NewsgraphError(
      'BAD_USER_INPUT',
      `the text has ${text.length.toLocaleString('en-US')} characters; newsgraph extract drafts at most ${MAX_DRAFT_CHARS.toLocaleString('en-US')} (about 30,000 words). ` +
        'Split it into articles and extract each, or write its encoding by hand (newsgraph validate takes articles of up to 4 Mi characters).',
    );
  }
  const entitiesFile = join(dataDir, 'entities.yaml');
  const yamlFile = join(dataDir, 'articles', `${meta.id}.yaml`);
  const textFile = join(dataDir, 'articles', `${meta.id}.txt`);
  for (const f of [yamlFile, textFile]) {
    if (await exists(f)) throw new NewsgraphError('BAD_USER_INPUT', `${f} exists: article "${meta.id}" is already in the directory; pick another --id.`);
  }
  const entitiesText = (await exists(entitiesFile)) ? await readFile(entitiesFile, 'utf8') : '# yaml-language-server: $schema=../schema/entities.schema.json\nentities:\n';
  const own = readKnown(entitiesText);
  const [reserved, bases] = await Promise.all([declaredIds(dataDir), basesOf(dataDir)]);
  // The gazetteer is the whole entity table: this directory's entities and those of the layers it builds on
  // (newsgraph.yaml `extends`), so that "NATO" links to a base's entity instead of creating a second one.
  const fromBases = (await Promise.all(bases.map((b) => readFile(join(b, 'entities.yaml'), 'utf8').catch(() => '')))).flatMap(readKnown);
  const known = [...own, ...fromBases.filter((e) => !own.some((o) => o.id === e.id))];
  const fromModel = options.llm ? await llmDraft(text, meta, known, options.llm, reserved) : undefined;
  const draft = fromModel?.draft ?? draftArticle(text, meta, known, reserved);
  const auditFile = join(dataDir, 'audit', `${meta.id}.llm.json`);

  let article: ArticleFileSource = draft.article;
  let newEntities: EntitySource[] = draft.newEntities;
  const dropped: string[] = [];
  const scratch = await mkdtemp(join(tmpdir(), 'newsgraph-extract-'));
  try {
    for (let round = 0; ; round++) {
      // Only the entity table and the new article are checked (articleScratch.ts): the other articles are
      // not read again, so the cost does not grow with the corpus.
      const articleYaml = ARTICLE_HEADER + stringify(article, { lineWidth: 0 });
      const entitiesYaml = appendEntities(entitiesText, newEntities);
      const check = await checkInScratch(join(scratch, `round-${round}`), dataDir, bases, { articleId: meta.id, text, articleYaml, entitiesYaml, knownCount: own.length });
      if (check.tableProblems.length > 0) {
        throw new NewsgraphError('BAD_USER_INPUT', `${dataDir}: the entity table does not validate as it is; fix it first:\n${check.tableProblems.map(formatDiagnostic).join('\n')}`);
      }
      const problems = check.draftProblems;
      if (problems.length === 0) {
        await writeFileAtomic(textFile, text);
        await writeFileAtomic(entitiesFile, entitiesYaml);
        await writeFileAtomic(yamlFile, articleYaml);
        if (fromModel) {
          // Raw responses are kept for audit, beside the data (the builder reads only entities.yaml and articles/).
          await writeFileAtomic(auditFile, `${JSON.stringify({ ...fromModel.audit, droppedByTheBuilder: dropped }, null, 2)}\n`);
        }
        return {
          draft: { ...draft, article, newEntities },
          dropped,
          files: [textFile, yamlFile, entitiesFile, ...(fromModel ? [auditFile] : [])],
          ...(fromModel ? { llm: { report: fromModel.audit.report, auditFile } } : {}),
        };
      }
      if (round >= 8) throw new NewsgraphError('DATA_INVALID', `the draft does not validate; nothing was written:\n${problems.map(formatDiagnostic).join('\n')}`);
      const next = dropRefused(article, articleYaml, newEntities, entitiesYaml, own.length, problems, dropped);
      article = next.article;
      newEntities = next.newEntities;
    }
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

function readKnown(entitiesText: string): KnownEntity[] {
  const data: unknown = parseDocument(entitiesText).toJS();
  const list = typeof data === 'object' && data !== null ? (data as { entities?: unknown }).entities : undefined;
  return Array.isArray(list) ? (list as KnownEntity[]) : [];
}

/**
 * New entities go at the end of the shared list, through the YAML document (so that comments, order and each
 * item's style are kept, whatever style the list has: block, flow, or none yet).
 */
function appendEntities(entitiesText: string, entities: readonly EntitySource[]): string {
  if (entities.length === 0) return entitiesText;
  const doc = parseDocument(entitiesText);
  const list = doc.get('entities', true);
  if (isSeq(list)) {
    list.flow = false;
    for (const e of entities) list.items.push(doc.createNode(e));
  } else {
    doc.set('entities', doc.createNode(entities));
  }
  return doc.toString({ lineWidth: 0 });
}

/** For each item of the sequence at `key` (top level), the problems whose line falls inside it. */
function problemsByItem(yamlText: string, key: string, problems: readonly Diagnostic[]): Map<number, Diagnostic[]> {
  const counter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter: counter });
  const seq = doc.get(key, true);
  const found = new Map<number, Diagnostic[]>();
  if (!isSeq(seq)) return found;
  seq.items.forEach((item, i) => {
    const range = (item as Node).range;
    if (!range) return;
    const from = counter.linePos(range[0]).line;
    const to = counter.linePos(range[1]).line;
    const inside = problems.filter((p) => p.line >= from && p.line <= to);
    if (inside.length > 0) found.set(i, inside);
  });
  return found;
}

/** Drops every drafted item that a problem points into (by line), and the references to what was dropped. */
function dropRefused(
  article: ArticleFileSource,
  articleYaml: string,
  newEntities: EntitySource[],
  entitiesYaml: string,
  knownCount: number,
  problems: readonly Diagnostic[],
  dropped: string[],
): { article: ArticleFileSource; newEntities: EntitySource[] } {
  const inArticle = problems.filter((p) => p.file.endsWith(`${article.article.id}.yaml`));
  const inEntities = problems.filter((p) => p.file.endsWith('entities.yaml'));
  const drop = new Set<string>();
  const why = (list: readonly Diagnostic[]) => [...new Set(list.map((p) => p.message))].join(' / ');
  let blamed = 0;
  const keep = <T>(list: readonly T[] | undefined, key: string, label: (t: T) => string, id: (t: T) => string | undefined): T[] | undefined => {
    if (!list) return undefined;
    const hit = problemsByItem(articleYaml, key, inArticle);
    return list.filter((item, i) => {
      const found = hit.get(i);
      if (!found) return true;
      blamed++;
      dropped.push(`${key}: ${label(item)} (${why(found)})`);
      const own = id(item);
      if (own !== undefined) drop.add(own);
      return false;
    });
  };
  const events = keep(article.events, 'events', (e) => e.id, (e) => e.id);
  const claims = keep(article.claims, 'claims', (c) => c.id, (c) => c.id);
  let relations = keep(article.relations, 'relations', (r) => `${r.subject} ${r.predicate} ${r.object}`, () => undefined) ?? [];
  // Mentions: a problem inside an entity's entry drops that entity's mentions.
  const mentions = { ...(article.mentions ?? {}) };
  const counter = new LineCounter();
  const doc = parseDocument(articleYaml, { lineCounter: counter });
  const map = doc.get('mentions', true);
  if (isMap(map)) {
    for (const pair of map.items) {
      const keyNode = pair.key as Node | null;
      const valueNode = pair.value as Node | null;
      const from = keyNode?.range ? counter.linePos(keyNode.range[0]).line : undefined;
      const to = valueNode?.range ? counter.linePos(valueNode.range[1]).line : from;
      if (from === undefined || to === undefined) continue;
      const found = inArticle.filter((p) => p.line >= from && p.line <= to);
      if (found.length === 0) continue;
      const id = String((pair.key as { value?: unknown }).value ?? '');
      delete mentions[id];
      blamed++;
      dropped.push(`mentions: ${id} (${why(found)})`);
    }
  }
  // New entities: the items after the known ones in entities.yaml.
  const entityHits = problemsByItem(entitiesYaml, 'entities', inEntities);
  const keptEntities = newEntities.filter((e, i) => {
    const found = entityHits.get(knownCount + i);
    const unmentioned = mentions[e.id] === undefined;
    if (!found && !unmentioned) return true;
    if (found) blamed++;
    dropped.push(`entity: ${e.id} (${found ? why(found) : 'no mention left'})`);
    drop.add(e.id);
    return false;
  });
  for (const id of drop) delete mentions[id];
  const gone = (id: string | undefined) => id !== undefined && drop.has(id);
  relations = relations.filter((r) => !gone(r.subject) && !gone(r.object) && !gone(r.attributedTo) && !gone(r.event));
  const keptEvents = (events ?? []).map((e) => ({ ...e, roles: e.roles?.filter((r) => !gone(r.entity)) })).filter((e) => (e.roles?.length ?? 0) > 0);
  if (blamed === 0) {
    throw new NewsgraphError('DATA_INVALID', `the draft does not validate and no drafted fact could be blamed; nothing was written:\n${problems.map(formatDiagnostic).join('\n')}`);
  }
  return { article: { ...article, mentions, events: keptEvents, ...(claims ? { claims } : {}), relations }, newEntities: keptEntities };
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}
