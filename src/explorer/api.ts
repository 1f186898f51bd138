/**
 * The explorer's questions to the GraphQL API (the same endpoint as every other client), and the shapes of
 * their answers. One `fetch` per question, same origin; errors come back as Error with the API's message.
 */

export type EntityKind = 'PERSON' | 'GOVERNMENT' | 'ORGANIZATION' | 'GROUP' | 'PLACE' | 'PROPOSAL' | 'EVENT' | 'CLAIM';

export interface ExplorerNode {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
  readonly x: number;
  readonly y: number;
  readonly distance: number;
  readonly degree: number;
  readonly time: string | null;
  readonly articles: ArticleRange;
}

/** The articles behind a node or an edge: the first ids (all when `count` says so) and their date range. */
export interface ArticleRange {
  readonly articleIds: readonly string[];
  readonly articleCount: number;
  readonly firstPublished: string | null;
  readonly lastPublished: string | null;
}

export interface ExplorerEdge {
  readonly id: string;
  readonly predicate: string;
  readonly source: string;
  readonly target: string;
  readonly negated: boolean;
  readonly modality: string;
  readonly origin: 'STATED' | 'ROLE' | 'PROJECTION';
  readonly attributedTo: string | null;
  readonly event: string | null;
  readonly time: string | null;
  readonly articles: ArticleRange;
}

export interface ExplorerView {
  readonly center: string;
  readonly truncated: boolean;
  readonly reachable: number;
  readonly reachableIsExact: boolean;
  readonly edgesTruncated: boolean;
  readonly nodes: readonly ExplorerNode[];
  readonly edges: readonly ExplorerEdge[];
}

export interface SearchHit {
  readonly id: string;
  readonly name: string;
  readonly kind: EntityKind;
}

export interface ArticleSummary {
  readonly id: string;
  readonly title: string;
  readonly published: string | null;
  readonly source: string | null;
}

export interface ArticleText extends ArticleSummary {
  readonly text: string;
}

export interface Quote {
  readonly exact: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  readonly sentenceText: string;
  readonly article: ArticleSummary;
}

export interface RelationDetail {
  readonly id: string;
  readonly predicate: string;
  readonly negated: boolean;
  readonly modality: string;
  readonly origin: string;
  readonly time: string | null;
  readonly subject: SearchHit;
  readonly object: SearchHit;
  readonly attributedTo: SearchHit | null;
  readonly evidence: readonly Quote[];
}

export interface EntityDetail extends SearchHit {
  readonly description: string | null;
  readonly evidence: readonly Quote[];
}

const QUOTE = 'exact start end sentence sentenceText article { id title published source }';
const HIT = 'id name kind';
const RELATION = `id predicate negated modality origin time subject { ${HIT} } object { ${HIT} } attributedTo { ${HIT} } evidence { ${QUOTE} }`;
const ARTICLES = 'articleIds(first: 50) articleCount firstPublished lastPublished';

/** Every key of T, once, and nothing else: a list that stops compiling when the type gains or loses a field. */
type EveryKey<T, List extends readonly (keyof T)[]> = Exclude<keyof T, List[number]> extends never ? List : never;

/**
 * The fields the view asks, from the types' own keys (the article fields nested apart): ExplorerNode and ExplorerEdge
 * say every field is there, which is true because the query asks them all (a view asked without some of them may
 * leave them out: graph/explore.ts SelectedExplorerView).
 */
const NODE_FIELDS = ['id', 'name', 'kind', 'x', 'y', 'distance', 'degree', 'time'] as const;
const EDGE_FIELDS = ['id', 'predicate', 'source', 'target', 'negated', 'modality', 'origin', 'attributedTo', 'event', 'time'] as const;
const NODE_FIELDS_CHECKED: EveryKey<Omit<ExplorerNode, 'articles'>, typeof NODE_FIELDS> = NODE_FIELDS;
const EDGE_FIELDS_CHECKED: EveryKey<Omit<ExplorerEdge, 'articles'>, typeof EDGE_FIELDS> = EDGE_FIELDS;
const VIEW = `center truncated reachable reachableIsExact edgesTruncated
  nodes { ${NODE_FIELDS_CHECKED.join(' ')} ${ARTICLES} }
  edges { ${EDGE_FIELDS_CHECKED.join(' ')} ${ARTICLES} }`;

interface FlatItem extends ArticleRange {
  readonly [key: string]: unknown;
}

