import type http from 'node:http';
import { GraphQLSchema } from 'graphql';
import { SessionAuthenticator } from '../auth/session-authenticator';
import { EventBus } from '../bus/event-bus';
import { Capability } from '../capability/capability';
import { corsPolicy } from '../capability/cors';
import { Config } from '../config';
import { ContextBuilder } from '../context/context-factory';
import { OperationLimits } from '../limits/operation-limits';
import { LiveStats } from '../observability/metrics';
import { UnexpectedErrorLog } from '../observability/unexpected-error-log';
import { eventStream } from './event-stream';
import { LiveCapacity } from './live-capacity';
import { liveOperations } from './live-operations';
import { liveUpdatesConsumer } from './live-updates.consumer';
import { serveSubscriptions } from './subscription-server';

export interface LiveUpdatesDeps {
  httpServer: http.Server;
  schema: GraphQLSchema;
  bus: EventBus;
  sessions: SessionAuthenticator;
  contextFor: ContextBuilder;
  limits: OperationLimits;
  config: Pick<
    Config,
    | 'introspection'
    | 'corsOrigin'
    | 'subscriptionsPerClientIp'
    | 'subscriptionsPerConnection'
    | 'liveMaxCost'
    | 'websocketKeepAliveSeconds'
    | 'liveStreamMaxBufferBytes'
  >;
  logUnexpected: UnexpectedErrorLog;
  /** The client's address, honouring TRUST_PROXY as Express does. */
  clientIpOf(request: http.IncomingMessage): string;
}

export interface LiveUpdatesCapability extends Capability {
  /** Open connections and subscriptions over both transports, and what was counted, for /metrics. */
  stats(): LiveStats;
}

/**
 * Live subscriptions: over WebSocket (graphql-ws, on the HTTP server's upgrade of /graphql)
 * and as Server-Sent Events (graphql-sse at /graphql/stream), both admitted by HTTP's rules
 * (live-operations.ts) and capped per client address together (live-capacity.ts). Its consumer
 * hands the outbox's events that subscriptions care about to the bus, so subscribers of every
 * instance hear them; each subscriber's stream reads each event as that subscriber sees it.
 */
export function liveUpdates(deps: LiveUpdatesDeps): LiveUpdatesCapability {
  const { config } = deps;
  const live = liveOperations({
    schema: deps.schema,
    bus: deps.bus,
    sessions: deps.sessions,
    contextFor: deps.contextFor,
    limits: deps.limits,
    maxCost: config.liveMaxCost,
    introspection: config.introspection,
    logUnexpected: deps.logUnexpected,
  });
  const capacity = new LiveCapacity(config.subscriptionsPerClientIp);
  const sockets = serveSubscriptions({
    httpServer: deps.httpServer,
    live,
    sessions: deps.sessions,
    capacity,
    subscriptionsPerConnection: config.subscriptionsPerConnection,
    keepAliveMs: config.websocketKeepAliveSeconds * 1000,
    clientIpOf: deps.clientIpOf,
  });
  const streams = eventStream({
    live,
    sessions: deps.sessions,
    capacity,
    maxBufferBytes: config.liveStreamMaxBufferBytes,
  });
  return {
    name: 'live updates',
    // Before /graphql, which would take it as a sub-path.
    mount(app) {
      app.use('/graphql/stream', corsPolicy(config.corsOrigin), ...streams.routes);
    },
    consumers: [liveUpdatesConsumer(deps.bus)],
    stats() {
      const open = sockets.counts();
      return {
        connections: open.connections,
        subscriptions: open.subscriptions + streams.open(),
        streamsDropped: streams.dropped(),
        answers: live.answerCounts(),
      };
    },
    // Open sockets would hold the HTTP server open; clients reconnect to another instance.
    stop: async () => {
      await sockets.close();
      streams.close();
    },
  };
}
