/**
 * `libtypes`: the types a library user reads off the store, checked by the compiler (`npm test` type-checks tests):
 * each `@ts-expect-error` below fails the type-check if the type it guards stops telling the truth (a field typed as
 * always there that a store may leave out, or the reverse). The runtime half (what each store does hand out) is
 * tests/store/publicAnswers.test.ts.
 */
import { describe, expect, test } from '@jest/globals';
import {
  isWholeArticle,
  isWholeEntity,
  memoryStore,
  type ArticleRecord,
  type ArticleWithoutText,
  type EntityAttributes,
  type ExplorerView,
  type GraphStore,
  type PostgresStore,
  type SelectedExplorerView,
  type StoredEntity,
} from '../../src/index.js';
import { seedGraph } from '../api/seed.js';

/** What a caller may write against a store's explorer view: compile-time only. */
async function readViews(store: GraphStore, center: string): Promise<number> {
  const whole: ExplorerView = await store.explore({ center, depth: 1, limit: 10 });
  const named = whole.nodes.map((n) => n.name.length).concat(whole.edges.map((e) => e.modality.length));
  const selected = await store.explore({ center, depth: 1, limit: 10, fields: { nodes: ['id'], edges: ['id'] } });
  // @ts-expect-error a view asked with `fields` may leave out what the records hold: not an ExplorerView
  const notWhole: ExplorerView = selected;
  // @ts-expect-error `name` may be missing from a node of a view asked with `fields`
  named.push(selected.nodes[0]?.name.length ?? 0);
  const typed: SelectedExplorerView = selected;
  return named.length + typed.nodes.length + notWhole.nodes.length;
}

/** Records and articles, as a library reads them off a store: compile-time only. */
async function readRecords(store: GraphStore, postgres: PostgresStore): Promise<number> {
  const stored: StoredEntity | null = await store.entity('x');
  if (stored === null) return 0;
  // @ts-expect-error a store's entity may come without its evidence (a hub's slim copy): not an EntityAttributes
  const claimed: EntityAttributes = stored;
  const whole: EntityAttributes = await postgres.wholeEntity(stored);
  const whole2: EntityAttributes | null = isWholeEntity(stored) ? stored : null;
  const article: ArticleRecord | null = await postgres.article('a');
  const lean: ArticleWithoutText | null = await postgres.articleWithoutText('a');
  // @ts-expect-error an article read without its text is not an ArticleRecord
  const notArticle: ArticleRecord | null = lean;
  const text = lean !== null && isWholeArticle(lean) ? lean.text : (article?.text ?? '');
  return whole.evidence.length + (whole2?.evidence.length ?? 0) + text.length + (claimed === null ? 0 : 1) + (notArticle === null ? 0 : 1);
}

describe('the store types a library reads (libtypes)', () => {
  test('the in-memory store answers whole records, articles and views, and the guards say so', async () => {
    const store = memoryStore(await seedGraph());
    const [entity] = await store.search('Ukraine', { limit: 1 });
    if (entity === undefined) throw new Error('seed: no Ukraine');
    expect(isWholeEntity(entity)).toBe(true);
    const view = await store.explore({ center: entity.id, depth: 1, limit: 10 });
    expect(view.nodes.every((n) => typeof n.name === 'string')).toBe(true);
    const [first] = await store.articles({}, 1);
    expect(first !== undefined && isWholeArticle(first)).toBe(true);
    // The compile-time checks above are functions; they are type-checked, not run against a database here.
    expect(typeof readViews).toBe('function');
    expect(typeof readRecords).toBe('function');
  });
});
