/**
 * The ApolloServer for a graph, shared by the HTTP server and in-process execution so that both answer
 * alike: our schema, limits checked before execution, masked errors, and nothing sent to Apollo's cloud.
 */
import { ApolloServer, type ApolloServerPlugin, type BaseContext } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
  ApolloServerPluginSchemaReportingDisabled,
  ApolloServerPluginUsageReportingDisabled,
} from '@apollo/server/plugin/disabled';
import type { NewsGraph } from '../graph/index.js';
import { asStore, MemoryStore, type GraphStore } from '../store/index.js';
import { operationHooksOf } from '../store/entitiesAtHand.js';
import { aliasLimitRule } from './aliasLimit.js';
import { depthLimitRule } from './depthLimit.js';
import { createErrorFormatter, type ServerLogger } from './errors.js';
import { fixedListSizes } from './listSizes.js';
import { resolveLimits, type QueryLimits } from './limits.js';
import { createSchema } from './schema.js';
import { withExecutionBudget } from './executionBudget.js';
import { requestGuardsPlugin } from './requestGuards.js';

export interface ApolloOptions {
  readonly limits?: QueryLimits;
  /** Where masked errors and server events go. @default console */
  readonly logger?: ServerLogger;
  /** More plugins (the HTTP server adds its playground page and connection draining). */
  readonly plugins?: readonly ApolloServerPlugin<BaseContext>[];
}

/** An ApolloServer answering for a graph or store (not yet started; `executeOperation` starts it on first use). */
export function createApolloServer(graph: NewsGraph | GraphStore, options: ApolloOptions = {}): ApolloServer<BaseContext> {
  const limits = resolveLimits(options.limits);
  const logger = options.logger ?? console;
  const store = asStore(graph);
  return new ApolloServer<BaseContext>({
    // The in-memory store's promises are settled when returned: the budget need not watch them (executionBudget.ts).
    schema: withExecutionBudget(createSchema(graph), { storeWaits: !(store instanceof MemoryStore) }),
    formatError: createErrorFormatter(logger),
    includeStacktraceInErrorResponses: false,
    introspection: true,
    // The API is read-only, sets no cookies and sends no CORS headers, so a cross-site request can neither
    // change anything nor read an answer; keeping Apollo's CSRF check would only refuse plain GET requests.
    csrfPrevention: false,
    // Signals are the HTTP server's to handle (it drains connections first); in-process use installs none.
    stopOnTerminationSignals: false,
    validationRules: [depthLimitRule(limits.maxDepth), aliasLimitRule(limits.maxAliases)],
    // The parser stops at maxTokens: a depth, alias or nesting bomb costs a few milliseconds, not a stack overflow.
    parseOptions: { maxTokens: limits.maxTokens },
    logger,
    plugins: [
      // Read-only, then the cost estimate once the variables are known, then the execution budget: one plugin. It
      // also tells the store when each operation starts and ends (what it read for one is let go when it ends).
      requestGuardsPlugin(limits, fixedListSizes, operationHooksOf(store)),
      // Apollo's default landing page loads Apollo Sandbox from outside hosts; ours is the offline playground.
      ApolloServerPluginLandingPageDisabled(),
      // Cache hints are for CDNs; our answers are cached whole by the server (http/responseCache.ts). Apollo's
      // cache-control plugin wraps every field to collect them: half of the in-process cost of a small answer.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginUsageReportingDisabled(),
      ApolloServerPluginSchemaReportingDisabled(),
      ...(options.plugins ?? []),
    ],
  });
}
