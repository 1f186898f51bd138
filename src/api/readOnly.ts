/**
 * The API is read-only: a mutation or subscription is refused with OPERATION_NOT_SUPPORTED, named as such,
 * before the cost check or anything else looks at it (it used to reach the cost estimate, fail there, and
 * come back as a masked INTERNAL_SERVER_ERROR with a logged stack).
 */
import { GraphQLError, type OperationDefinitionNode } from 'graphql';

export const OPERATION_NOT_SUPPORTED = 'OPERATION_NOT_SUPPORTED';

/** The refusal of an operation that is not a query, or null (no operation is the executor's to report). */
export function readOnlyRefusal(operation: OperationDefinitionNode | undefined): GraphQLError | null {
  if (operation === undefined || operation.operation === 'query') return null;
  return new GraphQLError(`This API is read-only: ${operation.operation}s are not supported; send a query.`, {
    nodes: [operation],
    extensions: { code: OPERATION_NOT_SUPPORTED, http: { status: 400 } },
  });
}
