/**
 * Batching of article look-ups by id: every `article(id)` and every `articles({ ids }, first)` asked while a batch is
 * open goes in one statement (entityBatch.ts's window). The playground's "Facts stated by several articles" asks,
 * for each of 20 relations, its articles (`articles { title }`: up to 10 ids each) and the article of each of its
 * first 5 quotes (`evidence { article { id } }`): 20 statements of the first kind and about 90 of the second, one
 * round-trip each, were about 110 statements per request; now one or two.
 *
 * The articles are read without their text and sentence spans (`SLIM_ARTICLE_SQL`, typed ArticleWithoutText): those
 * lists answer `text`, `sentences` and an evidence's `sentenceText`, which complete the article first
 * (src/store/partialArticles.ts, `wholeArticle` here: one more statement, batched, when asked), while listing answers
 * print titles, dates and outlets. The store's public `article` and `articles` read whole articles (`wholeById`,
 * `wholeByIds`): only the resolvers' lean path (`articleWithoutText`, `articlesWithoutText`) reads them this way. At 100,000 articles an article's record is 1.7 KB of JSON on average, its other fields about 160 bytes;
 * "Who said what about Crimea" (the corpus's place) read 253 articles a request, 430 KB of JSON parsed with some
 * 4,000 sentence spans, and "Facts stated by several articles" 132 (docs/design-choices.md, `pgseveral`).
 * `json_to_record` takes the fields out in PostgreSQL, whatever the keys' order (0.8 ms more for 132 articles than
 * the plain read, `EXPLAIN ANALYZE`; a cut of the text at `"text":` would lose a key written after it).
 */
import type { ArticleRecord } from '../../graph/types.js';
import type { Connections } from './connections.js';
import { EntityBatch } from './entityBatch.js';
import { isWholeArticle, type ArticleWithoutText } from '../partialArticles.js';

/** An article as read: its record and its place in publication order. */
interface ArticleAt {
  readonly record: ArticleWithoutText;
  readonly pos: number;
}

/** The articles with ids `$1` without their text and sentences: the other fields of ArticleRecord, one column each. */
const SLIM_ARTICLE_SQL = `SELECT a.id, a.pos, f.title, f.published, f.source, f.url
  FROM newsgraph.article a, json_to_record(a.doc) AS f(title text, published text, source text, url text)
  WHERE a.id = ANY($1::text[])`;

/** A row of SLIM_ARTICLE_SQL. */
interface SlimArticleRow {
  readonly id: string;
  readonly pos: number;
  readonly title: string;
  readonly published: string | null;
  readonly source: string | null;
  readonly url: string | null;
}

/** The article of a row, without `text` and `sentences`: the optional fields only where the record has them. */
function slimArticle(row: SlimArticleRow): ArticleWithoutText {
  return {
    id: row.id,
    title: row.title,
    ...(row.published !== null ? { published: row.published } : {}),
    ...(row.source !== null ? { source: row.source } : {}),
    ...(row.url !== null ? { url: row.url } : {}),
  };
}

export class ArticleBatch {
  private readonly batch = new EntityBatch<string, ArticleAt>((ids) => this.read(ids));
  /** Whole articles (with text and sentences) for the fields that read them. */
  private readonly wholeBatch = new EntityBatch<string, ArticleRecord>((ids) => this.readWhole(ids));

  constructor(private readonly db: Connections) {}

  /** The article with this id without its text and sentences, or null. */
  async article(id: string): Promise<ArticleWithoutText | null> {
    return (await this.batch.load(id))?.record ?? null;
  }

  /** The first `first` of these articles in publication order (each once; unknown ids left out), as `articles({ ids })` answers, without their text. */
  async byIds(ids: readonly string[], first: number): Promise<ArticleWithoutText[]> {
    if (first <= 0) return [];
    const found = await Promise.all([...new Set(ids)].map((id) => this.batch.load(id)));
    return found
      .flatMap((article) => (article === null ? [] : [article]))
      .sort((a, b) => a.pos - b.pos)
      .slice(0, first)
      .map((article) => article.record);
  }

  /** The article with its text and sentences: itself when it has them, else its whole record (batched per request). */
  wholeArticle(article: ArticleWithoutText): ArticleRecord | Promise<ArticleRecord> {
    if (isWholeArticle(article)) return article;
    return this.wholeBatch.load(article.id).then((whole) => {
      if (whole === null) throw new Error(`article "${article.id}" is no longer in the corpus served (loaded again meanwhile?)`);
      return whole;
    });
  }

  /** The whole article with this id (text and sentences), or null (batched per request). */
  async wholeById(id: string): Promise<ArticleRecord | null> {
    return this.wholeBatch.load(id);
  }

  /** The first `first` of these articles in publication order (each once; unknown ids left out), whole. */
  async wholeByIds(ids: readonly string[], first: number): Promise<ArticleRecord[]> {
    if (first <= 0) return [];
    const rows = await this.db.read<{ doc: ArticleRecord }>('SELECT doc FROM newsgraph.article WHERE id = ANY($1::text[]) ORDER BY pos LIMIT $2', [[...new Set(ids)], first]);
    return rows.map((r) => r.doc);
  }

  private async read(ids: string[]): Promise<Map<string, ArticleAt>> {
    const rows = await this.db.read<SlimArticleRow>(SLIM_ARTICLE_SQL, [ids]);
    return new Map(rows.map((r) => [r.id, { record: slimArticle(r), pos: r.pos }]));
  }

  private async readWhole(ids: string[]): Promise<Map<string, ArticleRecord>> {
    const rows = await this.db.read<{ id: string; doc: ArticleRecord }>('SELECT id, doc FROM newsgraph.article WHERE id = ANY($1::text[])', [ids]);
    return new Map(rows.map((r) => [r.id, r.doc]));
  }
}
