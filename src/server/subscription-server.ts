import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { GraphQLError, GraphQLFormattedError, GraphQLSchema, getOperationAST, parse, validate } from 'graphql';
import type { Context as SocketContext, SubscribePayload } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { bearerToken } from '../auth/bearer-token';
import { Session, SessionAuthenticator } from '../auth/session-authenticator';
import { BadRequestError, QueryTooComplexError, TooManySubscriptionsError } from '../errors/api-errors';
import { formatError, isUnexpected } from '../errors/format-error';
import { MAX_DOCUMENT_NESTING, MAX_DOCUMENT_TOKENS, nestingOf } from '../limits/document-shape';
import { OperationLimits, checkOperationLimits } from '../limits/operation-limits';
import { assertStorableText } from '../limits/text-input';
import { EventBus } from '../live/event-bus';
import { createLiveUpdates } from '../live/live-updates';
import { UnexpectedErrorLog } from '../observability/unexpected-error-log';
import { Readers } from '../readers';
import { ContextBuilder } from './context-factory';

/** Close codes a client can act on (4401 as graphql-ws's Unauthorized). */
const CLOSE_UNAUTHORIZED = 4401;
const CLOSE_TRY_AGAIN_LATER = 1013;

export interface SubscriptionServerDeps {
  httpServer: http.Server;
  schema: GraphQLSchema;
  bus: EventBus;
  sessions: SessionAuthenticator;
  contextFor: ContextBuilder;
  limits: OperationLimits;
  subscriptionsPerConnection: number;
  subscriptionsPerClientIp: number;
  /** Ping interval; a client that does not answer within as long again is disconnected. */
  keepAliveMs: number;
  /** Whether schema suggestions ("Did you mean ...?") may appear in errors. */
  introspection: boolean;
  /** The client's address, honouring TRUST_PROXY as Express does. */
  clientIpOf(request: http.IncomingMessage): string;
  logUnexpected: UnexpectedErrorLog;
}

export interface SubscriptionServer {
  /** What is open now, for /metrics. */
  counts(): { connections: number; subscriptions: number };
  /** Closes every socket (1001, going away) and stops accepting new ones. */
  close(): Promise<void>;
}

/** Events whose shared anonymous readers are kept, for subscribers that are at different events at once. */
const SHARED_EVENTS = 16;

/**
 * Readers for anonymous subscribers, one set per event: they all see the same, so a thousand
 * readers of a live ticker cost one batch of statements per event, not a thousand.
 */
function anonymousReadersPerEvent(contextFor: ContextBuilder): (seq: string) => Readers {
  const byEvent = new Map<string, Readers>();
  return (seq) => {
    let readers = byEvent.get(seq);
    if (!readers) {
      readers = contextFor(null, { requestId: `live-${seq}`, statements: 0, errorCodes: [] }, 'live').readers;
      byEvent.set(seq, readers);
      if (byEvent.size > SHARED_EVENTS) byEvent.delete(byEvent.keys().next().value!);
    }
    return readers;
  };
}

interface Connection {
  clientIp: string;
  session: Session | null;
}

/**
 * Live subscriptions over WebSocket (the graphql-ws protocol) on the same port and path as
 * queries. A signed-in client sends `{ authorization: "Bearer <token>" }` in `connection_init`;
 * a bad token closes the socket with 4401. Only subscriptions are served here (queries and
 * mutations go over HTTP, with their rate limits and idempotency keys), with the same parse,
 * depth and cost limits as HTTP, and caps on open subscriptions per connection and per client
 * address.
 */
