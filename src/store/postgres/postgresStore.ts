/**
 * The PostgreSQL store: the GraphStore read interface over the tables a load wrote (schema.ts), read through the
 * `newsgraph` views so that a new load is picked up at its commit without the server knowing. Answers are those
 * of the in-memory store, in the same order: the orders are integers computed at load time by the functions of
 * `src/graph/`, pages use the same cursors (`src/store/page.ts`), and the traversals follow the in-memory
 * algorithms step for step (traversals.ts). Each method costs a bounded number of queries whatever the size of
 * its answer: lists come back whole from one query, entity look-ups of one tick are batched (entityBatch.ts),
 * traversals read a bounded chunk per round-trip.
 */
import { didYouMean, MAX_CANDIDATES_SCANNED } from '../../didYouMean.js';
import { NewsgraphError } from '../../errors.js';
import type { ExploreQuery, ExplorerView, SelectedExplorerView, WholeExploreQuery } from '../../graph/explore.js';
import type { GraphIdentity } from '../../graph/identity.js';
import type { Selection } from '../../graph/selection.js';
import type { ArticleRecord, EntityAttributes, Evidence, EventAttributes, NewsGraph, RelationAttributes } from '../../graph/types.js';
import type { EntityKind } from '../../ontology/index.js';
import { decodeCursor, pageFrom, type CursorSpace } from '../page.js';
import { isWholeEntity, isWholeRelation, type CompletesRecords, type ReadsListHeads } from '../partialRecords.js';
import type { HoldsEntitiesAtHand } from '../entitiesAtHand.js';
import type { ArticleWithoutText, ReadsArticlesWithoutText } from '../partialArticles.js';
import { evidenceArticleIds } from '../evidenceArticles.js';
import type {
  ArticleQuery,
  GraphStore,
  LinkedFilter,
  LinkFilter,
  NeighborhoodQuery,
  NeighborRecord,
  Page,
  PageRequest,
  RelationQuery,
  StoredEntity,
  StoredEvent,
  StoredRelation,
  TimelineQuery,
} from '../types.js';
import { Connections, type ConnectionOptions } from './connections.js';
import { EntityBatch } from './entityBatch.js';
import { ByteBudget, DEFAULT_RECORD_CACHE_BYTES, RecordCache, recordOrNull } from './recordCache.js';
import { plainRecord, storedRecord, type StoredRecord } from './lazyRecord.js';
import { exploreFromPostgres, type ArticleOrder } from './exploreQuery.js';
import { HubPrefixes } from './hubPrefixes.js';
import { postgresCorpusElements } from './corpusElements.js';
import type { CorpusElements } from '../corpusElements.js';
import { SELECTION_LIMITS, selectionGraph, type SelectionLimits } from './selectionGraph.js';
import type { CorpusMeta } from './load.js';
import { CorpusMetaCache } from './corpusMeta.js';
import { searchPositions } from './searchQuery.js';
import { isSlim, servedDoc } from './slimRecords.js';
import { projectedArticleCount, projectedDoc } from './projectedRecords.js';
import { firstItems, headAnswers, headsOf } from './listHeads.js';
import { ListSlices } from './listSlices.js';
import { TABLES_VERSION } from './schema.js';
import { LinkedBatches } from './linkedBatch.js';
import { EventRelationsBatches } from './eventRelationsBatch.js';
import { RelationsOfBatches } from './relationsOfBatch.js';
import { endsOfRelations } from './endsOfRelations.js';
import { ArticlePageBatches, type ArticlePageRows } from './articlePageBatch.js';
import { ArticleBatch } from './articleBatch.js';
import { EndsAhead, MAX_KEPT } from './endsAhead.js';
import { ARTICLE_PAGE_ENDS_SQL } from './articlePageEnds.js';
import { CorpusCounts } from './corpusCounts.js';
import { dateRangeCondition } from './sqlDates.js';
import { NearIds } from './nearIds.js';
import { SharedWindow } from './sharedWindow.js';
import { RecentLists } from './recentLists.js';
import { pageWithEndsSql, type PageOrEndRow } from './pageWithEnds.js';
import { linkedValues } from './linkedBatch.js';
import { neighborhoodPositions, shortestPathPositions } from './traversals.js';

type DocRow<T> = { doc: T };

/**
 * A record whose whole copy is gone (a new load committed meanwhile): handed back as it came, without its lists, as
 * before; the fields that read a list then answer none (the next request reads the new corpus).
 */
function gone<T extends EntityAttributes | RelationAttributes>(record: StoredEntity | StoredRelation): T {
  return record as unknown as T;
}

