import type { ApolloServerOptionsWithGateway } from '@apollo/server';
import { ExecutionResult, GraphQLSchema, execute } from 'graphql';
import { CompiledQuery, compileQuery, isCompiledQuery } from 'graphql-jit';
import type { Context } from '../context/context';
import { BoundedCache } from '../limits/bounded-cache';
import { usePlainResolvers } from './plain-resolvers';

type Gateway = ApolloServerOptionsWithGateway<Context>['gateway'];
type Executor = NonNullable<Awaited<ReturnType<Gateway['load']>>['executor']>;

/** A document graphql-jit could not compile: it runs on graphql-js, and is not tried again. */
const NOT_COMPILED = Symbol('not compiled');
/** A document asked for once: compiling (about 1.3 times its parsing and validation) waits for a second time. */
const SEEN_ONCE = Symbol('seen once');

/**
 * Runs queries compiled by graphql-jit (once per document and operation name, on its second
 * request, so that one-off documents, a client's ever new ones included, cost no compiling; kept
 * in a cache of `maxEntries`) and everything else on graphql-js, as Apollo would: a document's
 * first request, mutations (they wait on writes, not on the per-field walk, and keep
 * graphql-js's serial execution), documents graphql-jit cannot compile, and answers with errors
 * (below). Apollo 5 has no executor option;
 * its `gateway` hook is the documented way to bring one (apollographql/apollo-server#7981 asks
 * for a plain option).
 */
export function compiledExecution(schema: GraphQLSchema, jitSchema: GraphQLSchema, maxEntries: number): Gateway {
  // graphql-jit runs on a second build of the schema, with plain resolvers; graphql-js keeps the
  // first as it is, so what it answers (errors included, in the order they come) is the
  // resolver path's answer.
  usePlainResolvers(jitSchema);
  const compiled = new BoundedCache<CompiledQuery | typeof NOT_COMPILED | typeof SEEN_ONCE>(maxEntries);
  const compile = (document: Parameters<typeof compileQuery>[1], operationName: string | undefined) => {
    try {
      const query = compileQuery(jitSchema, document, operationName, { disablingCapturingStackErrors: true });
      return isCompiledQuery(query as ExecutionResult) ? (query as CompiledQuery) : NOT_COMPILED;
    } catch {
      return NOT_COMPILED;
    }
  };

  const executor: Executor = async (request) => {
    const context = request.context as Context;
    const { document, operation, queryHash } = request;
    const { operationName, variables = {} } = request.request;
    const viaGraphQLJs = () => {
      context.facts.execution = 'resolvers';
      return execute({ schema, document, contextValue: context, variableValues: variables, operationName });
    };
    // After a compiled run, graphql-js starts as cold as on the resolver path: empty DataLoaders
    // (warm ones answer at once, which changes which errors an answer nulled at its root lists)
    // and only its own cache keys.
    const againViaGraphQLJs = () => {
      context.facts.cacheKeys?.clear();
      context.freshReaders();
      return viaGraphQLJs();
    };
    if (operation.operation !== 'query') return viaGraphQLJs();
    const key = `${operationName ?? ''}\n${queryHash}`;
    let query = compiled.get(key);
    if (query === undefined) {
      compiled.set(key, SEEN_ONCE);
      return viaGraphQLJs();
    }
    if (query === SEEN_ONCE) compiled.set(key, (query = compile(document, operationName)));
    if (query === NOT_COMPILED) return viaGraphQLJs();
    // Noted first, so that the log line of a request cut off while it runs says so too.
    context.facts.execution = 'compiled';
    let result: ExecutionResult;
    try {
      result = await query.query(undefined, context, variables);
    } catch {
      // Resolvers' failures come back as errors; a throw is graphql-jit's own: graphql-js answers.
      return againViaGraphQLJs();
    }
    // An answer with errors is answered again by graphql-js, the reference for how errors read.
    // Which errors an answer nulled at its root lists depends on when each failed (graphql-js
    // builds the answer at the first failure, graphql-jit after all), their order on the order
    // fields ran, and graphql-jit's errors lack `extensions` (zalando-incubator/graphql-jit#234,
    // apollographql/apollo-server#7773). Reads change nothing, so running one twice is safe; a
    // refused variable (no data at all) lands here too. Answers without errors are the same.
    // Variables graphql-js refuses never get here: the cost estimate coerces them with
    // graphql-js first (src/limits/operation-limits.ts), and graphql-jit's own coercion is looser
    // (a list passes for an input object; zalando-incubator/graphql-jit#228 would use graphql-js's).
    if (result.errors?.length || result.data === undefined) return againViaGraphQLJs();
    return { data: result.data };
  };

  return {
    onSchemaLoadOrUpdate(callback) {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    load: async () => ({ executor }),
    stop: async () => undefined,
  };
}
