/**
 * The cache key of a GraphQL request: the snapshot, the normalized operation (parsed and printed, so that
 * spacing, commas and comments do not matter), the operation name, the variables as canonical JSON (keys
 * sorted) and the media type asked for. Null when the request must not be cached: not a query operation,
 * persisted-query extensions, a document or variables that do not parse, variables nested too deeply to be valid
 * (Apollo answers those itself, the last with the request guards' refusal: variablesDepth.ts).
 */
import { Kind, parse, print, type DocumentNode } from 'graphql';
import { MAX_VARIABLES_DEPTH, nestsDeeperThan } from '../variablesDepth.js';

/** Printed documents by their source text, so that a repeated question is parsed once (bounded). */
const printed = new Map<string, string | null>();
const PRINTED_MAX = 2_000;

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function isQueryOperation(document: DocumentNode, operationName: string | undefined): boolean {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  const chosen = operationName === undefined ? (operations.length === 1 ? operations[0] : undefined) : operations.find((o) => o.name?.value === operationName);
  return chosen !== undefined && chosen.operation === 'query';
}

/** The printed query document, or null when it does not parse or is not a query. */
function normalized(query: string, operationName: string | undefined): string | null {
  const memoKey = `${operationName ?? ''}\n${query}`;
  const known = printed.get(memoKey);
  if (known !== undefined) return known;
  let result: string | null;
  try {
    const document = parse(query, { noLocation: true });
    result = isQueryOperation(document, operationName) ? print(document) : null;
  } catch {
    result = null;
  }
  if (printed.size >= PRINTED_MAX) printed.clear(); // a crude bound: misses only cost a parse
  printed.set(memoKey, result);
  return result;
}

interface GraphQLParams {
  readonly query: unknown;
  readonly operationName: unknown;
  readonly variables: unknown;
  readonly extensions: unknown;
}

function paramsOf(method: string, search: URLSearchParams, body: unknown): GraphQLParams | null {
  if (method === 'GET') {
    const variables = search.get('variables');
    let parsedVariables: unknown;
    try {
      parsedVariables = variables === null || variables === '' ? undefined : JSON.parse(variables);
    } catch {
      return null;
    }
    return { query: search.get('query'), operationName: search.get('operationName') ?? undefined, variables: parsedVariables, extensions: search.get('extensions') ?? undefined };
  }
  if (method !== 'POST' || body === null || typeof body !== 'object' || Array.isArray(body)) return null;
  const b = body as Record<string, unknown>;
  return { query: b['query'], operationName: b['operationName'] ?? undefined, variables: b['variables'] ?? undefined, extensions: b['extensions'] ?? undefined };
}

export function graphqlCacheKey(snapshotId: string, method: string, search: URLSearchParams, body: unknown, accept: string | undefined): string | null {
  const params = paramsOf(method, search, body);
  if (params === null || typeof params.query !== 'string' || params.extensions !== undefined) return null;
  if (params.operationName !== undefined && typeof params.operationName !== 'string') return null;
  if (params.variables !== undefined && (params.variables === null || typeof params.variables !== 'object' || Array.isArray(params.variables))) return null;
  if (nestsDeeperThan(params.variables, MAX_VARIABLES_DEPTH)) return null; // canonicalJson recurses
  const document = normalized(params.query, params.operationName);
  if (document === null) return null;
  return ['graphql', snapshotId, accept ?? '', params.operationName ?? '', canonicalJson(params.variables ?? {}), document].join('\n');
}
