/** `newsgraph extract ARTICLE.txt [--data DIR] [--id ID] ...`: adds the article with a draft encoding. */
import { basename } from 'node:path';
import { defaultDataDir, displayPath } from '../../build/index.js';
import { publishedProblem } from '../../build/publication.js';
import { NotRegularFileError, readRegularFile, unreadableReason } from '../../build/inputLimits.js';
import { NewsgraphError } from '../../errors.js';
import { extractIntoDirectory, MAX_DRAFT_SENTENCE_CHARS } from '../../extract/index.js';
import { slug } from '../../extract/entityTable.js';
import type { Command } from '../command.js';

/** Where the LLM mode reads the endpoint's API key from, unless --llm-key-env names another variable. */
export const LLM_KEY_ENV = 'NEWSGRAPH_LLM_API_KEY';

export const extractCommand: Command = {
  name: 'extract',
  usage: 'newsgraph extract ARTICLE.txt [--data DIR] [--id ID] [--title T] [--published DATE] [--source NAME] [--llm URL --model NAME]',
  summary: 'Add an article with a draft encoding (offline rules); the directory still validates afterwards.',
  positionals: 1,
  options: {
    data: { type: 'string', valueName: 'DIR', description: "The data directory to add it to (default: the package's data/)." },
    id: { type: 'string', valueName: 'ID', description: "The article's id (default: from the file name)." },
    title: { type: 'string', valueName: 'T', description: "The headline (default: the text's first line)." },
    published: { type: 'string', valueName: 'DATE', description: 'Publication date, ISO 8601 (2025-04-24).' },
    source: { type: 'string', valueName: 'NAME', description: 'The outlet.' },
    llm: { type: 'string', valueName: 'URL', description: 'Ask an OpenAI-compatible chat endpoint (e.g. http://localhost:8080/v1) instead of the offline rules.' },
    model: { type: 'string', valueName: 'NAME', description: 'The model to ask (with --llm).' },
    'llm-key-env': { type: 'string', valueName: 'VAR', description: `The environment variable that holds the endpoint's API key (default: ${LLM_KEY_ENV}); the key is never printed.` },
  },
  async run({ positionals, values }, io) {
    const file = positionals[0];
    if (file === undefined) throw new NewsgraphError('BAD_USER_INPUT', 'extract needs the article text file: newsgraph extract ARTICLE.txt [--data DIR].');
    const text = readArticleText(file);
    const str = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
    const id = str('id') ?? slug(basename(file).replace(/\.[^.]*$/u, ''));
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/u.test(id)) throw new NewsgraphError('BAD_USER_INPUT', `--id "${id}" is not a lower-kebab id (e.g. "gaza-talks-2025-06").`);
    const published = str('published');
    // The builder's own check, so a date it would refuse is refused here, before anything is drafted, with the option's name.
    const dateProblem = published === undefined ? undefined : publishedProblem(published);
    if (dateProblem !== undefined) throw new NewsgraphError('BAD_USER_INPUT', dateProblem.replace(/^article\.published/u, '--published'));
    const title = str('title') ?? (text.split('\n').find((l) => l.trim().length > 0) ?? id).trim().slice(0, 120);
    const source = str('source');
    const dir = str('data') ?? defaultDataDir();
    const llmUrl = str('llm');
    const model = str('model');
    if ((llmUrl === undefined) !== (model === undefined)) throw new NewsgraphError('BAD_USER_INPUT', '--llm URL and --model NAME go together.');
    const apiKey = process.env[str('llm-key-env') ?? LLM_KEY_ENV];
    const llm = llmUrl !== undefined && model !== undefined ? { url: llmUrl, model, ...(apiKey ? { apiKey } : {}) } : undefined;
    const result = await extractIntoDirectory(dir, text, { id, title, ...(published !== undefined ? { published } : {}), ...(source !== undefined ? { source } : {}) }, llm ? { llm } : {});
    const { article, newEntities, linked, emptySentences, longSentences, sentenceCount } = result.draft;
    const byPredicate = new Map<string, number>();
    for (const r of article.relations ?? []) byPredicate.set(r.predicate, (byPredicate.get(r.predicate) ?? 0) + 1);
    io.out(`${displayPath(dir)}: article "${id}" drafted (${sentenceCount} sentences)\n`);
    io.out(`  relations: ${article.relations?.length ?? 0} (${[...byPredicate].map(([p, n]) => `${p} ${n}`).join(', ')})\n`);
    io.out(`  events: ${article.events?.length ?? 0}${(article.events ?? []).map((e) => ` ${e.eventType}/${e.status}`).join(',')}\n`);
    io.out(`  claims: ${article.claims?.length ?? 0}\n`);
    io.out(`  entities: ${linked.length} linked to the corpus, ${newEntities.length} created (${newEntities.map((e) => e.id).join(', ')})\n`);
    io.out(`  sentences with no fact: ${emptySentences.length === 0 ? 'none' : emptySentences.join(', ')}\n`);
    if (longSentences.length > 0) io.out(`  sentences too long for the rules (over ${MAX_DRAFT_SENTENCE_CHARS.toLocaleString('en-US')} characters, not read): ${longSentences.join(', ')}\n`);
    for (const d of result.dropped) io.out(`  dropped (the builder refused it): ${d}\n`);
    if (result.llm) {
      for (const r of result.llm.report.rejected) io.out(`  rejected (model): ${r}\n`);
      for (const f of result.llm.report.flagged) io.out(`  flagged for review (model): ${f}\n`);
      io.out(`  raw model response kept in ${displayPath(result.llm.auditFile)}\n`);
    }
    io.out(`Review: every fact is marked "draft:"; delete the mark to accept it. Then: newsgraph validate ${displayPath(dir)}\n`);
    return 0;
  },
};

/** The article's text, or a message naming the file and what is wrong with it (never a bare ENOENT). */
function readArticleText(file: string): string {
  try {
    return readRegularFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'there is no such file' : error instanceof NotRegularFileError ? unreadableReason(error) : `it cannot be read (${code ?? String(error)})`;
    throw new NewsgraphError('BAD_USER_INPUT', `cannot read the article text ${JSON.stringify(file)}: ${why}; name a .txt file holding the article, verbatim.`);
  }
}
