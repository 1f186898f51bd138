/**
 * The explorer's entry point (schema/explorer.graphql): a capped neighbourhood with layout positions, which
 * the store computes in one call (`GraphStore.explore`); this module checks the arguments and cuts the article
 * lists of the answer at `first`.
 */
import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';
import { withArticles, type ArticlesOrLater, type ExploreFields, type SelectedExplorerEdge, type SelectedExplorerView } from '../../graph/explore.js';
import type { GraphStore } from '../../store/index.js';
import { checkPredicates, checkRange } from './common.js';
import { originName, type RelationOriginName } from './relation.js';

export interface ExploreArgs {
  readonly center: string;
  readonly depth?: number | null;
  readonly predicate?: readonly string[] | null;
  readonly limit?: number | null;
  readonly connectTo?: readonly string[] | null;
}

export const MAX_EXPLORE_DEPTH = 4;
export const MAX_EXPLORE_LIMIT = 2_000;

/** The default and the cap of `articleIds(first:)`: a hub of a corpus is mentioned by thousands of articles. */
export const DEFAULT_ARTICLE_IDS = 20;
export const MAX_ARTICLE_IDS = 200;

/**
 * The neighbourhood of `center`, nearest first, cut at `limit` entities, with the relations among those kept.
 * @throws NewsgraphError NOT_FOUND for an unknown centre; BAD_USER_INPUT for a depth, limit or predicate out of range.
 */
export async function exploreView(store: GraphStore, args: ExploreArgs, info?: GraphQLResolveInfo): Promise<SelectedExplorerView> {
  const depth = checkRange('explore: depth', args.depth, 2, 0, MAX_EXPLORE_DEPTH);
  const limit = checkRange('explore: limit', args.limit, 500, 1, MAX_EXPLORE_LIMIT);
  const predicates = await checkPredicates(store, args.predicate);
  return store.explore({
    center: args.center,
    depth,
    limit,
    ...(predicates !== undefined ? { predicates } : {}),
    ...(args.connectTo ? { connectTo: args.connectTo } : {}),
    ...(info !== undefined && !asksForArticles(info) ? { articles: false } : {}),
    ...withFields(info === undefined ? undefined : fieldsAsked(info)),
  });
}

function withFields(fields: ExploreFields | undefined): { fields?: ExploreFields } {
  return fields === undefined ? {} : { fields };
}

/**
 * The fields the selection under `explore` asks of its `nodes` and of its `edges` (fragments followed; under an alias
 * too); undefined on a doubt (a fragment not found), which a store reads as "any field".
 */
function fieldsAsked(info: GraphQLResolveInfo): ExploreFields | undefined {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  let doubt = false;
  const visit = (set: SelectionSetNode | undefined, into: (field: string, selection: SelectionSetNode | undefined) => void, followed: Set<string>): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FIELD) into(selection.name.value, selection.selectionSet);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet, into, followed);
      else if (!followed.has(selection.name.value)) {
        followed.add(selection.name.value);
        const fragment = info.fragments[selection.name.value];
        if (fragment === undefined) doubt = true;
        else visit(fragment.selectionSet, into, followed);
      }
    }
  };
  const item = (names: Set<string>) => (field: string) => names.add(field);
  for (const node of info.fieldNodes) {
    visit(
      node.selectionSet,
      (field, selection) => {
        if (field === 'nodes') visit(selection, item(nodes), new Set());
        if (field === 'edges') visit(selection, item(edges), new Set());
      },
      new Set(),
    );
  }
  return doubt ? undefined : { nodes: [...nodes], edges: [...edges] };
}

const ARTICLE_FIELDS = new Set(['articleIds', 'articleCount', 'firstPublished', 'lastPublished']);

/** Whether the selection under `explore` names an article field anywhere (fragments followed; a doubt counts as yes). */
function asksForArticles(info: GraphQLResolveInfo): boolean {
  const followed = new Set<string>();
  const visit = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return ARTICLE_FIELDS.has(selection.name.value) || visit(selection.selectionSet);
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet);
      const name = selection.name.value;
      if (followed.has(name)) return false;
      followed.add(name);
      const fragment = info.fragments[name];
      return fragment === undefined || visit(fragment.selectionSet);
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet));
}

function articleIds(item: { readonly articles: ArticlesOrLater }, args: { readonly first?: number | null }): readonly string[] | PromiseLike<readonly string[]> {
  const first = checkRange('articleIds: first', args.first, DEFAULT_ARTICLE_IDS, 0, MAX_ARTICLE_IDS);
  return withArticles(item.articles, (a) => a.ids.slice(0, first));
}

/** A field left out of a view although the answer asks it (ExploreQuery.fields): the store's mistake, never the user's. */
function unread(field: string): never {
  throw new Error(`explore: the store left out the edges' ${field}, which the answer asks.`);
}

/** The part that goes under Query. */
export function explorerQueryResolvers(store: GraphStore) {
  return {
    explore: (_root: unknown, args: ExploreArgs, _context: unknown, info: GraphQLResolveInfo): Promise<SelectedExplorerView> => exploreView(store, args, info),
  };
}

/** The explorer's own types: their article lists are cut at `first`, with the count and date range beside. */
export function explorerTypeResolvers() {
  const articleFields = {
    articleIds,
    // A store may read an item's articles only when asked (graph/explore.ts ArticlesOrLater).
    articleCount: (item: { readonly articles: ArticlesOrLater }) => withArticles(item.articles, (a) => a.ids.length),
    firstPublished: (item: { readonly articles: ArticlesOrLater }) => withArticles(item.articles, (a) => a.firstPublished),
    lastPublished: (item: { readonly articles: ArticlesOrLater }) => withArticles(item.articles, (a) => a.lastPublished),
  };
  return {
    ExplorerNode: articleFields,
    ExplorerEdge: { ...articleFields, origin: (edge: SelectedExplorerEdge): RelationOriginName => originName(edge.origin ?? unread('origin')) },
  };
}
