import type http from 'node:http';
import { ApolloServer, ApolloServerPlugin } from '@apollo/server';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { GraphQLSchema } from 'graphql';
import { Config } from '../config';
import { Context } from '../context/context';
import { formatError } from '../errors/format-error';
import { MAX_DOCUMENT_TOKENS } from '../limits/document-shape';
import { OperationLimits, operationLimitsPlugin } from '../limits/operation-limits';
import { textInputPlugin } from '../limits/text-input';
import { compiledExecution } from './compiled-execution';
import { httpOperationsPlugin } from './http-operations.plugin';
import { SharedState } from './shared-state';

export interface ApolloDeps {
  schema: GraphQLSchema;
  httpServer: http.Server;
  /** GRAPHQL_EXECUTION=compiled: a second build of the schema, for graphql-jit to run queries on. */
  jitSchema?: GraphQLSchema;
  config: Pick<Config, 'introspection' | 'graphqlIde' | 'compiledQueryCacheEntries' | 'operationCostCacheEntries'>;
  limits: OperationLimits;
  persistedQueries: SharedState['persistedQueries'];
  /** The capabilities' plugins, after the server's own. */
  plugins: ApolloServerPlugin<Context>[];
}

/** Notes, for the log line, that graphql-js ran the operation (GRAPHQL_EXECUTION=resolvers). */
const resolversPathPlugin: ApolloServerPlugin<Context> = {
  async requestDidStart() {
    return {
      async executionDidStart({ contextValue }) {
        contextValue.facts.execution = 'resolvers';
      },
    };
  },
};

/**
 * Apollo Server with every limit: what any GraphQL request over HTTP goes through. Given a
 * `jitSchema`, queries run compiled by graphql-jit (./compiled-execution.ts).
 */
export function createApollo(deps: ApolloDeps): ApolloServer<Context> {
  const { config } = deps;
  const { jitSchema } = deps;
  return new ApolloServer<Context>({
    ...(jitSchema
      ? { gateway: compiledExecution(deps.schema, jitSchema, config.compiledQueryCacheEntries) }
      : { schema: deps.schema }),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: false,
    // "Did you mean ...?" would name the fields that closed introspection hides.
    hideSchemaDetailsFromClientErrors: !config.introspection,
    parseOptions: { maxTokens: MAX_DOCUMENT_TOKENS },
    // main.ts owns SIGINT/SIGTERM: it drains Apollo, then closes the pool and the embedded database.
    stopOnTerminationSignals: false,
    // Apollo's CSRF prevention refuses GET queries without a custom header, which the default
    // settings of urql, graphql-request and plain fetch do not send. It guards ambient
    // credentials (cookies); sign-in here is a bearer token a cross-site page cannot attach,
    // mutations over GET stay refused, and bodies that are not JSON are never read as GraphQL.
    csrfPrevention: false,
    persistedQueries: deps.persistedQueries,
    formatError,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: deps.httpServer }),
      // The offline IDE is a route of its own (src/ide), answered before Apollo sees the request.
      config.graphqlIde === 'sandbox'
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
        : ApolloServerPluginLandingPageDisabled(),
      // Its per-field hook wraps every resolver; the response cache reads the schema's
      // @cacheControl marks once per document instead (src/response-cache/operation-privacy.ts).
      ApolloServerPluginCacheControlDisabled(),
      operationLimitsPlugin(deps.limits, config.operationCostCacheEntries),
      textInputPlugin(),
      httpOperationsPlugin(),
      ...(jitSchema ? [] : [resolversPathPlugin]),
      ...deps.plugins,
    ],
  });
}