export function serveSubscriptions(deps: SubscriptionServerDeps): SubscriptionServer {
  const sockets = new WebSocketServer({ server: deps.httpServer, path: '/graphql', maxPayload: 1024 * 1024 });
  const connections = new Map<SocketContext, Connection>();
  const anonymousReaders = anonymousReadersPerEvent(deps.contextFor);

  const openSubscriptionsOf = (clientIp: string): number => {
    let open = 0;
    for (const [socket, connection] of connections) {
      if (connection.clientIp === clientIp) open += Object.keys(socket.subscriptions).length;
    }
    return open;
  };

  /** What the client sees of an error: our messages, masked failures, no HTTP status or stack. */
  const toClient = (error: GraphQLError, requestId: string): GraphQLFormattedError => {
    if (isUnexpected(error)) deps.logUnexpected(error, { requestId, transport: 'websocket' });
    const formatted = formatError(error.toJSON(), error);
    const { http: _status, ...extensions } = formatted.extensions ?? {};
    const message = deps.introspection ? formatted.message : formatted.message.replace(/ ?Did you mean .+\?$/, '');
    return { ...formatted, message, extensions };
  };

  const admit = (socket: SocketContext, connection: Connection, payload: SubscribePayload) => {
    if (Object.keys(socket.subscriptions).length > deps.subscriptionsPerConnection)
      throw new TooManySubscriptionsError(deps.subscriptionsPerConnection, 'connection');
    if (openSubscriptionsOf(connection.clientIp) > deps.subscriptionsPerClientIp)
      throw new TooManySubscriptionsError(deps.subscriptionsPerClientIp, 'client address');
    if (nestingOf(payload.query) > MAX_DOCUMENT_NESTING)
      throw new QueryTooComplexError(`The document nests more than ${MAX_DOCUMENT_NESTING} levels of brackets.`);
    const document = parse(payload.query, { maxTokens: MAX_DOCUMENT_TOKENS });
    const invalid = validate(deps.schema, document);
    if (invalid.length > 0) return { errors: invalid };
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) throw new BadRequestError('Name the operation to run (operationName).');
    if (operation.operation !== 'subscription')
      throw new BadRequestError('Only subscriptions are served over WebSocket; send queries and mutations over HTTP.');
    const variables = payload.variables ?? {};
    checkOperationLimits(deps.schema, document, operation, variables, deps.limits);
    assertStorableText(document, variables);
    return { document, variables };
  };

  const server = useServer<Record<string, unknown>, { request: http.IncomingMessage }>(
    {
      schema: deps.schema,
      // A client gets 10 s to send connection_init (graphql-ws's 3 s is short on a slow network).
      connectionInitWaitTimeout: 10_000,
      onConnect: async (socket) => {
        const requestId = randomUUID();
        const connection: Connection = { clientIp: deps.clientIpOf(socket.extra.request), session: null };
        const authorization = socket.connectionParams?.authorization ?? socket.connectionParams?.Authorization;
        if (authorization !== undefined && authorization !== null) {
          const token = typeof authorization === 'string' ? bearerToken({ authorization }) : '';
          try {
            connection.session = await deps.sessions.authenticate(token ?? '', requestId);
          } catch (error) {
            const unauthenticated = error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED';
            socket.extra.socket.close(
              unauthenticated ? CLOSE_UNAUTHORIZED : CLOSE_TRY_AGAIN_LATER,
              unauthenticated ? error.message : 'Could not check the sign-in; try again shortly.',
            );
            return false;
          }
        }
        connections.set(socket, connection);
        return true;
      },
      onClose: (socket) => {
        connections.delete(socket);
      },
      onSubscribe: (socket, _id, payload) => {
        const connection = connections.get(socket);
        const requestId = randomUUID();
        if (!connection) return [new BadRequestError('The connection is not initialised.')];
        let admitted: ReturnType<typeof admit>;
        try {
          admitted = admit(socket, connection, payload);
        } catch (error) {
          return [
            error instanceof GraphQLError ? error : new GraphQLError(String(error), { originalError: error as Error }),
          ];
        }
        if ('errors' in admitted) return admitted.errors;
        const context = deps.contextFor(
          connection.session?.viewer ?? null,
          { requestId, statements: 0, errorCodes: [] },
          connection.clientIp,
        );
        const { session } = connection;
        context.live = createLiveUpdates(deps.bus, async (event) => {
          if (!session) {
            context.readers = anonymousReaders(event.seq);
            return context.readers;
          }
          // A sign-in that ended (signed out, password changed) ends its live updates too.
          if (!(await deps.sessions.stillValid(session.claims).catch(() => session.viewer))) {
            socket.extra.socket.close(CLOSE_UNAUTHORIZED, 'This sign-in has ended; sign in again.');
            return null;
          }
          return context.freshReaders();
        });
        return {
          schema: deps.schema,
          document: admitted.document,
          operationName: payload.operationName,
          variableValues: admitted.variables,
          contextValue: context,
        };
      },
      onNext: (_socket, _id, _payload, args, result) => {
        if (!result.errors) return undefined;
        const { requestId } = (args.contextValue as { facts: { requestId: string } }).facts;
        return { ...result, errors: result.errors.map((error) => toClient(error, requestId)) } as never;
      },
      onError: (_socket, _id, _payload, errors) => errors.map((error) => toClient(error, randomUUID())) as never,
    },
    sockets,
    deps.keepAliveMs,
  );

  return {
    counts: () => {
      let subscriptions = 0;
      // Only those listening already (graphql-ws stores a subscription's stream once it started).
      for (const socket of connections.keys())
        subscriptions += Object.values(socket.subscriptions).filter((stream) => stream !== null).length;
      return { connections: connections.size, subscriptions };
    },
    close: async () => {
      await server.dispose();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
    },
  };
}