/** Moves the article fields of a node or edge of the answer into `articles`. */
function nest<T extends { readonly articles: ArticleRange }>(item: FlatItem): T {
  const { articleIds, articleCount, firstPublished, lastPublished, ...rest } = item;
  return { ...rest, articles: { articleIds, articleCount, firstPublished, lastPublished } } as unknown as T;
}

export class ApiClient {
  private readonly articleCache = new Map<string, Promise<ArticleText>>();

  constructor(private readonly endpoint: string) {}

  private async ask<T>(query: string, variables: Record<string, unknown>): Promise<T> {
    const response = await fetch(this.endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: T; errors?: { message: string }[] };
    if (body.errors !== undefined && body.errors.length > 0) throw new Error(body.errors.map((e) => e.message).join('; '));
    if (body.data === undefined) throw new Error(`The API answered ${response.status} without data.`);
    return body.data;
  }

  async search(text: string): Promise<SearchHit[]> {
    const data = await this.ask<{ search: SearchHit[] }>(`query ExplorerSearch($text: String!) { search(text: $text, limit: 10) { ${HIT} } }`, { text });
    return data.search;
  }

  async explore(center: string, depth: number, predicate: string | null, limit: number, connectTo: readonly string[] = []): Promise<ExplorerView> {
    const data = await this.ask<{ explore: { center: string; truncated: boolean; reachable: number; reachableIsExact: boolean; edgesTruncated: boolean; nodes: FlatItem[]; edges: FlatItem[] } }>(
      `query ExplorerView($center: ID!, $depth: Int, $predicate: [String!], $limit: Int, $connectTo: [ID!]) { explore(center: $center, depth: $depth, predicate: $predicate, limit: $limit, connectTo: $connectTo) { ${VIEW} } }`,
      { center, depth, predicate: predicate === null ? null : [predicate], limit, connectTo },
    );
    const view = data.explore;
    return { ...view, nodes: view.nodes.map((n) => nest<ExplorerNode>(n)), edges: view.edges.map((e) => nest<ExplorerEdge>(e)) };
  }

  /** The predicates and role names the graph uses, most frequent first. */
  async predicates(): Promise<string[]> {
    const data = await this.ask<{ predicates: { name: string; count: number }[] }>('query ExplorerPredicates { predicates { name count } }', {});
    return data.predicates.filter((p) => p.count > 0).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).map((p) => p.name);
  }

  async articles(): Promise<ArticleSummary[]> {
    const data = await this.ask<{ articles: ArticleSummary[] }>('query ExplorerArticles { articles { id title published source } }', {});
    return data.articles;
  }

  article(id: string): Promise<ArticleText> {
    let cached = this.articleCache.get(id);
    if (cached === undefined) {
      cached = this.ask<{ article: ArticleText | null }>('query ExplorerArticle($id: ID!) { article(id: $id) { id title published source text } }', { id }).then((data) => {
        if (data.article === null) throw new Error(`No article "${id}".`);
        return data.article;
      });
      this.articleCache.set(id, cached);
    }
    return cached;
  }

  /** The relation with this id, found among those between its two ends (symmetric ones match either way). */
  async relation(id: string, subject: string, object: string): Promise<RelationDetail> {
    const data = await this.ask<{ relations: { edges: { node: RelationDetail }[] } }>(
      `query ExplorerRelation($subject: ID, $object: ID) { relations(subject: $subject, object: $object, first: 200) { edges { node { ${RELATION} } } } }`,
      { subject, object },
    );
    const found = data.relations.edges.find((edge) => edge.node.id === id);
    if (found === undefined) throw new Error(`No relation "${id}" between ${subject} and ${object}.`);
    return found.node;
  }

  async entity(id: string): Promise<EntityDetail> {
    const data = await this.ask<{ entity: EntityDetail | null }>(`query ExplorerEntity($id: ID!) { entity(id: $id) { ${HIT} description evidence { ${QUOTE} } } }`, { id });
    if (data.entity === null) throw new Error(`No entity "${id}".`);
    return data.entity;
  }

  /** The shortest chain between two entities, each hop with its evidence, or null when there is none. */
  async path(from: string, to: string): Promise<RelationDetail[] | null> {
    const data = await this.ask<{ path: RelationDetail[] | null }>(`query ExplorerPath($from: ID!, $to: ID!) { path(from: $from, to: $to, maxHops: 6) { ${RELATION} } }`, { from, to });
    return data.path;
  }
}