/** The relations filter of `Query.relations` as SQL over `r` (newsgraph.relation), with its parameters. */
function relationConditions(query: RelationQuery): { sql: string; values: unknown[]; from: string; position: string; countFrom: string | undefined } {
  const values: unknown[] = [];
  const param = (value: unknown): string => {
    values.push(value);
    return `$${values.length}`;
  };
  const conditions: string[] = [];
  const { predicates, subject, object, negated, article, from, to, minArticles, draft } = query;
  // Predicate and negation: the adjacency row's copy around an entity (counted on the index alone), else the record's.
  const on = subject !== undefined || object !== undefined ? 'a' : 'r';
  // One predicate as `=`: PostgreSQL reads relation_predicate in order and stops at the page's LIMIT (with `= ANY` of
  // an array it read all of the predicate's relations and sorted them: 800 rows for a page of 50).
  if (predicates !== undefined) conditions.push(predicates.length === 1 ? `${on}.predicate = ${param(predicates[0])}::text` : `${on}.predicate = ANY(${param([...predicates])}::text[])`);
  if (negated !== undefined) conditions.push(`${on}.negated = ${param(negated)}`);
  if (subject !== undefined || object !== undefined) {
    const s = param(subject ?? null);
    const o = param(object ?? null);
    // The relations around the subject (else the object), read from its adjacency rows in graph order: a row's
    // as_out says the entity is the subject (either end of a symmetric relation), as_in the object, `other` the
    // far end; so the ends are checked on the index alone (covering), without reading a hub's relation records.
    conditions.push(
      `a.entity = coalesce(${s}::text, ${o}::text) AND CASE WHEN ${s}::text IS NOT NULL THEN a.as_out AND (${o}::text IS NULL OR a.other = ${o}) ELSE a.as_in END`,
    );
  }
  if (article !== undefined) conditions.push(`r.pos IN (SELECT relation_pos FROM newsgraph.relation_article WHERE article = ${param(article)})`);
  if (from !== undefined || to !== undefined) {
    const range = dateRangeCondition('published', `${param(from ?? null)}::text`, `${param(to ?? null)}::text`);
    conditions.push(`r.pos IN (SELECT relation_pos FROM newsgraph.relation_article WHERE ${range})`);
  }
  if (minArticles !== undefined && minArticles >= 2) conditions.push(`r.article_count >= ${param(minArticles)}`);
  if (draft !== undefined) conditions.push(`r.draft = ${param(draft)}`);
  const around = subject !== undefined || object !== undefined;
  return {
    sql: conditions.length === 0 ? 'true' : conditions.join(' AND '),
    values,
    // Around an entity: its adjacency rows, joined with the records only for the page.
    from: around ? 'newsgraph.adjacency a JOIN newsgraph.relation r ON r.pos = a.relation_pos' : 'newsgraph.relation r',
    position: around ? 'a.relation_pos' : 'r.pos',
    // Only conditions the adjacency rows hold: counted on the covering index alone.
    countFrom: around && article === undefined && from === undefined && to === undefined && (minArticles === undefined || minArticles < 2) && draft === undefined ? 'newsgraph.adjacency a' : undefined,
  };
}

/** Where a PostgresStore reads, and how much it keeps and reads at most. */
export interface PostgresStoreOptions extends ConnectionOptions {
  /** Heap kept for records between requests, all four caches together (recordCache.ts). @default 48 MiB */
  readonly recordCacheBytes?: number;
  /** What an export of a selection may read into memory (selectionGraph.ts). @default SELECTION_LIMITS */
  readonly selectionLimits?: Partial<SelectionLimits>;
}

export class PostgresStore implements GraphStore, CompletesRecords, ReadsListHeads, HoldsEntitiesAtHand, ReadsArticlesWithoutText {
  private readonly db: Connections;
  private readonly batch: EntityBatch;
  private readonly corpus: CorpusMetaCache;
  /**
   * Every record kept between requests, within one byte budget (recordCache.ts): the records handed out (slim for
   * the hubs: slimRecords.ts) and the whole records of hubs read when an answer asks for their lists.
   */
  private readonly recordBudget: ByteBudget;
  private readonly entityRecords: RecordCache<string, EntityAttributes>;
  private readonly relationRecords: RecordCache<number, RelationAttributes>;
  private articleOrderOf: { readonly identity: string; readonly order: Promise<ArticleOrder> } | undefined;
  /** Whole records of the hubs handed out slim, their evidence and articles parsed on first read (lazyRecord.ts). */
  private readonly wholeEntities: RecordCache<string, EntityAttributes>;
  private readonly wholeRelations: RecordCache<string, RelationAttributes>;
  private readonly wholeEntityBatch: EntityBatch<string, EntityAttributes>;
  private readonly linkedBatches: LinkedBatches;
  private readonly linkedWindow = new SharedWindow();
  private readonly eventRelationsBatches: EventRelationsBatches;
  private readonly relationsOfBatches: RelationsOfBatches;
  private readonly wholeRelationBatch: EntityBatch<string, RelationAttributes>;
  /** Pages of long lists past the heads of the slim copies, cut in SQL (listSlices.ts). */
  private readonly listSlices: ListSlices;
  private readonly articleRelationPages: ArticlePageBatches<number, RelationAttributes>;
  private readonly articleEntityPages: ArticlePageBatches<string, EntityAttributes>;
  /** "Did you mean" candidates, read once per corpus (nearIds.ts). */
  private readonly nearIds: NearIds;
  /** Article look-ups by id, batched (articleBatch.ts). */
  private readonly articleBatch: ArticleBatch;
  /** The ends of the relations of a page, looked up together at the first look-up of one (endsAhead.ts). */
  private readonly endsAhead: EndsAhead;
  /** Counts of filtered lists, kept for the corpus (corpusCounts.ts). */
  private readonly counts = new CorpusCounts();
  /** The timelines handed out lately: a typed field of one event is read for all of the list's events (recentLists.ts). */
  private readonly recentLists = new RecentLists();
  /** The lists of articles handed out lately: a page of one article's is read for all of them at its first ask (recentLists.ts). */
  private readonly articleLists = new RecentLists();
  /** The explorer's count inside a hub: the hubs' lists kept (hubPrefixes.ts). */
  readonly hubPrefixes = new HubPrefixes();
  private readonly selectionLimits: SelectionLimits;

