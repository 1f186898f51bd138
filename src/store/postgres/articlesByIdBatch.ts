/**
 * Batching of `articles({ ids }, first)`: the articles of a relation or an entity (`articles { title published }`),
 * asked once per item of a list. "Who said what about Crimea" asks the articles of each of its 50 relations: at
 * 100,000 articles that was 50 statements of about 0.02 ms each in the database, every one a round-trip costing the
 * server far more than the database (its `writev`, the wait, the next turn). Now every id asked while a batch is open
 * (EntityBatch's window, entityBatch.ts) goes in one statement, and each call's answer is cut in JavaScript as the
 * single statement cut it: its own ids, in the article table's order (`pos`, publication order), at most `first`.
 */
import type { ArticleRecord } from '../../graph/types.js';
import type { Connections } from './connections.js';
import { EntityBatch } from './entityBatch.js';

interface ArticleRow {
  readonly id: string;
  readonly pos: number;
  readonly doc: ArticleRecord;
}

/** An article with its place in the article table's order. */
interface PlacedArticle {
  readonly pos: number;
  readonly doc: ArticleRecord;
}

export class ArticlesByIdBatch {
  private readonly batch: EntityBatch<string, PlacedArticle>;

  constructor(private readonly db: Connections) {
    this.batch = new EntityBatch((ids) => this.read(ids));
  }

  /** The articles with these ids (unknown ones left out), in publication order (the table's `pos`), at most `first`. */
  async load(ids: readonly string[], first: number): Promise<ArticleRecord[]> {
    if (first <= 0 || ids.length === 0) return [];
    const found = await Promise.all(ids.map((id) => this.batch.load(id)));
    const placed = new Map<number, PlacedArticle>(); // by pos: an id asked twice is one article
    for (const article of found) if (article !== null) placed.set(article.pos, article);
    return [...placed.values()]
      .sort((a, b) => a.pos - b.pos)
      .slice(0, first)
      .map((article) => article.doc);
  }

  private async read(ids: string[]): Promise<Map<string, PlacedArticle>> {
    const rows = await this.db.read<ArticleRow>('SELECT id, pos, doc FROM newsgraph.article WHERE id = ANY($1::text[])', [ids]);
    return new Map(rows.map((row) => [row.id, { pos: row.pos, doc: row.doc }]));
  }
}
