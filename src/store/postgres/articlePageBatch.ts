/**
 * Batching of an article's pages (`Article.relations`, `Article.entities`): every page asked while a batch is open
 * with the same list, `after` and `first` is answered by one statement, each article's page cut at its own LIMIT in
 * the database, with its total count and whether the article exists. "What each article added" asks two pages of
 * each of 100 articles: about 700 statements (a check, a count and a page per article and list, plus the large
 * records) became two or three. The batch window is EntityBatch's.
 */
import type { CursorSpace } from '../page.js';
import type { Connections } from './connections.js';
import { EntityBatch } from './entityBatch.js';

/** One article's page as read: null when no article has this id. */
export interface ArticlePageRows<T> {
  readonly total: number;
  /** At most `first` records in graph order. */
  readonly records: T[];
  /** Whether the article has more after them (the row after the page was seen, its record not read). */
  readonly hasNextPage: boolean;
}

interface PageRow {
  readonly k: number; // the article's index in $1
  readonly known: boolean;
  readonly total: number;
  /** The row's place in the article's page, from 1 (null: the article has none after the cursor). */
  readonly n: number | null;
  readonly id: string | null;
  readonly key: string | number | null;
  readonly doc: string | null;
}

/**
 * How a page's records are selected: `columns`, select-list items over the table's alias `t`, made in a subquery that
 * PostgreSQL does not flatten (`OFFSET 0`: each made once per row), and `doc`,
 * the record's text over the subquery's alias `x` (NULL where the row has no record).
 */
export interface RecordSelect {
  readonly columns: string;
  readonly doc: string;
}

/**
 * For each article of $1: whether it exists, how many relations (entities) it names, and those after position $2
 * in graph order, at most $3 (LEFT JOIN: an article with none still answers its count). The page's positions come
 * from the list's index alone; records are joined for the first $3 - 1 only: the last row only says that there is a
 * next page, so its record (and, for `entities(first: 0) { totalCount }`, every record) is not sent nor parsed (the
 * join's filter comes before the record's text is made: as a LATERAL subquery with a one-time filter, PostgreSQL
 * memoized and detoasted every record, 3 times the statement's time).
 */
function pageSql(space: CursorSpace, record: RecordSelect): string {
  const [list, column, table, key] = space === 'relation' ? ['relation_article', 'relation_pos', 'relation', 't.pos'] : ['entity_article', 'entity_pos', 'entity', 't.id'];
  // The check and the count once per article (MATERIALIZED: not once per row of its page, nor EXISTS turned into a
  // hash of every article id).
  return `WITH q AS MATERIALIZED (
    SELECT q.k::int AS k, q.id, coalesce((SELECT true FROM newsgraph.article a WHERE a.id = q.id), false) AS known,
      (SELECT count(*)::int FROM newsgraph.${list} l WHERE l.article = q.id) AS total
    FROM unnest($1::text[]) WITH ORDINALITY AS q(id, k))
  SELECT x.k, x.known, x.total, x.n, x.id, x.key, ${record.doc} AS doc FROM (
    SELECT q.k, q.known, q.total, p.n, p.at, t.id, ${key} AS key, ${record.columns} FROM q
    LEFT JOIN LATERAL (
      SELECT l.${column} AS at, row_number() OVER (ORDER BY l.${column})::int AS n FROM newsgraph.${list} l
      WHERE l.article = q.id AND l.${column} > $2 ORDER BY l.${column} LIMIT $3) p ON true
    LEFT JOIN newsgraph.${table} t ON t.pos = p.at AND p.n < $3
    OFFSET 0) x
  ORDER BY x.k, x.at`;
}

/**
 * Work run beside a batch's page statement, on another connection (articlePageEnds.ts: the ends of the relations
 * shown), given the batch's article ids, `after` and the rows shown per article; undefined when there is none for
 * this batch. The batch's pages are handed out once both are done.
 */
export type BesidePages = (articleIds: string[], after: number, shown: number) => Promise<void> | undefined;

export class ArticlePageBatches<K extends string | number, T extends { readonly id: string }> {
  /** Pages asked with the same `after` and `first` share one statement. */
  private readonly batches = new Map<string, EntityBatch<string, ArticlePageRows<T>>>();
  private readonly sql: string;

  /**
   * @param record how a row's record is selected
   * @param records the records of rows read with `record`, in their order (large ones through the store's cache);
   * `besideDone`: whether `beside` ran for them
   * @param beside work run beside the page statement (see BesidePages)
   */
  constructor(
    private readonly db: Connections,
    space: CursorSpace,
    record: RecordSelect,
    private readonly records: (rows: ReadonlyArray<{ readonly key: K; readonly doc: string | null }>, besideDone: boolean) => Promise<T[]>,
    private readonly beside?: BesidePages,
  ) {
    this.sql = pageSql(space, record);
  }

  /** The page of `articleId` after graph position `after` (-1: from the start), `first` records; null for an unknown article. */
  load(articleId: string, after: number, first: number): Promise<ArticlePageRows<T> | null> {
    const key = `${after}:${first}`;
    let batch = this.batches.get(key);
    if (batch === undefined) {
      batch = new EntityBatch((ids) => this.read(ids, after, first + 1));
      this.batches.set(key, batch);
    }
    return batch.load(articleId);
  }

  /** The pages of all these articles after `after`, `first` records each, read now in one statement (a list just handed out: recentLists.ts); unknown articles left out. */
  readAll(articleIds: string[], after: number, first: number): Promise<Map<string, ArticlePageRows<T>>> {
    return this.read(articleIds, after, first + 1);
  }

  private async read(ids: string[], after: number, limit: number): Promise<Map<string, ArticlePageRows<T>>> {
    const besideDone = this.beside?.(ids, after, limit - 1);
    const [rows] = await Promise.all([this.db.read<PageRow>(this.sql, [ids, after, limit]), besideDone]);
    const withRecord = rows.filter((r) => r.id !== null);
    const records = await this.records(
      withRecord.map((r) => ({ key: r.key as K, doc: r.doc })),
      besideDone !== undefined,
    );
    const answers = new Map<string, { total: number; records: T[]; hasNextPage: boolean }>();
    for (const row of rows) {
      if (!row.known) continue;
      const id = ids[row.k - 1] ?? '';
      let answer = answers.get(id);
      if (answer === undefined) answers.set(id, (answer = { total: row.total, records: [], hasNextPage: false }));
      if (row.n === limit) answer.hasNextPage = true;
    }
    // `records` leaves out a large record no longer there (a new load between the statements): matched by id.
    let at = 0;
    for (const row of withRecord) {
      const record = records[at];
      if (record?.id !== row.id) continue;
      at++;
      answers.get(ids[row.k - 1] ?? '')?.records.push(record);
    }
    return answers;
  }
}