  /**
   * Reads from `options.primary`, or from `options.replicas` in turn when given. Call `close()` when done.
   */
  constructor(options: PostgresStoreOptions) {
    this.selectionLimits = { ...SELECTION_LIMITS, ...options.selectionLimits };
    this.recordBudget = new ByteBudget(options.recordCacheBytes ?? DEFAULT_RECORD_CACHE_BYTES);
    this.entityRecords = new RecordCache(this.recordBudget);
    this.relationRecords = new RecordCache(this.recordBudget);
    this.wholeEntities = new RecordCache(this.recordBudget);
    this.wholeRelations = new RecordCache(this.recordBudget);
    this.db = new Connections(options);
    this.nearIds = new NearIds(this.db);
    this.corpus = new CorpusMetaCache(this.db, options, () => {
      this.entityRecords.clear();
      this.relationRecords.clear();
      this.wholeEntities.clear();
      this.wholeRelations.clear();
      this.endsAhead.clear();
      this.counts.clear();
      this.recentLists.clear();
      this.articleLists.clear();
      this.nearIds.corpusChanged(() => this.meta().then((m) => m.identity.id));
      this.hubPrefixes.clear();
    });
    this.batch = new EntityBatch((ids) => this.entitiesById(ids));
    // Ends are named, rarely quoted: read without their lists (projectedRecords.ts).
    this.endsAhead = new EndsAhead((ids) => this.projectedEntitiesById(ids));
    this.relationsOfBatches = new RelationsOfBatches(
      this.db,
      recordOrNull(servedDoc('r.')),
      (rows) => this.relationRecords.recordsOfRows(rows, this.readRelations),
      async (predicates) => {
        const counts = new Map((await this.meta()).predicateCounts);
        return predicates.reduce((total, predicate) => total + (counts.get(predicate) ?? 0), 0);
      },
      // An entity's relations come with their ends, read without their lists and kept at hand (endsAhead.ts); the ends
      // of each kind are a list whose typed fields are read together at the first ask (recentLists.ts), since at hand
      // they are asked over many turns of the budget, past any batch window (endsOfRelations.ts).
      endsOfRelations(projectedDoc('e.'), this.endsAhead, this.recentLists, (rows) => this.entityRecords.recordsOfRows(rows, this.readEntities)),
    );
    // An event's projections, typed fields and an article's relations list names: read without their lists, with their ends
    // (projectedRecords.ts, endsAhead.ts).
    this.eventRelationsBatches = new EventRelationsBatches(this.db, projectedDoc('r.'), async (rows) =>
      this.withEndsAhead(await this.relationRecords.recordsOfRows(rows, this.readRelations)),
    );
    this.linkedBatches = new LinkedBatches(this.db, projectedDoc('e.'), (rows) => this.entityRecords.recordsOfRows(rows, this.readEntities));
    this.wholeEntityBatch = new EntityBatch((ids) => this.wholeEntities.getMany(ids, (missing) => this.readWhole('entity', missing)));
    this.wholeRelationBatch = new EntityBatch((ids) => this.wholeRelations.getMany(ids, (missing) => this.readWhole('relation', missing)));
    this.listSlices = new ListSlices(this.db);
    // A hub's record (named by most articles) is large: its slim copy taken from the cache, as elsewhere.
    // Their ends read beside the page, on another connection (articlePageEnds.ts); each record's cut made at load.
    this.articleRelationPages = new ArticlePageBatches(
      this.db,
      'relation',
      { columns: `${projectedDoc('t.')} AS cut`, doc: 'x.cut' },
      async (rows, endsRead) => {
        const records = await this.relationRecords.recordsOfRows(rows, this.readRelations);
        return endsRead ? records : this.withEndsAhead(records);
      },
      (ids, after, shown) => this.articlePageEnds(ids, after, shown),
    );
    this.articleBatch = new ArticleBatch(this.db);
    this.articleEntityPages = new ArticlePageBatches(this.db, 'entity', { columns: `${recordOrNull(servedDoc('t.'))} AS record`, doc: 'x.record' }, (rows) =>
      this.entityRecords.recordsOfRows(rows, this.readEntities),
    );
  }

  /** Whole records by id (their lists included), large ones cut at the top level to parse their lists on first read (lazyRecord.ts). */
  private async readWhole(table: 'entity' | 'relation', ids: string[]): Promise<Array<[string, StoredRecord]>> {
    const rows = await this.db.read<{ id: string; doc: string }>(`SELECT id, doc::text AS doc FROM newsgraph.${table} WHERE id = ANY($1::text[])`, [ids]);
    return rows.map((r) => [r.id, storedRecord(r.doc)]);
  }

  /** The entity with its lists, as plain data (a library's call; the resolvers read `entityWithListsWhenRead`). */
  async wholeEntity(entity: StoredEntity): Promise<EntityAttributes> {
    return plainRecord(await this.entityWithListsWhenRead(entity));
  }

  /** The relation with its evidence, as plain data (a library's call; the resolvers read `relationWithListsWhenRead`). */
  async wholeRelation(relation: StoredRelation): Promise<RelationAttributes> {
    return plainRecord(await this.relationWithListsWhenRead(relation));
  }

  /** The entity with its lists, a large one's parsed when first read (lazyRecord.ts): itself when it has them, else its whole record (batched per request). */
  entityWithListsWhenRead(entity: StoredEntity): EntityAttributes | Promise<EntityAttributes> {
    if (isWholeEntity(entity)) return entity;
    return this.wholeEntityBatch.load(entity.id).then((whole) => whole ?? gone(entity));
  }

