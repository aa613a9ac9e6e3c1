import { timingSafeEqual } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Pool } from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { factsOf } from '../context/request-facts';

/** Operation names are the client's to choose: past this many, the rest count as `other`. */
const MAX_OPERATION_LABELS = 200;
/** Names longer or odder than a person writes are not labels (a 500 KB name would be one). */
const LABEL_SAFE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/** What live updates report at each scrape: what is open now, and counts since the start. */
export interface LiveStats {
  connections: number;
  subscriptions: number;
  /** Event streams ended because their client fell behind (LIVE_STREAM_MAX_BUFFER_BYTES). */
  streamsDropped: number;
  /** Answers to events computed by running a selection, and answers shared from an identical subscription. */
  answers: { computed: number; shared: number };
}

export interface Metrics {
  registry: Registry;
  /** Express middleware for /graphql: counts and times each request when its answer is sent. */
  record(req: Request, res: Response, next: NextFunction): void;
  /** Reports the live subscriptions (and their sockets) that `read` counts, at each scrape. */
  observeLive(read: () => LiveStats): void;
  /** Reports what the response cache holds in this process, at each scrape. */
  observeResponseCache(read: () => { bytes: number; entries: number }): void;
}

/**
 * Prometheus metrics (prom-client): requests and latency by operation name, answers by error
 * code, the database pool's connections, and Node's own (event-loop lag, heap, CPU).
 */
export function createMetrics(pool: Pool): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'broadsheet_graphql_requests_total',
    help: 'GraphQL requests, by operation name and HTTP status.',
    labelNames: ['operation', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'broadsheet_graphql_request_duration_seconds',
    help: 'Time from request to the end of the answer, by operation name.',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });
  const errors = new Counter({
    name: 'broadsheet_graphql_errors_total',
    help: 'Errors in GraphQL answers, by extensions.code.',
    labelNames: ['code'],
    registers: [registry],
  });
  new Gauge({
    name: 'broadsheet_db_pool_connections',
    help: 'Connections of the database pool: in use, idle, and requests waiting for one.',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      this.set({ state: 'in_use' }, pool.totalCount - pool.idleCount);
      this.set({ state: 'idle' }, pool.idleCount);
      this.set({ state: 'waiting' }, pool.waitingCount);
    },
  });

  const knownOperations = new Set<string>();
  const operationLabel = (name: string | undefined) => {
    if (!name) return 'anonymous';
    if (!LABEL_SAFE_NAME.test(name)) return 'other';
    if (knownOperations.has(name)) return name;
    if (knownOperations.size >= MAX_OPERATION_LABELS) return 'other';
    knownOperations.add(name);
    return name;
  };

  return {
    registry,
    observeLive(read) {
      new Gauge({
        name: 'broadsheet_live_connections',
        help: 'Open WebSocket connections (graphql-ws) that have signed in or started anonymously.',
        registers: [registry],
        collect() {
          this.set(read().connections);
        },
      });
      new Gauge({
        name: 'broadsheet_live_subscriptions',
        help: 'Live subscriptions open on this instance.',
        registers: [registry],
        collect() {
          this.set(read().subscriptions);
        },
      });
      new Counter({
        name: 'broadsheet_live_streams_dropped_total',
        help: 'Event streams (Server-Sent Events) ended because their client fell too far behind.',
        registers: [registry],
        collect() {
          this.reset();
          this.inc(read().streamsDropped);
        },
      });
      new Counter({
        name: 'broadsheet_live_answers_total',
        help: "Answers to live events: computed (a subscription's selection run), or shared (an identical anonymous subscription's).",
        labelNames: ['source'],
        registers: [registry],
        collect() {
          const { computed, shared } = read().answers;
          this.reset();
          this.inc({ source: 'computed' }, computed);
          this.inc({ source: 'shared' }, shared);
        },
      });
    },
    observeResponseCache(read) {
      new Gauge({
        name: 'broadsheet_response_cache_bytes',
        help: 'Bytes of answers the response cache holds in this process (bounded by RESPONSE_CACHE_MAX_BYTES; 0 with Redis, which holds them).',
        registers: [registry],
        collect() {
          this.set(read().bytes);
        },
      });
      new Gauge({
        name: 'broadsheet_response_cache_entries',
        help: 'Answers the response cache holds in this process (0 with Redis, which holds them).',
        registers: [registry],
        collect() {
          this.set(read().entries);
        },
      });
    },
    record(_req, res, next) {
      const stopTimer = process.hrtime.bigint();
      res.once('finish', () => {
        const facts = factsOf(res);
        const operation = operationLabel(facts.operationName);
        requests.inc({ operation, status: String(res.statusCode) });
        duration.observe({ operation }, Number(process.hrtime.bigint() - stopTimer) / 1e9);
        for (const code of facts.errorCodes) errors.inc({ code });
      });
      next();
    },
  };
}

/**
 * GET /metrics in Prometheus's text format. With a token (METRICS_TOKEN) it needs
 * `Authorization: Bearer <token>`, else 401; without one it is open (bind it to a private
 * network, or set the token).
 */
export function metricsEndpoint(metrics: Metrics, token: string | undefined) {
  const expected = token ? Buffer.from(`Bearer ${token}`) : undefined;
  return async (req: Request, res: Response): Promise<void> => {
    if (expected) {
      const given = Buffer.from(req.headers.authorization ?? '');
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        res.status(401).set('www-authenticate', 'Bearer').json({ error: 'METRICS_TOKEN required' });
        return;
      }
    }
    res.set('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
  };
}
