import { randomUUID } from 'node:crypto';
import type http from 'node:http';
import { GraphQLError } from 'graphql';
import type { Context as SocketContext } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { bearerToken } from '../auth/bearer-token';
import { Session, SessionAuthenticator } from '../auth/session-authenticator';
import { BadRequestError, TooManySubscriptionsError } from '../errors/api-errors';
import { CountPerClient, LiveCapacity } from './live-capacity';
import { LiveOperations, asGraphQLError } from './live-operations';

/** Close codes a client can act on (4401 as graphql-ws's Unauthorized). */
const CLOSE_UNAUTHORIZED = 4401;
const CLOSE_TRY_AGAIN_LATER = 1013;
/** How long a stop waits for clients to answer the close before it cuts them off. */
const CLOSE_GRACE_MS = 1000;

export interface SubscriptionServerDeps {
  httpServer: http.Server;
  live: LiveOperations;
  sessions: SessionAuthenticator;
  capacity: LiveCapacity;
  subscriptionsPerConnection: number;
  /** Ping interval; a client that does not answer within as long again is disconnected. */
  keepAliveMs: number;
  /** The client's address, honouring TRUST_PROXY as Express does. */
  clientIpOf(request: http.IncomingMessage): string;
}

export interface SubscriptionServer {
  /** What is open now, for /metrics. */
  counts(): { connections: number; subscriptions: number };
  /** Closes every socket (1001, going away; cut off after a second) and stops accepting new ones. */
  close(): Promise<void>;
}

interface Connection {
  clientIp: string;
  session: Session | null;
}

/**
 * Live subscriptions over WebSocket (the graphql-ws protocol) on the same port and path as
 * queries. A signed-in client sends `{ authorization: "Bearer <token>" }` in `connection_init`;
 * a bad token closes the socket with 4401, and so does a sign-in that ends while subscribed.
 * HTTP's rules apply (src/live/live-operations.ts), with caps on open subscriptions per
 * connection and per client address, and as many sockets per address as subscriptions.
 */
export function serveSubscriptions(deps: SubscriptionServerDeps): SubscriptionServer {
  const sockets = new WebSocketServer({ server: deps.httpServer, path: '/graphql', maxPayload: 1024 * 1024 });
  const connections = new Map<SocketContext, Connection>();
  const socketsPerClient = new CountPerClient();

  deps.capacity.count((clientIp) => {
    let open = 0;
    for (const [socket, connection] of connections) {
      if (connection.clientIp === clientIp) open += Object.keys(socket.subscriptions).length;
    }
    return open;
  });
  // Idle sockets are a cost too: an address may hold as many as it may hold subscriptions.
  sockets.on('connection', (socket, request) => {
    const clientIp = deps.clientIpOf(request);
    socketsPerClient.add(clientIp);
    socket.once('close', () => socketsPerClient.remove(clientIp));
    if (socketsPerClient.of(clientIp) > deps.capacity.perClientIp)
      socket.close(CLOSE_TRY_AGAIN_LATER, 'Too many connections from this address.');
  });

  const server = useServer<Record<string, unknown>, { request: http.IncomingMessage }>(
    {
      // A client gets 10 s to send connection_init (graphql-ws's 3 s is short on a slow network).
      connectionInitWaitTimeout: 10_000,
      subscribe: deps.live.subscribe,
      onConnect: async (socket) => {
        const connection: Connection = { clientIp: deps.clientIpOf(socket.extra.request), session: null };
        const authorization = socket.connectionParams?.authorization ?? socket.connectionParams?.Authorization;
        if (authorization !== undefined && authorization !== null) {
          const token = typeof authorization === 'string' ? bearerToken({ authorization }) : '';
          try {
            connection.session = await deps.sessions.authenticate(token ?? '', randomUUID());
          } catch (error) {
            const unauthenticated = error instanceof GraphQLError && error.extensions.code === 'UNAUTHENTICATED';
            socket.extra.socket.close(
              unauthenticated ? CLOSE_UNAUTHORIZED : CLOSE_TRY_AGAIN_LATER,
              unauthenticated ? error.message : 'Could not check the sign-in; try again shortly.',
            );
            return false;
          }
        }
        // Gone while its token was checked: onClose has run already, so keep nothing.
        if (socket.extra.socket.readyState !== socket.extra.socket.OPEN) return false;
        connections.set(socket, connection);
        return true;
      },
      onClose: (socket) => {
        connections.delete(socket);
      },
      onSubscribe: (socket, _id, payload) => {
        const connection = connections.get(socket);
        if (!connection) return [new BadRequestError('The connection is not initialised.')];
        try {
          // graphql-ws has registered this subscription already: it counts in both.
          if (Object.keys(socket.subscriptions).length > deps.subscriptionsPerConnection)
            throw new TooManySubscriptionsError(deps.subscriptionsPerConnection, 'connection');
          deps.capacity.assertWithinCap(connection.clientIp);
          const admitted = deps.live.admit(payload.query, payload.operationName, payload.variables);
          if ('errors' in admitted) return admitted.errors;
          const contextValue = deps.live.contextOf(connection.session, connection.clientIp, admitted, () =>
            socket.extra.socket.close(CLOSE_UNAUTHORIZED, 'This sign-in has ended; sign in again.'),
          );
          return {
            schema: deps.live.schema,
            document: admitted.document,
            operationName: payload.operationName,
            variableValues: admitted.variables,
            contextValue,
          };
        } catch (error) {
          return [asGraphQLError(error)];
        }
      },
      onNext: (_socket, _id, _payload, args, result) => {
        if (!result.errors) return undefined;
        const { requestId } = (args.contextValue as { facts: { requestId: string } }).facts;
        return {
          ...result,
          errors: result.errors.map((error) => deps.live.toClient(error, requestId, 'websocket')),
        } as never;
      },
      onError: (_socket, _id, _payload, errors) =>
        errors.map((error) => deps.live.toClient(error, randomUUID(), 'websocket')) as never,
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
      // A client that vanished never answers the close handshake; a stop must not wait for it.
      const cutOff = setTimeout(() => {
        for (const socket of sockets.clients) socket.terminate();
      }, CLOSE_GRACE_MS);
      await server.dispose();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      clearTimeout(cutOff);
    },
  };
}