  /** The relation with its evidence, a large one's parsed when first read: itself when it has it, else its whole record (batched per request). */
  relationWithListsWhenRead(relation: StoredRelation): RelationAttributes | Promise<RelationAttributes> {
    if (isWholeRelation(relation)) return relation;
    return this.wholeRelationBatch.load(relation.id).then((whole) => whole ?? gone(relation));
  }

  // The first items of the long lists (ReadsListHeads): from the record when it is whole, else from the heads its slim
  // copy kept (listHeads.ts), else (a page past the head) cut in SQL (listSlices.ts). No whole record is read.

  relationEvidence(relation: StoredRelation, first: number): readonly Evidence[] | Promise<readonly Evidence[]> {
    return this.evidenceHead('relation', relation, first);
  }

  relationArticleIds(relation: StoredRelation, first: number): readonly string[] | Promise<readonly string[]> {
    return this.articleHead('relation', relation, first, () => evidenceArticleIds(relation.evidence ?? []));
  }

  relationArticleCount(relation: StoredRelation): number | Promise<number> {
    if (isWholeRelation(relation)) return evidenceArticleIds(relation.evidence).length;
    const heads = headsOf(relation);
    const projected = projectedArticleCount(relation);
    if (projected !== undefined) return projected;
    // Every slim copy of this layout has its heads (TABLES_VERSION); the whole record otherwise, as before.
    return heads !== undefined ? heads.articleCount : Promise.resolve(this.relationWithListsWhenRead(relation)).then((whole) => evidenceArticleIds(whole.evidence).length);
  }

  entityEvidence(entity: StoredEntity, first: number): readonly Evidence[] | Promise<readonly Evidence[]> {
    return this.evidenceHead('entity', entity, first);
  }

  entityArticleIds(entity: StoredEntity, first: number): readonly string[] | Promise<readonly string[]> {
    return this.articleHead('entity', entity, first, () => entity.articles ?? []);
  }

  /** The first `first` quotes of a record: from itself when whole, from its slim copy's head, else cut in SQL. */
  private evidenceHead(table: 'entity' | 'relation', record: StoredEntity | StoredRelation, first: number): readonly Evidence[] | Promise<readonly Evidence[]> {
    if (!isSlim(record)) return firstItems(record.evidence ?? [], first);
    const heads = headsOf(record);
    if (heads !== undefined && headAnswers(heads.evidence, heads.evidenceCount, first)) return firstItems(heads.evidence, first);
    return this.listSlices.evidence(table, record.id, first);
  }

  /** Ids holding a record's first `first` articles: all of them when whole (`all`), its slim copy's head, else cut in SQL. */
  private articleHead(
    table: 'entity' | 'relation',
    record: StoredEntity | StoredRelation,
    first: number,
    all: () => readonly string[],
  ): readonly string[] | Promise<readonly string[]> {
    if (!isSlim(record)) return all();
    const heads = headsOf(record);
    if (heads !== undefined && headAnswers(heads.articles, heads.articleCount, first)) return heads.articles;
    return this.listSlices.articleIds(table, record.id, first);
  }

  /** Statements sent to the database so far, each one round-trip (for tests and monitoring). */
  get statementCount(): number {
    return this.db.statementCount;
  }

  /** Large records kept between requests (for tests). */
  get cachedRecordCount(): number {
    return this.entityRecords.count + this.relationRecords.count + this.wholeEntities.count + this.wholeRelations.count;
  }

  /** Bytes counted for the records kept by all four caches (recordCache.ts): at most the budget given. */
  get cachedRecordBytes(): number {
    return this.recordBudget.used;
  }

  /** Times the "did you mean" candidates were read from the database (nearIds.ts): once per corpus. */
  get nearIdsReadCount(): number {
    return this.nearIds.readCount;
  }

  /** Times the corpus's figures were read from the database (corpusMeta.ts): most requests read none. */
  get metaReadCount(): number {
    return this.corpus.readCount;
  }

  /** Ends every connection. */
  async close(): Promise<void> {
    await this.corpus.close();
    await this.db.close();
  }

  /**
   * The loaded corpus's figures, from the cache while it is known to be current (corpusMeta.ts): no round-trip
   * on most requests.
   * @throws NewsgraphError NOT_FOUND when nothing has been loaded into this database yet, or when it was loaded by a
   * version of newsgraph whose tables differ (schema.ts TABLES_VERSION).
   */
  private async meta(): Promise<CorpusMeta> {
    const meta = await this.corpus.meta();
    const version = meta.tablesVersion ?? 1;
    if (version !== TABLES_VERSION) {
      throw new NewsgraphError(
        'NOT_FOUND',
        `postgres store: the corpus in this database was loaded by another version of newsgraph (its tables are of layout ${version}, this one reads layout ${TABLES_VERSION}); load it again with \`newsgraph load --store URL DATA_DIR\` (or --snapshot FILE).`,
      );
    }
    return meta;
  }

  async entity(id: string): Promise<StoredEntity | null> {
    // An end at hand was read without its lists (projectedRecords.ts): a look-up by id answers the record as handed out.
    const held = this.endsAhead.atHand(id);
    return held !== undefined && !isSlim(held) ? held : this.batch.load(id);
  }

  /** An end of a page's relations, read with the page (HoldsEntitiesAtHand: endsAhead.ts). */
  entityAtHand(id: string): StoredEntity | undefined {
    return this.endsAhead.atHand(id);
  }

