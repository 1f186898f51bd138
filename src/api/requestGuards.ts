/**
 * The checks every operation passes, as one Apollo plugin: read-only (a mutation or subscription is refused),
 * then the cost estimate, both once the operation is resolved; then the execution budget, from the start of
 * execution to the answer; last, whether the answer is clean (cleanAnswers.ts, for the response cache). They used to be three plugins; Apollo calls each plugin's `requestDidStart` for every
 * request and awaits each listener's hooks through promises, so three plugins were three listeners made and
 * three sets of hook promises per request. Here no hook keeps state of its own (the budget lives in a WeakMap
 * keyed by the operation's context), so one listener object serves every request, handed back as one promise
 * made once. The store is told when each operation starts executing and ends, if it holds what it read for the
 * operations under way (store/entitiesAtHand.ts: the PostgreSQL store's ends of relations).
 */
import type { ApolloServerPlugin, BaseContext, GraphQLRequestListener } from '@apollo/server';
import { noteAnswer } from './cleanAnswers.js';
import { checkCost } from './costLimit.js';
import { endBudget, replaceStoppedAnswer, startBudget } from './executionBudget.js';
import type { ResolvedLimits } from './limits.js';
import type { ListSizeOf } from './listSizes.js';
import { readOnlyRefusal } from './readOnly.js';
import type { OperationHooks } from '../store/entitiesAtHand.js';
import { variablesDepthRefusal } from './variablesDepth.js';

export function requestGuardsPlugin(limits: ResolvedLimits, listSizeOf: ListSizeOf, store?: OperationHooks): ApolloServerPlugin<BaseContext> {
  const listener: GraphQLRequestListener<BaseContext> = {
    async didResolveOperation(context) {
      // Variables nested past any argument's shape first: the cost estimate walks them recursively (variablesDepth.ts).
      // Then read-only: a mutation is named as such, not priced (its fields are not the query type's).
      const refusal = variablesDepthRefusal(context.request.variables) ?? readOnlyRefusal(context.operation) ?? checkCost(context.schema, context.document, context.operationName, context.request.variables, limits, listSizeOf);
      if (refusal !== null) throw refusal;
    },
    async executionDidStart(context) {
      startBudget(context.contextValue, limits.maxExecutionMs, limits.maxResponseBytes, limits.maxWallClockMs);
      store?.operationStarted(context.contextValue);
    },
    async willSendResponse(context) {
      endBudget(context.contextValue);
      store?.operationEnded(context.contextValue);
      replaceStoppedAnswer(context);
      noteAnswer(context); // after the budget: a stopped operation's answer is its error
    },
  };
  const started = Promise.resolve(listener);
  return { requestDidStart: () => started };
}
