/** `newsgraph show ARTICLE_ID [--json]`: the article sentence by sentence, each with the facts drawn from it. */
import { didYouMean } from '../../didYouMean.js';
import { NewsgraphError } from '../../errors.js';
import { reviewArticle, type ArticleReview, type ReviewedRelation } from '../../graph/articleReview.js';
import type { JsonObject } from '../../graph/types.js';
import { GRAPH_SOURCE_OPTIONS, type Command } from '../command.js';
import { corpusOf, graphFrom } from '../graphSource.js';

export const showCommand: Command = {
  name: 'show',
  usage: 'newsgraph show ARTICLE_ID [--json] [--data DIR | --snapshot FILE]',
  summary: 'Print an article sentence by sentence with the facts drawn from each (negation, modality, attribution, drafts), for review.',
  positionals: 1,
  options: {
    json: { type: 'boolean', description: 'Print the review as JSON.' },
    ...GRAPH_SOURCE_OPTIONS,
  },
  corpus: (args) => corpusOf(args),
  async run(args, io) {
    const id = args.positionals[0];
    // Checked before the graph is built: a corpus takes a while.
    if (id === undefined) throw new NewsgraphError('BAD_USER_INPUT', 'name the article to show: newsgraph show ARTICLE_ID (`newsgraph stats` lists the articles).');
    const graph = await graphFrom(args);
    const review = reviewArticle(graph, id);
    if (!review) {
      const ids = graph.getAttribute('articles').map((a) => a.id);
      // A corpus has thousands of articles: name a few, and where to find the rest.
      const some = ids.length <= 10 ? ids.join(', ') : `${ids.slice(0, 10).join(', ')}, ... (${ids.length} in all; \`newsgraph stats\` lists them)`;
      throw new NewsgraphError('NOT_FOUND', `no article "${id}".${didYouMean(id, ids)} Articles: ${some}.`);
    }
    io.out(args.values['json'] ? `${JSON.stringify(review, null, 2)}\n` : formatReview(review));
    return 0;
  },
};

/** The review as text: each sentence, then its facts indented under it. */
export function formatReview(review: ArticleReview): string {
  const { article } = review;
  const about = [article.published, article.source, article.url].filter((x) => x !== undefined).join(', ');
  const lines = [`${article.id}: ${article.title}${about ? ` (${about})` : ''}`, ''];
  for (const s of review.sentences) {
    const facts = s.relations.length + s.events.length + s.claims.length;
    lines.push(`[S${s.index}] ${s.text}`);
    for (const r of s.relations) lines.push(`    ${formatRelation(r)}`);
    for (const e of s.events) {
      const roles = e.roles.map((r) => `${r.role} ${r.entity}`).join(', ');
      lines.push(`    event ${e.id}: ${e.eventType}, ${e.status}${e.when !== undefined ? ` (${e.when})` : ''}${roles ? `; ${roles}` : ''}${e.draft ? '  [draft]' : ''}`);
    }
    for (const c of s.claims) lines.push(`    claim ${c.id}: "${c.name}"${c.modality !== 'asserted' ? ` (${c.modality})` : ''}${c.draft ? '  [draft]' : ''}`);
    if (s.names.length > 0) lines.push(`    names: ${s.names.map((n) => (n.draft ? `${n.id} [draft]` : n.id)).join(', ')}`);
    if (facts === 0) lines.push('    (no fact)');
    lines.push('');
  }
  return `${lines.join('\n')}`;
}

function formatRelation(r: ReviewedRelation): string {
  const qualifiers = [
    ...(r.modality !== 'asserted' ? [r.modality] : []),
    ...(r.attributedTo !== undefined ? [`according to ${r.attributedTo}`] : []),
  ];
  return [
    `${r.negated ? 'NOT ' : ''}${r.predicate} ${r.subject} → ${r.object}`,
    formatProperties(r.properties),
    qualifiers.length > 0 ? `(${qualifiers.join(', ')})` : '',
    r.draft ? '[draft]' : '',
  ]
    .filter(Boolean)
    .join('  ');
}

function formatProperties(properties: JsonObject): string {
  const entries = Object.entries(properties);
  return entries.length === 0 ? '' : `{ ${entries.map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ')} }`;
}