  /** An operation starts (HoldsEntitiesAtHand): the ends read while it runs are kept until it ends (endsAhead.ts). */
  operationStarted(key: object): void {
    this.endsAhead.operationStarted(key);
  }

  /** An operation ended (HoldsEntitiesAtHand): the ends read for it go, once no operation running then is left. */
  operationEnded(key: object): void {
    this.endsAhead.operationEnded(key);
  }

  /** Ends of relations kept at hand now (for tests: none once the operations that read them have ended). */
  get endsAtHandCount(): number {
    return this.endsAhead.count;
  }

  /**
   * The ends of the relations that article pages show (articlePageEnds.ts), kept at hand (endsAhead.ts); undefined
   * (nothing read) when the pages show none, or more than EndsAhead keeps (then each page reads its own after it).
   */
  private articlePageEnds(articleIds: readonly string[], after: number, shown: number): Promise<void> | undefined {
    if (shown === 0 || articleIds.length * shown * 2 > MAX_KEPT) return undefined;
    const stamp = this.endsAhead.stamp;
    return this.db
      .read<{ id: string; doc: string | null }>(ARTICLE_PAGE_ENDS_SQL, [articleIds, after, shown])
      .then((rows) => this.entityRecords.recordsOfRows(rows.map((r) => ({ key: r.id, doc: r.doc })), this.readEntities))
      .then((ends) => this.endsAhead.keep(ends, stamp));
  }

  /** The relations of a page once their ends are read too (endsAhead.ts). */
  private async withEndsAhead(relations: RelationAttributes[]): Promise<RelationAttributes[]> {
    await this.endsAhead.readAhead(relations);
    return relations;
  }

  /** The entities with these ids (missing ones left out): large records from the cache, the others in one query. */
  private entitiesById(ids: readonly string[]): Promise<Map<string, EntityAttributes>> {
    return this.entityRecords.getMany(ids, this.readEntities);
  }

  /** The entities with these ids without their lists (projectedRecords.ts; missing ones left out), in one statement (and one more for any cut refused). */
  private async projectedEntitiesById(ids: readonly string[]): Promise<Map<string, EntityAttributes>> {
    const rows = await this.db.read<{ id: string; doc: string | null }>(`SELECT id, ${projectedDoc('')} AS doc FROM newsgraph.entity WHERE id = ANY($1::text[])`, [ids]);
    const records = await this.entityRecords.recordsOfRows(
      rows.map((r) => ({ key: r.id, doc: r.doc })),
      this.readEntities,
    );
    return new Map(records.map((entity) => [entity.id, entity]));
  }

  /** Records by id as handed out: slim for the large ones (slimRecords.ts), so parsed whole. */
  private readonly readEntities = async (ids: string[]): Promise<Array<[string, StoredRecord]>> => {
    const rows = await this.db.read<{ id: string; doc: string }>(`SELECT id, ${servedDoc()}::text AS doc FROM newsgraph.entity WHERE id = ANY($1::text[])`, [ids]);
    return rows.map((r) => [r.id, { doc: r.doc }]);
  };

  /**
   * The entity records of a query that selects `id` and `recordOrNull(doc)` AS doc, in its order: the small ones as
   * read, the large ones from the cache (or one more query for those not there yet).
   */
  private async entityRecordsOf(sql: string, values: readonly unknown[]): Promise<EntityAttributes[]> {
    const rows = await this.db.read<{ id: string; doc: string | null }>(sql, values);
    return this.entityRecords.recordsOfRows(rows.map((r) => ({ key: r.id, doc: r.doc })), this.readEntities);
  }

  async entities(ids: readonly string[]): Promise<Array<StoredEntity | null>> {
    const byId = await this.entitiesById(ids);
    return ids.map((id) => byId.get(id) ?? null);
  }

  async similarIds(id: string): Promise<string[]> {
    return this.nearIds.near(id, (await this.meta()).identity.id);
  }

  /** The graph position of the item a cursor names. @throws NewsgraphError BAD_USER_INPUT as `paginate` does. */
  private async cursorPosition(space: CursorSpace, after: string | undefined): Promise<number> {
    if (after === undefined) return -1;
    const id = decodeCursor(space, after);
    const table = space === 'entity' ? 'newsgraph.entity' : 'newsgraph.relation';
    const rows = await this.db.read<{ pos: number }>(`SELECT pos FROM ${table} WHERE id = $1`, [id]);
    const pos = rows[0]?.pos;
    if (pos === undefined) throw new NewsgraphError('BAD_USER_INPUT', `after: the cursor names "${id}", which is not in this graph.`);
    return pos;
  }

  /** A page from `first + 1` rows in order (the extra row says whether there is a next page). */
  private pageOf<T extends { readonly id: string }>(space: CursorSpace, rows: readonly T[], first: number, totalCount: number, hasNextPage = rows.length > first): Page<T> {
    return pageFrom(space, rows.slice(0, first), totalCount, hasNextPage);
  }

  async entitiesOfKind(kind: EntityKind | undefined, page: PageRequest): Promise<Page<StoredEntity>> {
    const [after, meta] = await Promise.all([this.cursorPosition('entity', page.after), this.meta()]);
    const rows = await this.entityRecordsOf(
      `SELECT id, ${recordOrNull(servedDoc())} AS doc FROM newsgraph.entity WHERE ($1::text IS NULL OR kind = $1) AND pos > $2 ORDER BY pos LIMIT $3`,
      [kind ?? null, after, page.first + 1],
    );
    const total = kind === undefined ? meta.entityCount : (meta.kindCounts[kind] ?? 0);
    return this.pageOf('entity', rows, page.first, total);
  }

