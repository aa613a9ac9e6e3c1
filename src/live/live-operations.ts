import { createHash, randomUUID } from 'node:crypto';
import { ApolloServerErrorCode } from '@apollo/server/errors';
import {
  DocumentNode,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  getOperationAST,
  parse,
  validate,
} from 'graphql';
import { Session, SessionAuthenticator } from '../auth/session-authenticator';
import { EventBus } from '../bus/event-bus';
import { Context } from '../context/context';
import { ContextBuilder } from '../context/context-factory';
import { BadRequestError, QueryTooComplexError } from '../errors/api-errors';
import { formatError, isUnexpected } from '../errors/format-error';
import { MAX_DOCUMENT_NESTING, MAX_DOCUMENT_TOKENS, nestingOf } from '../limits/document-shape';
import { OperationLimits, checkOperationLimits } from '../limits/operation-limits';
import { assertStorableText } from '../limits/text-input';
import { UnexpectedErrorLog } from '../observability/unexpected-error-log';
import { Readers } from '../readers';
import { liveExecution } from './live-execution';
import { createLiveUpdates } from './live-updates';

/** Events whose shared anonymous readers are kept, for subscribers that are at different events at once. */
const SHARED_EVENTS = 16;

/** graphql-js's own errors carry no code; Apollo gives them these over HTTP, and so do we here. */
function withCode(
  error: GraphQLError,
  code: ApolloServerErrorCode.GRAPHQL_PARSE_FAILED | ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { ...error.extensions, code },
  });
}

export interface LiveOperationDeps {
  schema: GraphQLSchema;
  bus: EventBus;
  sessions: SessionAuthenticator;
  contextFor: ContextBuilder;
  /** HTTP's limits; a subscription's cost budget is the smaller of theirs and `maxCost`. */
  limits: OperationLimits;
  /** The cost budget of a subscription (LIVE_MAX_COST). */
  maxCost: number;
  /** Whether schema suggestions ("Did you mean ...?") may appear in errors. */
  introspection: boolean;
  logUnexpected: UnexpectedErrorLog;
}

export interface AdmittedOperation {
  document: DocumentNode;
  variables: Record<string, unknown>;
  /** The same for the same document, operation name and variables: anonymous ones share answers. */
  key: string;
}

/**
 * What both live transports (graphql-ws and graphql-sse) do with a subscription: admit it with
 * HTTP's rules, give it a context whose readers are new (or, for anonymous subscribers, shared)
 * at each event, and show errors to the client as HTTP does.
 */
export function liveOperations(deps: LiveOperationDeps) {
  // A subscription's selection runs at every event for every subscriber: what a query may cost
  // once would be paid again and again, so subscriptions get a budget of their own.
  const limits: OperationLimits = { ...deps.limits, maxCost: Math.min(deps.limits.maxCost, deps.maxCost) };
  const execution = liveExecution();
  const anonymousByEvent = new Map<string, Readers>();
  /**
   * Readers for anonymous subscribers, one set per event: they all see the same, so a thousand
   * readers of a live ticker cost one batch of statements per event, not a thousand.
   */
  const anonymousReaders = (seq: string): Readers => {
    let readers = anonymousByEvent.get(seq);
    if (!readers) {
      readers = deps.contextFor(null, { requestId: `live-${seq}`, statements: 0, errorCodes: [] }, 'live').readers;
      anonymousByEvent.set(seq, readers);
      if (anonymousByEvent.size > SHARED_EVENTS) anonymousByEvent.delete(anonymousByEvent.keys().next().value!);
    }
    return readers;
  };

  return {
    schema: deps.schema,
    /**
     * The parse, depth and cost rules of HTTP, with a smaller cost budget, for subscriptions only
     * (queries and mutations go over HTTP, with their rate limits and idempotency keys). Throws an
     * ApiError, or returns graphql-js's validation errors.
     */
    admit(
      query: string,
      operationName: string | null | undefined,
      variables: Record<string, unknown> | null | undefined,
    ): AdmittedOperation | { errors: GraphQLError[] } {
      if (nestingOf(query) > MAX_DOCUMENT_NESTING)
        throw new QueryTooComplexError(`The document nests more than ${MAX_DOCUMENT_NESTING} levels of brackets.`);
      let document: DocumentNode;
      try {
        document = parse(query, { maxTokens: MAX_DOCUMENT_TOKENS });
      } catch (error) {
        throw withCode(error as GraphQLError, ApolloServerErrorCode.GRAPHQL_PARSE_FAILED);
      }
      const invalid = validate(deps.schema, document);
      if (invalid.length > 0)
        return { errors: invalid.map((error) => withCode(error, ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED)) };
      const operation = getOperationAST(document, operationName);
      if (!operation) throw new BadRequestError('Name the operation to run (operationName).');
      if (operation.operation !== 'subscription')
        throw new BadRequestError(
          'Only subscriptions are served here; send queries and mutations over HTTP POST or GET.',
        );
      const values = variables ?? {};
      checkOperationLimits(deps.schema, document, operation, values, limits);
      assertStorableText(document, values);
      const key = createHash('sha256')
        .update(JSON.stringify([query, operationName ?? null, values]))
        .digest('base64url');
      return { document, variables: values, key };
    },

    /**
     * The context of `operation`'s subscription. `onSessionEnded` is told when a signed-in
     * subscriber's sign-in ends. Anonymous subscribers of one operation share its answers.
     */
    contextOf(
      session: Session | null,
      clientIp: string,
      operation: AdmittedOperation,
      onSessionEnded: () => void,
    ): Context {
      const context = deps.contextFor(
        session?.viewer ?? null,
        { requestId: randomUUID(), statements: 0, errorCodes: [] },
        clientIp,
      );
      context.live = createLiveUpdates(deps.bus, async (event) => {
        if (!session) {
          context.readers = anonymousReaders(event.seq);
          return context.readers;
        }
        // A sign-in that ended (expired, signed out, password changed) ends its live updates
        // too; one that goes on is read with its current role.
        const expired = session.claims.expiresAt !== undefined && session.claims.expiresAt <= Date.now();
        const viewer = expired ? null : await deps.sessions.stillValid(session.claims).catch(() => context.viewer);
        if (!viewer) {
          onSessionEnded();
          return null;
        }
        context.signIn(viewer);
        return context.freshReaders();
      });
      if (!session) execution.share(context, operation.key);
      return context;
    },

    /** Runs a subscription (both transports' `subscribe`): answers shared, one subscriber a turn. */
    subscribe: execution.subscribe,

    /** Answers computed and shared so far, for /metrics. */
    answerCounts: execution.counts,

    /** What the client sees of an error: our messages, masked failures, no HTTP status or stack. */
    toClient(error: GraphQLError, requestId: string, transport: string): GraphQLFormattedError {
      if (isUnexpected(error)) deps.logUnexpected(error, { requestId, transport });
      const formatted = formatError(error.toJSON(), error);
      const { http: _status, ...extensions } = formatted.extensions ?? {};
      const message = deps.introspection ? formatted.message : formatted.message.replace(/ ?Did you mean .+\?$/, '');
      return { ...formatted, message, extensions };
    },
  };
}

export type LiveOperations = ReturnType<typeof liveOperations>;

/** Any thrown value as a GraphQLError for the client (masked later unless it is one of ours). */
export function asGraphQLError(error: unknown): GraphQLError {
  return error instanceof GraphQLError ? error : new GraphQLError(String(error), { originalError: error as Error });
}
