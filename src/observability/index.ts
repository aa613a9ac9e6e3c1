import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import { Capability } from '../capability/capability';
import { Config } from '../config';
import { ReplicaStatus } from '../db/read-replicas';
import { Logger } from '../logger';
import { healthRoutes } from './health';
import { LiveStats, createMetrics, metricsEndpoint } from './metrics';
import { observeReplicas } from './replica-metrics';
import { requestFactsPlugin } from './request-facts.plugin';
import { requestId } from './request-id';
import { requestLog } from './request-log';
import type { Tracing } from './tracing/tracing-start';
import { UnexpectedErrorLog } from './unexpected-error-log';

export interface ObservabilityDeps {
  db: DataSource;
  logger: Logger;
  logUnexpected: UnexpectedErrorLog;
  /** METRICS_TOKEN: /metrics needs it as a bearer token when set. */
  config: Pick<Config, 'metricsToken'>;
  /** True from the first stop signal: /readyz fails so load balancers drain this instance. */
  isStopping(): boolean;
  /** Open live connections and subscriptions, and what live updates counted, for /metrics. */
  liveStats(): LiveStats;
  /** What the response cache holds in this process, for /metrics. */
  responseCacheSize(): { bytes: number; entries: number };
  /** OpenTelemetry, when main.ts started it (OTEL_EXPORTER_OTLP_ENDPOINT; ./tracing). */
  tracing?: Tracing;
  /** With read replicas: how each is, and whose reads went where, for /readyz and /metrics. */
  replicas?: { status(): ReplicaStatus[]; statements: ReadonlyMap<string, number> };
}

/**
 * What an operator sees: a request id on every request (X-Request-Id) and one JSON log line per
 * answer, filled from the request's facts (src/context/request-facts.ts) as Apollo runs it;
 * /healthz and /readyz; Prometheus metrics at /metrics, counted per GraphQL request; with
 * tracing on, the trace id in each log line and a span per GraphQL operation.
 */
export function observability(deps: ObservabilityDeps): Capability {
  const metrics = createMetrics((deps.db.driver as PostgresDriver).master as Pool);
  metrics.observeLive(deps.liveStats);
  metrics.observeResponseCache(deps.responseCacheSize);
  const { tracing, replicas } = deps;
  if (replicas) observeReplicas(metrics.registry, () => replicas.status(), replicas.statements);
  return {
    name: 'observability',
    mount(app) {
      app.use(requestId, ...(tracing ? [tracing.traceIds] : []), requestLog(deps.logger));
      app.use(healthRoutes(deps.db, deps.isStopping, replicas && (() => replicas.status())));
      app.get('/metrics', metricsEndpoint(metrics, deps.config.metricsToken));
    },
    graphql: { beforeBody: [metrics.record], afterBody: tracing ? [tracing.operationSpan] : [] },
    plugins: [requestFactsPlugin(deps.logUnexpected), ...(tracing ? [tracing.operationSpanPlugin] : [])],
  };
}