  async search(text: string, options: { readonly kind?: EntityKind; readonly limit: number }): Promise<StoredEntity[]> {
    const meta = await this.meta();
    const positions = await searchPositions(this.db, text, options, meta.nameCount);
    if (positions.length === 0) return [];
    return this.entityRecordsOf(
      `SELECT e.id, ${recordOrNull(servedDoc('e.'))} AS doc FROM unnest($1::int[]) WITH ORDINALITY AS p(pos, k) JOIN newsgraph.entity e ON e.pos = p.pos ORDER BY p.k`,
      [positions],
    );
  }

  async relationsOf(id: string, filter: LinkFilter, first: number): Promise<StoredRelation[]> {
    // The items of a list ask together: one statement per filter (relationsOfBatch.ts).
    return this.relationsOfBatches.load(id, filter, first);
  }

  async linked(id: string, filter: LinkedFilter, first: number): Promise<StoredEntity[]> {
    // An event of a timeline just handed out: this field for every event of it, in one statement sent now (recentLists.ts).
    const listed = this.recentLists.ask(id, `linked${JSON.stringify(linkedValues(filter, first))}`, (ids) => this.linkedBatches.readAll(ids, filter, first));
    if (listed !== undefined) return (await listed) ?? [];
    // Each far end once, at the first relation that reaches it; then graph order, or timeline order for events. The
    // typed fields of a list's items ask together: one statement per filter (linkedBatch.ts), all the filters held in
    // one window so that a list's fields asked a few turns apart still go together (sharedWindow.ts).
    return this.linkedWindow.hold(() => this.linkedBatches.load(id, filter, first));
  }

  async relationsOfEvent(eventId: string, first: number): Promise<StoredRelation[]> {
    const listed = this.recentLists.ask(eventId, `relationsOfEvent:${first}`, (ids) => this.eventRelationsBatches.readAll(ids, first));
    if (listed !== undefined) return (await listed) ?? [];
    // The events of a list ask together: one statement (eventRelationsBatch.ts).
    return this.eventRelationsBatches.load(eventId, first);
  }

  async relations(query: RelationQuery, page: PageRequest): Promise<Page<StoredRelation>> {
    const { sql, values, from, position, countFrom } = relationConditions(query);
    const n = values.length;
    // The count runs beside the cursor's look-up, the page and its ends, not before the page, and is kept for the
    // corpus (corpusCounts.ts: a count of 57,000 relations stated by several articles is 5 ms and more).
    const countSql = `SELECT count(*) FROM ${countFrom ?? from} WHERE ${sql}`;
    const counted =
      sql === 'true'
        ? this.meta().then((m) => m.relationCount)
        : // Keyed by the corpus's identity too: a count is never another load's (the figures are cached while listening).
          this.meta().then(({ identity }) =>
            this.counts.get(`${identity.id}\u0000${countSql}\u0000${JSON.stringify(values)}`, () =>
              this.db.read<{ count: string }>(countSql, values).then((r) => Number(r[0]?.count ?? 0)),
            ),
          );
    counted.catch(() => undefined); // awaited below, unless the cursor fails first
    const after = await this.cursorPosition('relation', page.after);
    const [total, rows] = await Promise.all([
      counted,
      // The page and the ends of the relations shown, in one statement (pageWithEnds.ts).
      this.relationPageWithEnds(pageWithEndsSql(from, sql, position, n), [...values, after, page.first + 1, page.first]),
    ]);
    return this.pageOf('relation', rows, page.first, total);
  }

  /** @throws NewsgraphError NOT_FOUND with the near ids, as the in-memory traversals do. */
  private async unknownEntity(id: string, what: string): Promise<NewsgraphError> {
    return new NewsgraphError('NOT_FOUND', `${what}: no entity with id "${id}".${didYouMean(id, await this.similarIds(id))}`);
  }

  /** Relation records by position: large ones from the cache, the others in one query. */
  private relationsAt(positions: readonly number[]): Promise<Map<number, RelationAttributes>> {
    return this.relationRecords.getMany(positions, this.readRelations);
  }

  /** Records by position as handed out: slim for the large ones (slimRecords.ts), so parsed whole. */
  private readonly readRelations = async (positions: number[]): Promise<Array<[number, StoredRecord]>> => {
    const rows = await this.db.read<{ pos: number; doc: string }>(`SELECT pos, ${servedDoc()}::text AS doc FROM newsgraph.relation WHERE pos = ANY($1::int[])`, [positions]);
    return rows.map((r) => [r.pos, { doc: r.doc }]);
  };

  /**
   * The relation records of a page and the ends of those shown (pageWithEndsSql), in order: the small ones as read,
   * the large ones from the cache (or one more query for those not there yet); the ends kept at hand (endsAhead.ts).
   */
  private async relationPageWithEnds(sql: string, values: readonly unknown[]): Promise<RelationAttributes[]> {
    const stamp = this.endsAhead.stamp;
    const rows = await this.db.read<PageOrEndRow>(sql, values);
    const [records, ends] = await Promise.all([
      this.relationRecords.recordsOfRows(rows.flatMap((r) => (r.pos === null ? [] : [{ key: r.pos, doc: r.doc }])), this.readRelations),
      this.entityRecords.recordsOfRows(rows.flatMap((r) => (r.id === null ? [] : [{ key: r.id, doc: r.doc }])), this.readEntities),
    ]);
    this.endsAhead.keep(ends, stamp);
    return records;
  }

