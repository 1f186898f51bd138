/**
 * The API is read-only: a mutation or subscription is refused with OPERATION_NOT_SUPPORTED, named as such,
 * before the cost check or anything else looks at it (it used to reach the cost estimate, fail there, and
 * come back as a masked INTERNAL_SERVER_ERROR with a logged stack).
 */
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin, BaseContext } from '@apollo/server';

export const OPERATION_NOT_SUPPORTED = 'OPERATION_NOT_SUPPORTED';

export function readOnlyPlugin(): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation === undefined || operation.operation === 'query') return;
          throw new GraphQLError(`This API is read-only: ${operation.operation}s are not supported; send a query.`, {
            nodes: [operation],
            extensions: { code: OPERATION_NOT_SUPPORTED, http: { status: 400 } },
          });
        },
      };
    },
  };
}
