/** `newsgraph stats [--json]`: counts by kind and predicate, facts per sentence, and which sentences yield none. */
import { graphStats, type GraphStats } from '../../graph/stats.js';
import { GRAPH_SOURCE_OPTIONS, type Command } from '../command.js';
import { corpusOf, graphFrom } from '../graphSource.js';

export const statsCommand: Command = {
  name: 'stats',
  usage: 'newsgraph stats [--json] [--data DIR | --snapshot FILE]',
  summary: 'Counts by kind and predicate; per article, how many facts each sentence yields.',
  positionals: 0,
  options: {
    json: { type: 'boolean', description: 'Print the figures as JSON.' },
    ...GRAPH_SOURCE_OPTIONS,
  },
  corpus: (args) => corpusOf(args),
  async run(args, io) {
    const stats = graphStats(await graphFrom(args));
    io.out(args.values['json'] ? `${JSON.stringify(stats, null, 2)}\n` : formatStats(stats));
    return 0;
  },
};

function formatStats(stats: GraphStats): string {
  // One width for both tables, the longest name's: the vocabulary's predicates (DEPLOYED_FORCES_TO) pass 16 characters.
  const width = Math.max(16, ...[...Object.keys(stats.byKind), ...Object.keys(stats.byPredicate)].map((name) => name.length));
  const countWidth = Math.max(5, ...[...Object.values(stats.byKind), ...Object.values(stats.byPredicate)].map((count) => String(count).length));
  const table = (record: Readonly<Record<string, number>>) =>
    Object.entries(record).map(([name, count]) => `  ${name.padEnd(width)} ${String(count).padStart(countWidth)}`);
  // A corpus's coverage in one line before the article-by-article list, which runs to thousands of lines.
  const sentences = stats.articles.reduce((sum, a) => sum + a.sentences, 0);
  const covered = stats.articles.reduce((sum, a) => sum + a.covered, 0);
  const whole = stats.articles.filter((a) => a.covered === a.sentences).length;
  const share = sentences === 0 ? '' : ` (${((100 * covered) / sentences).toFixed(1)}%)`;
  const lines = [
    `${stats.entities} entities, ${stats.relations} relations (${stats.negatedRelations} negated)`,
    '',
    'entities by kind:',
    ...table(stats.byKind),
    '',
    'relations by predicate:',
    ...table(stats.byPredicate),
    '',
    'sentence coverage:',
    `  all ${stats.articles.length} article(s): ${covered} of ${sentences} sentences yield a fact${share}; every sentence in ${whole} article(s)`,
  ];
  for (const a of stats.articles) {
    lines.push(`  ${a.article}: ${a.covered} of ${a.sentences} sentences yield a fact`);
    lines.push(`    facts per sentence: ${a.factsPerSentence.map((n, i) => `S${i} ${n}`).join(', ')}`);
    for (const u of a.uncovered) lines.push(`    no fact in sentence ${u.index}: ${u.text}`);
  }
  return `${lines.join('\n')}\n`;
}
