/**
 * The cost estimate of an operation, checked before it runs: every field costs 1, multiplied by the
 * sizes of the lists above it. A list's size is its `first` or `limit` argument as given, else that
 * argument's default in the schema (so a list that grows with the corpus is priced at what it can return,
 * never at what the data holds), a connection's `first` sizing its `edges`; a list without either is sized
 * by `listSizeOf` (bounds the ontology sets), else the default size. As GitHub's and Shopify's APIs do:
 * the price of a question is the same at one article and at ten thousand.
 * Variables are known here (unlike in validation), so `first: $n` is priced at its value.
 */
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { LimitError } from './limitError.js';
import { fixedListSizes, type ListSizeOf } from './listSizes.js';

function numberArgument(args: Record<string, unknown>, name: string): number | undefined {
  const value = args[name];
  return typeof value === 'number' && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : undefined;
}

/** The schema's default of a size argument: what the resolver uses when the query passes `null`. */
function defaultArgument(field: GraphQLField<unknown, unknown>, name: string): number | undefined {
  const value = field.args.find((a) => a.name === name)?.defaultValue;
  return typeof value === 'number' ? value : undefined;
}

/** The size a field's arguments ask for: `first`, else `limit`, each falling back to its schema default. */
function sizeArgument(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | undefined {
  return (
    numberArgument(args, 'first') ??
    defaultArgument(field, 'first') ??
    numberArgument(args, 'limit') ??
    defaultArgument(field, 'limit')
  );
}

function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, variables: Record<string, unknown>): Record<string, unknown> {
  try {
    return getArgumentValues(field, node, variables);
  } catch {
    return {}; // invalid arguments fail at execution with their own error; price the field at its defaults
  }
}

/** The estimated cost of the operation `operationName` of `document` (0 when there is no such operation). */
export function estimateCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  rawVariables: Readonly<Record<string, unknown>> | undefined,
  defaultListSize: number,
  listSizeOf: ListSizeOf = () => undefined,
): number {
  const operation = getOperationAST(document, operationName);
  if (operation === null || operation === undefined) return 0;
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], { ...rawVariables });
  const variables = coerced.coerced ?? {};
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const fragmentCosts = new Map<string, number>();

  const costOf = (set: SelectionSetNode, parent: GraphQLNamedType | undefined, pendingSize: number | undefined): number => {
    let total = 0;
    for (const selection of set.selections) {
      switch (selection.kind) {
        case Kind.FIELD:
          total += fieldCost(selection, parent, pendingSize);
          break;
        case Kind.INLINE_FRAGMENT: {
          const condition = selection.typeCondition?.name.value;
          total += costOf(selection.selectionSet, condition === undefined ? parent : schema.getType(condition) ?? undefined, pendingSize);
          break;
        }
        case Kind.FRAGMENT_SPREAD: {
          const key = `${selection.name.value}:${pendingSize ?? ''}`;
          let cost = fragmentCosts.get(key);
          if (cost === undefined) {
            fragmentCosts.set(key, 0); // a fragment cycle is refused by validation; here it costs nothing
            const fragment = fragments.get(selection.name.value);
            cost = fragment === undefined ? 0 : costOf(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value) ?? undefined, pendingSize);
            fragmentCosts.set(key, cost);
          }
          total += cost;
          break;
        }
        default: {
          const unreachable: never = selection;
          throw new Error(`unknown selection ${JSON.stringify(unreachable)}`);
        }
      }
    }
    return total;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLNamedType | undefined, pendingSize: number | undefined): number => {
    if (node.name.value.startsWith('__')) return 0; // introspection: bounded by the schema itself
    if (!isObjectType(parent) && !isInterfaceType(parent)) return 1;
    const field = parent.getFields()[node.name.value];
    if (field === undefined) return 1;
    const args = argumentsOf(field, node, variables);
    const size = sizeArgument(field, args);
    const isList = isListType(getNullableType(field.type));
    const factor = isList ? (pendingSize ?? size ?? listSizeOf(node.name.value, args) ?? defaultListSize) : 1;
    const children = node.selectionSet === undefined ? 0 : costOf(node.selectionSet, getNamedType(field.type), isList ? undefined : size);
    return 1 + factor * children;
  };

  return costOf(operation.selectionSet, schema.getRootType(operation.operation) ?? undefined, undefined);
}

/**
 * Costs already estimated, per schema and parsed document (Apollo hands the same document object back for
 * a repeated query), keyed by operation, variables and default list size: a repeated question is priced once.
 */
const estimates = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Map<string, number>>>();

function cachedCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | undefined,
  defaultListSize: number,
  listSizeOf: ListSizeOf | undefined,
): number {
  let bySchema = estimates.get(schema);
  if (bySchema === undefined) estimates.set(schema, (bySchema = new WeakMap()));
  let byDocument = bySchema.get(document);
  if (byDocument === undefined) bySchema.set(document, (byDocument = new Map()));
  // A custom listSizeOf may answer differently from one call to the next: only the schema's own sizes are cached.
  const key = listSizeOf === undefined || listSizeOf === fixedListSizes ? `${listSizeOf === undefined ? 0 : 1}\u0000${operationName ?? ''}\u0000${defaultListSize}\u0000${JSON.stringify(variables ?? {})}` : undefined;
  const known = key === undefined ? undefined : byDocument.get(key);
  if (known !== undefined) return known;
  const cost = estimateCost(schema, document, operationName, variables, defaultListSize, listSizeOf);
  // Bounded: a document asked with ever new variables must not grow the cache without end.
  if (key !== undefined && byDocument.size < 256) byDocument.set(key, cost);
  return cost;
}

/** A LimitError when the estimated cost is over `maxCost`, else null. */
export function checkCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Readonly<Record<string, unknown>> | undefined,
  limits: { readonly maxCost: number; readonly defaultListSize: number },
  listSizeOf?: ListSizeOf,
): LimitError | null {
  const cost = cachedCost(schema, document, operationName, variables, limits.defaultListSize, listSizeOf);
  if (cost <= limits.maxCost) return null;
  return new LimitError(
    'maxCost',
    limits.maxCost,
    cost,
    `The query's estimated cost is ${cost}; the limit is ${limits.maxCost}. Each field costs 1, times the sizes of the lists ` +
      `above it (their \`first\` or \`limit\`, else that argument's default): ask for fewer items or fewer nested lists.`,
  );
}
