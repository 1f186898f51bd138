/**
 * The corpus a page of rows at a time, in the graph's order (CorpusElements): what the whole-graph exports of a
 * server over PostgreSQL are written from (src/export/layoutStream.ts), in memory that does not grow with the corpus.
 *
 * The pages are read one query at a time on the pool, not in one transaction: a load that commits meanwhile
 * re-points the reader views, and the next page would be the new corpus's. So each page's statement also reads the
 * identity of the corpus it reads (the meta row, through the same views, in the same statement), and a page of
 * another corpus than the export began with is not handed out: the reader gets CorpusReplacedError, and the server
 * cuts the download (a client sees it incomplete) rather than send a file of two corpora.
 */
import type { ArticleRecord, EntityAttributes, RelationAttributes } from '../../graph/types.js';
import { CorpusReplacedError, type ArticleHead, type CorpusElements, type CorpusHead, type EdgeElement, type EntityHead, type NodeElement, type RelationEnd } from '../corpusElements.js';
import type { Connections } from './connections.js';
import type { CorpusMeta } from './load.js';
import { parseProjected } from './projectedRecords.js';

/** Rows per query at most: a page of a corpus's relations as GraphML is about a megabyte. */
const PAGE_ROWS = 1_000;

/**
 * Stored (compressed) bytes of records per query at most, but never less than one record: a head of state's record at
 * 100,000 articles is megabytes, and the first thousand entities, most of the corpus's heads, were one page of
 * hundreds of megabytes (a GraphML export's server went from 165 MB to 561 MB for it). Measured in SQL from
 * pg_column_size, which reads no record.
 */
export const PAGE_STORED_BYTES = 1024 * 1024;

/**
 * A page's statement over `table`: the rows after position $1 in order, at most $2 of them, and past the first only
 * while the records before them hold under $3 stored bytes; each row with the identity of the corpus they are of,
 * read in the same statement (so from the same load), and one row of that identity alone when the page is empty.
 * The rows come in no set order.
 */
function pageStatement(table: string, position: string, columns: string): string {
  return (
    // MATERIALIZED: the identity read once per statement; inlined, the meta row's JSON was parsed again for every row
    // (15 ms a page of relations instead of 1.7).
    `WITH corpus AS MATERIALIZED (SELECT value->'identity'->>'id' AS id FROM newsgraph.meta WHERE key = 'corpus') ` +
    `SELECT corpus.id AS corpus, page.* FROM corpus ` +
    `LEFT JOIN LATERAL (SELECT * FROM (SELECT ${position} AS pos, ${columns}, ` +
    `sum(pg_column_size(doc)) OVER (ORDER BY ${position} ROWS UNBOUNDED PRECEDING) - pg_column_size(doc) AS before ` +
    `FROM newsgraph.${table} WHERE ${position} > $1 ORDER BY ${position} LIMIT $2) rows WHERE before < $3) page ON true`
  );
}

/** graphology's options of every graph newsgraph builds (graph/types.ts NewsGraph: multi, directed, self-loops allowed). */
const GRAPH_OPTIONS = { type: 'directed', multi: true, allowSelfLoops: true } as const;

