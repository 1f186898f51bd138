/**
 * Everything about one article that depends on that article alone: its YAML parsed and checked against the
 * JSON Schema and the property vocabulary (a bad item set aside, salvage.ts), its text read and checked, its
 * date and url, its sentences, and every evidence quote anchored in its text. This is most of a build's work
 * and it needs nothing from the other articles or from the shared entities, so it can run on any thread
 * (checkPool.ts) and its result can be kept between builds (buildCache.ts), keyed by the hash of what it
 * read. What depends on other files (references, domain and range, duplicates, merging) is the assembler's,
 * and runs over every article at each build.
 *
 * The result is plain data (structured-cloned from a worker, written as JSON in the cache): problems are
 * already located diagnostics, and an anchored quote is its [start, end] in code points, from which the
 * assembler makes the same Evidence the anchoring made (anchor.ts `evidenceAt`).
 */
import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import type { Diagnostic } from '../errors.js';
import { anchorQuote } from './anchor.js';
import { CodePointIndex } from './codePoints.js';
import { readArticleText, unreadableReason } from './inputLimits.js';
import { displayPath } from './paths.js';
import { checkPropertyKeys } from './propertyKeys.js';
import { publishedProblem, urlProblem } from './publication.js';
import { salvage } from './salvage.js';
import { schemaViolations } from './schemaCheck.js';
import { splitSentences } from './sentences.js';
import type { ArticleFileSource, EvidenceSource } from './sourceModel.js';
import { quoteList } from './sourceModel.js';
import { unreadableProblem, YamlSource, type SourcePath } from './yamlSource.js';

/** One quote of an evidence field: where it is, in code points, or why it could not be anchored. */
export type AnchorOutcome = readonly [start: number, end: number] | Diagnostic;

export interface CheckedArticle {
  /** The YAML file as messages show it. */
  readonly file: string;
  /** The problems of this file alone, located. */
  readonly problems: readonly Diagnostic[];
  /** What those problems explain (excuses.ts): ids of set-aside parts, and whether the file is unreadable as a whole. */
  readonly excused: { readonly declared: readonly string[]; readonly mentioned: readonly string[]; readonly unreadable: boolean };
  /** The parsed encoding without its set-aside parts; absent when the file could not be read. */
  readonly data?: ArticleFileSource;
  /** When the text was read: the path the YAML names for it (as written) and the SHA-256 of the text. */
  readonly textFile?: string;
  readonly textSha256?: string;
  /** The text's sentences as [start, end, start, end, ...] code points. */
  readonly sentences?: readonly number[];
  /** Each evidence field's quotes, by the field's path (anchorKey). */
  readonly anchors?: Readonly<Record<string, readonly AnchorOutcome[]>>;
}

/** A checked article and its text (the text is read again, not kept, when the check comes from the cache). */
export interface ArticleCheckResult {
  readonly checked: CheckedArticle;
  readonly text?: string;
}

/** The key of an evidence field's path in `anchors`. */
export function anchorKey(path: SourcePath): string {
  return JSON.stringify(path);
}

export function sha256Text(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Checks the article whose encoding is `yamlText`, read from `file` (an absolute path). */
export function checkArticle(file: string, yamlText: string): ArticleCheckResult {
  const yaml = new YamlSource(displayPath(file), yamlText);
  const problems: Diagnostic[] = [];
  const declared = new Set<string>();
  const mentioned = new Set<string>();
  const result = (unreadable: boolean, rest: Omit<CheckedArticle, 'file' | 'problems' | 'excused'> = {}): CheckedArticle => ({
    file: yaml.file,
    problems,
    excused: { declared: [...declared], mentioned: [...mentioned], unreadable },
    ...rest,
  });

  const syntax = unreadableProblem(yaml);
  if (syntax) {
    problems.push(syntax);
    return { checked: result(true) };
  }
  const violations = [...schemaViolations(yaml, 'article'), ...checkPropertyKeys(yaml)];
  problems.push(...violations.map((v) => v.diagnostic));
  const sink = { declaredBySetAside: (id: string) => declared.add(id), mentionedAt: (id: string) => mentioned.add(id) };
  const data = salvage(yaml.data, violations, 'article', sink) as ArticleFileSource | undefined;
  if (!data) return { checked: result(true) };
  // A mention that fails to anchor is reported where it stands; "no article mentions it" would be an echo.
  for (const id of Object.keys(data.mentions ?? {})) mentioned.add(id);

  const textFile = resolve(dirname(file), data.article.text);
  let text: string;
  try {
    // Read as bytes and checked (UTF-8, control characters, size) with a location, not decoded blindly.
    const read = readArticleText(textFile);
    if ('problem' in read) {
      problems.push(yaml.problem(read.problem.code, ['article', 'text'], read.problem.message));
      return { checked: result(true, { data }) };
    }
    text = read.text;
  } catch (error) {
    problems.push(yaml.problem('FILE_UNREADABLE', ['article', 'text'], `cannot read the article text "${displayPath(textFile)}": ${unreadableReason(error)}; the path is relative to this file.`));
    return { checked: result(true, { data }) };
  }

  const { published, url } = data.article;
  const dateProblem = published === undefined ? undefined : publishedProblem(published);
  if (dateProblem) problems.push(yaml.problem('SCHEMA', ['article', 'published'], dateProblem));
  const addressProblem = url === undefined ? undefined : urlProblem(url);
  if (addressProblem) problems.push(yaml.problem('SCHEMA', ['article', 'url'], addressProblem));

  const sentences = splitSentences(text);
  const article = { id: data.article.id, text, index: new CodePointIndex(text), sentences };
  const anchors: Record<string, AnchorOutcome[]> = {};
  const anchorField = (evidence: EvidenceSource, path: SourcePath): void => {
    anchors[anchorKey(path)] = quoteList(evidence).map((quote, i) => {
      const anchored = anchorQuote(article, quote);
      if (anchored.ok) return [anchored.evidence.start, anchored.evidence.end] as const;
      return yaml.problem(anchored.code, Array.isArray(evidence) ? [...path, i] : path, anchored.message);
    });
  };
  // In the order the assembler asks for them, so that the per-article budget of closest-passage hints
  // (anchor.ts) goes to the same quotes as when each quote was anchored on demand.
  for (const [id, evidence] of Object.entries(data.mentions ?? {})) anchorField(evidence, ['mentions', id]);
  for (const section of ['events', 'eventUpdates'] as const) {
    data[section]?.forEach((item, i) => {
      anchorField(item.evidence, [section, i, 'evidence']);
      item.roles?.forEach((r, j) => {
        if (r.evidence !== undefined) anchorField(r.evidence, [section, i, 'roles', j, 'evidence']);
      });
    });
  }
  data.claims?.forEach((c, i) => anchorField(c.evidence, ['claims', i, 'evidence']));
  data.relations?.forEach((r, i) => anchorField(r.evidence, ['relations', i, 'evidence']));

  const checked = result(false, {
    data,
    textFile: data.article.text,
    textSha256: sha256Text(text),
    sentences: sentences.flatMap((s) => [s.start, s.end]),
    anchors,
  });
  return { checked, text };
}
