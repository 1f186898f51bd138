/**
 * Batching of article look-ups by id: every `article(id)` and every `articles({ ids }, first)` asked while a batch is
 * open goes in one statement (entityBatch.ts's window). The playground's "Facts stated by several articles" asks,
 * for each of 20 relations, its articles (`articles { title }`: up to 10 ids each) and the article of each of its
 * first 5 quotes (`evidence { article { id } }`): 20 statements of the first kind and about 90 of the second, one
 * round-trip each, were about 110 statements per request; now one or two.
 *
 * A page of relations also has the articles its answer asks read together at the first ask (`readAhead`, from
 * pageArticles.ts: each relation's first articles and its first quotes' articles), kept a short while (keptAhead.ts):
 * the look-ups then wait for that read or find them at hand, instead of waiting for the batch window.
 */
import type { ArticleRecord } from '../../graph/types.js';
import type { Connections } from './connections.js';
import { EntityBatch } from './entityBatch.js';
import { KeptAhead } from './keptAhead.js';

/** Articles kept read ahead at most, and for how long after the last page read some (as endsAhead.ts). */
export const MAX_ARTICLES_AHEAD = 8_192;
export const ARTICLES_AHEAD_MS = 2_000;

/** An article as read: its record and its place in publication order. */
interface ArticleAt {
  readonly record: ArticleRecord;
  readonly pos: number;
}

export class ArticleBatch {
  private readonly batch = new EntityBatch<string, ArticleAt>((ids) => this.read(ids));
  private readonly ahead = new KeptAhead<string, ArticleAt>(MAX_ARTICLES_AHEAD, ARTICLES_AHEAD_MS);

  constructor(private readonly db: Connections) {}

  /** The article with this id, or null. */
  async article(id: string): Promise<ArticleRecord | null> {
    return (await this.load(id))?.record ?? null;
  }

  /** Reads these articles now, in one statement, and keeps them for the look-ups that follow (keptAhead.ts). */
  readAhead(ids: Iterable<string>): Promise<void> {
    return this.ahead.readAhead(ids, (missing) => this.read(missing));
  }

  /** Forgets the articles read ahead (the corpus changed). */
  clear(): void {
    this.ahead.clear();
  }

  /**
   * Being read ahead for this answer's page (a failed read ahead: looked up), else read ahead lately, else looked up
   * with the others of this turn. A read under way comes first: each page waits for its own read, not for one an
   * earlier answer made (the figures of a repeated question are the database's, not a cache's).
   */
  private load(id: string): Promise<ArticleAt | null> | ArticleAt {
    return (
      this.ahead.whenRead(id)?.then(
        (article) => article ?? null,
        () => this.batch.load(id),
      ) ??
      this.ahead.get(id) ??
      this.batch.load(id)
    );
  }

  /** The first `first` of these articles in publication order (each once; unknown ids left out), as `articles({ ids })` answers. */
  async byIds(ids: readonly string[], first: number): Promise<ArticleRecord[]> {
    if (first <= 0) return [];
    const found = await Promise.all([...new Set(ids)].map((id) => this.load(id)));
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
