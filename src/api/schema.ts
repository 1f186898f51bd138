/**
 * The executable GraphQL schema of a graph: the SDL of `schema/` with the resolvers that read that graph
 * through its indices. Made once per graph and cached.
 */
import { makeExecutableSchema } from '@graphql-tools/schema';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { NewsGraph } from '../graph/index.js';
import { createResolvers } from './resolvers/index.js';
import { loadTypeDefs } from './typeDefs.js';

let typeDefs: DocumentNode | undefined;
const schemas = new WeakMap<NewsGraph, GraphQLSchema>();

/** The schema's SDL as one parsed document (read from `schema/*.graphql` once). */
export function getTypeDefs(): DocumentNode {
  typeDefs ??= loadTypeDefs();
  return typeDefs;
}

/** The executable schema that answers for `graph`. */
export function createSchema(graph: NewsGraph): GraphQLSchema {
  let schema = schemas.get(graph);
  if (schema === undefined) {
    schema = makeExecutableSchema({ typeDefs: getTypeDefs(), resolvers: createResolvers(graph) });
    schemas.set(graph, schema);
  }
  return schema;
}