  async neighborhood(id: string, query: NeighborhoodQuery): Promise<NeighborRecord[]> {
    if (!Number.isInteger(query.depth) || query.depth < 0) {
      throw new NewsgraphError('BAD_USER_INPUT', `neighborhood: depth must be a whole number ≥ 0, not ${query.depth}.`);
    }
    if ((await this.entity(id)) === null) throw new NewsgraphError('NOT_FOUND', `neighborhood: no entity with id "${id}".`);
    const found = await neighborhoodPositions(this.db, id, query);
    const [entities, relations] = await Promise.all([this.entities(found.map((n) => n.id)), this.relationsAt(found.flatMap((n) => n.via))]);
    return found.flatMap((n, i) => {
      const entity = entities[i];
      return entity === null || entity === undefined ? [] : [{ entity, distance: n.distance, via: n.via.flatMap((p) => relations.get(p) ?? []) }];
    });
  }

  async path(from: string, to: string, maxHops: number): Promise<StoredRelation[] | null> {
    if (!Number.isInteger(maxHops) || maxHops < 0) {
      throw new NewsgraphError('BAD_USER_INPUT', `shortestPath: maxHops must be a whole number ≥ 0, not ${maxHops}.`);
    }
    // Both ends in one look-up (batched), and the corpus's tables checked (the search reads `reach`: schema.ts).
    const [, fromEntity, toEntity] = await Promise.all([this.meta(), this.entity(from), this.entity(to)]);
    // Known missing: said at once, not looked up again.
    if (fromEntity === null) throw await this.unknownEntity(from, 'from');
    if (toEntity === null) throw await this.unknownEntity(to, 'to');
    const positions = await shortestPathPositions(this.db, from, to, maxHops);
    if (positions === null) return null;
    const relations = await this.relationsAt(positions);
    return positions.flatMap((p) => relations.get(p) ?? []);
  }

  async articles(query: ArticleQuery, first: number): Promise<ArticleRecord[]> {
    const { ids, from, to } = query;
    // By ids alone: whole (the resolvers' lean look-ups go through articlesWithoutText).
    if (ids !== undefined && from === undefined && to === undefined && query.source === undefined) return this.articleBatch.wholeByIds(ids, first);
    const rows = await this.db.read<DocRow<ArticleRecord>>(
      `SELECT doc FROM newsgraph.article WHERE ($1::text[] IS NULL OR id = ANY($1)) AND ($2::text IS NULL OR source_folded = $2)
       AND ${dateRangeCondition('published', '$3::text', '$4::text')} ORDER BY pos LIMIT $5`,
      [ids === undefined ? null : [...ids], query.source?.toLowerCase() ?? null, from ?? null, to ?? null, first],
    );
    this.articleLists.remember(rows.map((r) => r.doc.id));
    return rows.map((r) => r.doc);
  }

  /** The whole article (text and sentences), or null. */
  async article(id: string): Promise<ArticleRecord | null> {
    return this.articleBatch.wholeById(id);
  }

  /** The article without its text and sentences, or null (ReadsArticlesWithoutText: the resolvers' look-ups, batched: articleBatch.ts). */
  async articleWithoutText(id: string): Promise<ArticleWithoutText | null> {
    return this.articleBatch.article(id);
  }

  /** A relation's or an entity's articles without their text (ReadsArticlesWithoutText): a list's look-ups in one statement (articleBatch.ts). */
  async articlesWithoutText(ids: readonly string[], first: number): Promise<ArticleWithoutText[]> {
    return this.articleBatch.byIds(ids, first);
  }

  /** The article with its text and sentences (ReadsArticlesWithoutText), read again when it came without them. */
  wholeArticle(article: ArticleWithoutText): ArticleRecord | Promise<ArticleRecord> {
    return this.articleBatch.wholeArticle(article);
  }

  private async requireArticle(id: string): Promise<void> {
    const rows = await this.db.read<{ id: string }>('SELECT id FROM newsgraph.article WHERE id = $1', [id]);
    if (rows.length > 0) return;
    const known = await this.db.read<{ id: string }>('SELECT id FROM newsgraph.article ORDER BY pos LIMIT $1', [MAX_CANDIDATES_SCANNED]);
    throw new NewsgraphError('NOT_FOUND', `article: no article with id "${id}".${didYouMean(id, known.map((r) => r.id))}`);
  }

  /**
   * One page of an article's relations or entities, in graph order: the pages of a list of articles asked
   * together go in one statement (articlePageBatch.ts), with each article's count and whether it exists.
   */
  private async articlePage<T extends { readonly id: string }>(
    space: CursorSpace,
    articleId: string,
    page: PageRequest,
    pages: {
      load(articleId: string, after: number, first: number): Promise<ArticlePageRows<T> | null>;
      readAll(articleIds: string[], after: number, first: number): Promise<ReadonlyMap<string, ArticlePageRows<T>>>;
    },
  ): Promise<Page<T>> {
    let after: number;
    try {
      after = await this.cursorPosition(space, page.after);
    } catch (error) {
      // An unknown article is said before a bad cursor, as when the article was checked first.
      await this.requireArticle(articleId);
      throw error;
    }
    // An article of a list just handed out: this page for every article of it, in one statement sent now, not after the
    // batch window (the budget lets the list's fields go one per turn of the event loop: recentLists.ts).
    // An article that the list's read did not answer (a corpus loaded meanwhile) is read alone, as an article asked alone is.
    const listed = this.articleLists.ask(articleId, `${space}:${after}:${page.first}`, (ids) => pages.readAll(ids, after, page.first));
    const answer = (listed === undefined ? undefined : await listed) ?? (await pages.load(articleId, after, page.first));
    if (answer === null) {
      await this.requireArticle(articleId);
      // Loaded between the two statements: asked again of the corpus now served.
      return this.articlePage(space, articleId, page, pages);
    }
    return this.pageOf(space, answer.records, page.first, answer.total, answer.hasNextPage);
  }

