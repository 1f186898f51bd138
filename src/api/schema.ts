/**
 * The executable GraphQL schema of a graph or store: the SDL of `schema/` with the resolvers that read
 * through the store (a graph is wrapped in the in-memory store). Made once per graph or store and cached.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { NewsGraph } from '../graph/index.js';
import { asStore, type GraphStore } from '../store/index.js';
import { createResolvers } from './resolvers/index.js';
import { loadTypeDefs } from './typeDefs.js';

let typeDefs: DocumentNode | undefined;
const schemas = new WeakMap<GraphStore, GraphQLSchema>();

/** The schema's SDL as one parsed document (read from `schema/*.graphql` once). */
export function getTypeDefs(): DocumentNode {
  typeDefs ??= loadTypeDefs();
  return typeDefs;
}

/** The executable schema that answers for `source`: a graph (read through the in-memory store) or any store. */
export function createSchema(source: NewsGraph | GraphStore): GraphQLSchema {
  const store = asStore(source);
  let schema = schemas.get(store);
  if (schema === undefined) {
    schema = makeExecutableSchema({ typeDefs: getTypeDefs(), resolvers: createResolvers(store) });
    schemas.set(store, schema);
  }
  return schema;
}