/** The corpus of `meta`, read from `db`, a page at a time. */
export function postgresCorpusElements(db: Connections, meta: CorpusMeta): CorpusElements {
  /** A page's rows, if they are of the corpus the export began with. */
  const checked = async <R extends { pos: number }>(sql: string, after: number): Promise<R[]> => {
    const rows = await db.read<R & { corpus: string | null }>(sql, [after, PAGE_ROWS, PAGE_STORED_BYTES]);
    if (rows[0]?.corpus !== meta.identity.id) throw new CorpusReplacedError();
    // In order here, not by the statement: sorting there copied every record (10 ms a page of entities, not 2).
    return rows.filter((row) => row.pos !== null).sort((a, b) => a.pos - b.pos);
  };
  async function* pages<R extends { pos: number }, T>(sql: string, element: (row: R) => T): AsyncGenerator<T[]> {
    let next = checked<R>(sql, -1);
    for (;;) {
      const rows = await next;
      const last = rows[rows.length - 1];
      if (last === undefined) return; // a page cut short by its bytes is not the last: only an empty one is
      // The next page is read while this one is written, the database and the writer at work at once (28% of an
      // export's time was spent waiting for pages). Its failure is handled where it is awaited, or nowhere if the
      // reader stops first.
      next = checked<R>(sql, last.pos);
      next.catch(() => undefined);
      yield rows.map(element);
    }
  }
  return {
    async head(): Promise<CorpusHead> {
      const [count] = await db.read<{ articles: number }>('SELECT count(*)::int AS articles FROM newsgraph.article');
      return {
        entities: meta.entityCount,
        relations: meta.relationCount,
        articles: count?.articles ?? 0,
        options: GRAPH_OPTIONS,
        attributes: meta.graphAttributes,
      };
    },
    articles: () =>
      pages(pageStatement('article', 'graph_pos', 'doc'), (row: { pos: number; doc: ArticleRecord }) => row.doc),
    nodes: () =>
      pages(pageStatement('entity', 'pos', 'id, doc'), (row: { pos: number; id: string; doc: EntityAttributes }): NodeElement => ({
        node: row.id,
        attributes: row.doc,
      })),
    edges: () =>
      pages(
        pageStatement('relation', 'pos', 'id, subject, object, doc'),
        (row: { pos: number; id: string; subject: string; object: string; doc: RelationAttributes }): EdgeElement => ({
          edge: row.id,
          source: row.subject,
          target: row.object,
          attributes: row.doc,
        }),
      ),
    async entityHeads(ids: readonly string[]): Promise<ReadonlyMap<string, EntityHead>> {
      // The name from the record's cut (projectedRecords.ts), not its whole text: a head of state's record is megabytes.
      type Row = { id: string; kind: EntityAttributes['kind']; text: string };
      const heads = new Map<string, EntityHead>();
      const whole: string[] = [];
      for (const row of await db.read<Row>('SELECT id, kind, cut AS text FROM newsgraph.entity WHERE id = ANY($1::text[])', [ids])) {
        const name = parseProjected<{ name?: unknown }>(row.text)?.name;
        if (typeof name === 'string') heads.set(row.id, { name, kind: row.kind });
        else whole.push(row.id);
      }
      if (whole.length > 0) {
        const rows = await db.read<Row>("SELECT id, kind, doc->>'name' AS text FROM newsgraph.entity WHERE id = ANY($1::text[])", [whole]);
        for (const row of rows) heads.set(row.id, { name: row.text, kind: row.kind });
      }
      return heads;
    },
    async articleHeads(ids: readonly string[]): Promise<ReadonlyMap<string, ArticleHead>> {
      const rows = await db.read<{ id: string; title: string; published: string | null; source: string | null; url: string | null }>(
        "SELECT id, doc->>'title' AS title, doc->>'published' AS published, doc->>'source' AS source, doc->>'url' AS url FROM newsgraph.article WHERE id = ANY($1::text[])",
        [ids],
      );
      return new Map(
        rows.map((row) => [
          row.id,
          {
            id: row.id,
            title: row.title,
            ...(row.published === null ? {} : { published: row.published }),
            ...(row.source === null ? {} : { source: row.source }),
            ...(row.url === null ? {} : { url: row.url }),
          },
        ]),
      );
    },
    async relationEnds(entityIds: readonly string[]): Promise<ReadonlyMap<string, readonly RelationEnd[]>> {
      // as_out: the entity is the subject, or an end of a symmetric relation (corpusRows.ts adjacencyRows). The
      // modality from the slim record where there is one: a relation's whole record may be megabytes of quotes.
      type Row = RelationEnd & { entity: string };
      const rows = await db.read<Row>(
        'SELECT a.entity, r.subject, r.object, r.predicate, r.negated, r.is_symmetric AS symmetric, ' +
          "coalesce(r.slim, r.doc)->>'modality' AS modality FROM newsgraph.adjacency a JOIN newsgraph.relation r ON r.pos = a.relation_pos " +
          'WHERE a.entity = ANY($1::text[]) AND a.as_out AND NOT a.negated ORDER BY a.entity, a.relation_pos',
        [entityIds],
      );
      return groupedInOrder(rows, (row) => row.entity, ({ subject, object, predicate, negated, modality, symmetric }): RelationEnd => ({ subject, object, predicate, negated, modality, symmetric }));
    },
    async namingEntities(articleIds: readonly string[]): Promise<ReadonlyMap<string, readonly string[]>> {
      const rows = await db.read<{ article: string; id: string }>(
        'SELECT ea.article, e.id FROM newsgraph.entity_article ea JOIN newsgraph.entity e ON e.pos = ea.entity_pos ' +
          'WHERE ea.article = ANY($1::text[]) ORDER BY ea.article, ea.entity_pos',
        [articleIds],
      );
      return groupedInOrder(rows, (row) => row.article, (row) => row.id);
    },
    async unrecordedMention(): Promise<string | undefined> {
      const [row] = await db.read<{ article: string }>(
        'SELECT ea.article FROM newsgraph.entity_article ea WHERE NOT EXISTS (SELECT 1 FROM newsgraph.article a WHERE a.id = ea.article) LIMIT 1',
      );
      return row?.article;
    },
  };
}

/** The rows' `value`s grouped by `key`, each group in the rows' order. */
function groupedInOrder<R, V>(rows: readonly R[], key: (row: R) => string, value: (row: R) => V): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const id = key(row);
    const list = groups.get(id);
    if (list === undefined) groups.set(id, [value(row)]);
    else list.push(value(row));
  }
  return groups;
}
