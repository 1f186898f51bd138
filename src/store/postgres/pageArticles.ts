/**
 * The articles a page of relations is likely to be asked for, known from its records alone: each relation's articles
 * (`Relation.articles`, the schema's default `first` of 10: for a relation handed out whole, every article its
 * evidence quotes, since `articles({ ids })` orders them all by publication before cutting) and the articles of its
 * first quotes (`evidence { article }`, the default `first` of 5). At the first look-up of one of them, the page's
 * are read together (PagesAhead), right after the page is handed out and while its ends are read: "facts stated by
 * several articles" then waits for no round-trip after those (main's code: the page, then its ends, then its
 * articles, each waiting for the one before and the articles for the batch window too).
 *
 * Only lists at hand are used: a slim record without heads (listHeads.ts) would need a statement of its own to know
 * its articles, so it is left to its look-ups.
 */
import type { RelationAttributes } from '../../graph/types.js';
import { evidenceArticleIds } from '../evidenceArticles.js';
import { headsOf } from './listHeads.js';
import { isSlim } from './slimRecords.js';

/** `Relation.evidence`'s default `first` (src/api/listSizes.ts DEFAULT_FIRST.evidence). */
export const QUOTES_ASKED = 5;

/**
 * The ids of the articles these relations' answers are likely to ask (duplicates left in), as the store answers
 * `relationArticleIds` and `relationEvidence` from the record or its slim copy's heads: the record's whole list when it
 * is whole, the heads' articles (the first ARTICLE_HEAD, `Relation.articles`' default `first`) when slim.
 */
export function pageArticleIds(relations: readonly RelationAttributes[]): string[] {
  const ids: string[] = [];
  for (const relation of relations) {
    if (!isSlim(relation)) {
      ids.push(...evidenceArticleIds(relation.evidence));
      for (const quote of relation.evidence.slice(0, QUOTES_ASKED)) ids.push(quote.article);
      continue;
    }
    const heads = headsOf(relation);
    if (heads === undefined) continue;
    ids.push(...heads.articles);
    for (const quote of heads.evidence.slice(0, QUOTES_ASKED)) ids.push(quote.article);
  }
  return ids;
}

/** Pages are forgotten this long after the last one was handed out. */
export const KEEP_PAGE_MS = 2_000;
/** Relations and articles remembered at most; a page that would pass this forgets the others first. */
export const MAX_PAGED = 16_384;

/** The entries of `key` in `map` not yet read (a page read for an earlier answer does not stand for a new one). */
function holding(map: Map<string, PageEntry[]>, key: string): PageEntry[] {
  const list = (map.get(key) ?? []).filter((entry) => !entry.started);
  map.set(key, list);
  return list;
}

/** One page handed out: the articles its answer may ask, and whether they are being read. */
interface PageEntry {
  readonly articleIds: readonly string[];
  started: boolean;
}

/**
 * The pages of relations handed out lately, so that the first look-up of an article one of them names (a relation's
 * `articles`, a quote's `article`) reads the articles of the whole page at once (`read`: articleBatch.ts `readAhead`),
 * and the look-ups that follow wait for that read. Only when the answer asks: a page whose articles are not asked
 * (the 50 offices of "facts stated by several articles": 432 articles, 730 KB of records) reads none. A relation in
 * several pages (an office that is also a fact stated by several articles) starts the page already being read, else
 * the one naming the fewest articles: each answers it, and the offices' 432 are not read for the facts' 132. Kept as
 * recentLists.ts keeps lists: KEEP_PAGE_MS, MAX_PAGED, `clear` when the corpus changes.
 */
export class PagesAhead {
  private byRelation = new Map<string, PageEntry[]>();
  private byArticle = new Map<string, PageEntry[]>();
  private expiry: NodeJS.Timeout | undefined;

  /** @param read reads these articles ahead (one statement) */
  constructor(private readonly read: (ids: readonly string[]) => Promise<void>) {}

  /** A page of these relations was handed out. */
  remember(relations: readonly RelationAttributes[]): void {
    const articleIds = [...new Set(pageArticleIds(relations))];
    if (articleIds.length === 0) return;
    if (this.byRelation.size + this.byArticle.size + relations.length + articleIds.length > MAX_PAGED) this.clear();
    const entry: PageEntry = { articleIds, started: false };
    for (const relation of relations) holding(this.byRelation, relation.id).push(entry);
    for (const id of articleIds) holding(this.byArticle, id).push(entry);
    if (this.expiry !== undefined) clearTimeout(this.expiry);
    this.expiry = setTimeout(() => this.clear(), KEEP_PAGE_MS);
    this.expiry.unref();
  }

  /** The articles of this relation are asked: its page's are read now, if not already. */
  relationAsked(relationId: string): void {
    this.start(this.byRelation.get(relationId));
  }

  /** This article is asked: the page that names it has its articles read now, if not already. */
  articleAsked(articleId: string): void {
    this.start(this.byArticle.get(articleId));
  }

  /** Starts the cheapest of the pages that hold what is asked, unless one of them is being read already. */
  private start(entries: readonly PageEntry[] | undefined): void {
    if (entries === undefined || entries.length === 0 || entries.some((e) => e.started)) return;
    const entry = entries.reduce((a, b) => (b.articleIds.length < a.articleIds.length ? b : a));
    entry.started = true;
    // A failed read is said by the look-ups, which then look up on their own (articleBatch.ts).
    this.read(entry.articleIds).catch(() => undefined);
  }

  /** Forgets every page (they expired, or the corpus changed). */
  clear(): void {
    this.byRelation = new Map();
    this.byArticle = new Map();
    if (this.expiry !== undefined) clearTimeout(this.expiry);
    this.expiry = undefined;
  }
}