  async articleRelations(articleId: string, page: PageRequest): Promise<Page<StoredRelation>> {
    return this.articlePage('relation', articleId, page, this.articleRelationPages);
  }

  async articleEntities(articleId: string, page: PageRequest): Promise<Page<StoredEntity>> {
    return this.articlePage('entity', articleId, page, this.articleEntityPages);
  }

  async timeline(query: TimelineQuery, first: number): Promise<StoredEvent[]> {
    const { statuses, eventTypes, from, to } = query;
    const rows = await this.entityRecordsOf(
      `SELECT id, ${recordOrNull(servedDoc())} AS doc FROM newsgraph.entity WHERE timeline_pos IS NOT NULL AND ($1::text[] IS NULL OR status = ANY($1)) AND ($2::text[] IS NULL OR event_type = ANY($2))
       AND ${dateRangeCondition('timeline_date', '$3::text', '$4::text')} ORDER BY timeline_pos LIMIT $5`,
      [statuses === undefined ? null : [...statuses], eventTypes === undefined ? null : [...eventTypes], from ?? null, to ?? null, first],
    );
    this.recentLists.remember(rows.map((r) => r.id));
    return rows as EventAttributes[];
  }

  async claims(contradicted: boolean | undefined, first: number): Promise<StoredEntity[]> {
    return this.entityRecordsOf(
      `SELECT id, ${recordOrNull(servedDoc())} AS doc FROM newsgraph.entity WHERE kind = 'CLAIM' AND ($1::boolean IS NULL OR contradicts = $1) ORDER BY pos LIMIT $2`,
      [contradicted ?? null, first],
    );
  }

  async predicateCounts(): Promise<ReadonlyMap<string, number>> {
    return new Map((await this.meta()).predicateCounts);
  }

  async identity(): Promise<GraphIdentity> {
    return (await this.meta()).identity;
  }

  /**
   * The corpus a page of rows at a time, for the exports of the whole graph (src/export/layoutStream.ts); its reads
   * throw CorpusReplacedError once a load has replaced the corpus the export began with.
   */
  async corpusElements(): Promise<CorpusElements> {
    return postgresCorpusElements(this.db, await this.meta());
  }

  /**
   * The part of the corpus an export selects, as a graph of its own (selectionGraph.ts); undefined when the
   * selection is the whole corpus. Read again when a load commits while it is read, so that it is one corpus's.
   */
  async selectionGraph(selection: Selection): Promise<NewsGraph | undefined> {
    for (let attempt = 1; ; attempt++) {
      const meta = await this.meta();
      const switched = async (): Promise<boolean> => attempt < 3 && (await this.meta()).identity.id !== meta.identity.id;
      let graph: NewsGraph | undefined;
      try {
        graph = await selectionGraph(this.db, meta, selection, (id) => this.similarIds(id), this.selectionLimits);
      } catch (error) {
        if (await switched()) continue; // rows of two corpora (a relation whose end the new one lacks)
        throw error;
      }
      if (!(await switched())) return graph;
    }
  }

  /**
   * Every article's place in publication order and its date, read once per corpus (204 bytes of heap per
   * article, measured: 20 MB at 100,000 articles; the one thing the server keeps that grows with the corpus): the explorer orders the articles behind each node and
   * edge by it, which would otherwise cost a look-up of thousands of articles for every view around a hub.
   */
  private async articleOrder(): Promise<ArticleOrder> {
    const { id } = (await this.meta()).identity;
    if (this.articleOrderOf?.identity !== id) {
      const order = this.db
        .read<{ id: string; pos: number; published: string | null }>('SELECT id, pos, published FROM newsgraph.article')
        .then((rows) => new Map(rows.map((r) => [r.id, { pos: r.pos, published: r.published }])) as ArticleOrder);
      order.catch(() => {
        if (this.articleOrderOf?.order === order) this.articleOrderOf = undefined;
      });
      this.articleOrderOf = { identity: id, order };
    }
    return this.articleOrderOf.order;
  }

  /** Whole without `fields`; with them, the fields only records hold are left out when none is asked (`pgview`). */
  explore(query: WholeExploreQuery): Promise<ExplorerView>;
  explore(query: ExploreQuery): Promise<SelectedExplorerView>;
  async explore(query: ExploreQuery): Promise<SelectedExplorerView> {
    // An unknown centre is told by the view's own reads (NOT_FOUND): exploreQuery.ts.
    return exploreFromPostgres(this.db, query, {
      articleOrder: () => this.articleOrder(),
      entities: (ids) => this.entitiesById(ids),
      relations: (positions) => this.relationsAt(positions),
      wholeEntity: (entity) => this.entityWithListsWhenRead(entity),
      wholeRelation: (relation) => this.relationWithListsWhenRead(relation),
      hubs: { prefixes: this.hubPrefixes, corpus: async () => (await this.meta()).identity.id },
    });
  }
}
