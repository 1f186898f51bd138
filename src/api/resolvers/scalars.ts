/**
 * The JSON scalar: kind- and predicate-specific facts as a JSON object, never an encoded string, and `{}`
 * when there is nothing (API.md).
 */
import { GraphQLError, Kind, type ValueNode } from 'graphql';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Drops `undefined` members, which JSON has no spelling for. */
function toJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toJson);
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) if (member !== undefined) out[key] = toJson(member);
    return out;
  }
  return value;
}

function literal(node: ValueNode, variables: Record<string, unknown> | null | undefined): unknown {
  switch (node.kind) {
    case Kind.OBJECT:
      return Object.fromEntries(node.fields.map((f) => [f.name.value, literal(f.value, variables)]));
    case Kind.LIST:
      return node.values.map((v) => literal(v, variables));
    case Kind.STRING:
    case Kind.ENUM:
      return node.value;
    case Kind.BOOLEAN:
      return node.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(node.value);
    case Kind.NULL:
      return null;
    case Kind.VARIABLE:
      return variables?.[node.name.value];
    default: {
      const unreachable: never = node;
      throw new GraphQLError(`JSON cannot hold ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * The JSON scalar's behaviour. A plain object rather than a GraphQLScalarType: graphql-tools copies every
 * member of it onto the SDL's scalar, and a GraphQLScalarType would overwrite the SDL's description.
 */
export const jsonScalar = {
  serialize(value: unknown): Record<string, unknown> {
    if (value === undefined || value === null) return {};
    const json = toJson(value);
    if (!isPlainObject(json)) throw new GraphQLError(`JSON must be an object, not ${typeof value}.`);
    return json;
  },
  parseValue(value: unknown): Record<string, unknown> {
    if (!isPlainObject(value)) throw new GraphQLError('A JSON argument must be an object.');
    return value;
  },
  parseLiteral(node: ValueNode, variables?: Record<string, unknown> | null): Record<string, unknown> {
    const value = literal(node, variables);
    if (!isPlainObject(value)) throw new GraphQLError('A JSON argument must be an object.');
    return value;
  },
};
