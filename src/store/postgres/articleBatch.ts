/**
 * Batching of article look-ups by id: every `article(id)` and every `articles({ ids }, first)` asked while a batch is
 * open goes in one statement (entityBatch.ts's window). The playground's "Facts stated by several articles" asks,
 * for each of 20 relations, its articles (`articles { title }`: up to 10 ids each) and the article of each of its
 * first 5 quotes (`evidence { article { id } }`): 20 statements of the first kind and about 90 of the second, one
 * round-trip each, were about 110 statements per request; now one or two.
 */
import type { ArticleRecord } from '../../graph/types.js';
import type { Connections } from './connections.js';
import { EntityBatch } from './entityBatch.js';

/** An article as read: its record and its place in publication order. */
interface ArticleAt {
  readonly record: ArticleRecord;
  readonly pos: number;
}

export class ArticleBatch {
  private readonly batch = new EntityBatch<string, ArticleAt>((ids) => this.read(ids));

  constructor(private readonly db: Connections) {}

  /** The article with this id, or null. */
  async article(id: string): Promise<ArticleRecord | null> {
    return (await this.batch.load(id))?.record ?? null;
  }

  /** The first `first` of these articles in publication order (each once; unknown ids left out), as `articles({ ids })` answers. */
  async byIds(ids: readonly string[], first: number): Promise<ArticleRecord[]> {
    if (first <= 0) return [];
    const found = await Promise.all([...new Set(ids)].map((id) => this.batch.load(id)));
    return found
      .flatMap((article) => (article === null ? [] : [article]))
      .sort((a, b) => a.pos - b.pos)
      .slice(0, first)
      .map((article) => article.record);
  }

  private async read(ids: string[]): Promise<Map<string, ArticleAt>> {
    const rows = await this.db.read<{
      id: string;
      pos: number;
      doc: ArticleRecord;
    }>('SELECT id, pos, doc FROM newsgraph.article WHERE id = ANY($1::text[])', [ids]);
    return new Map(rows.map((r) => [r.id, { record: r.doc, pos: r.pos }]));
  }
}
