import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import os from 'node:os';
import { context, diag, DiagLogLevel, propagation, trace } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { setGlobalErrorHandler, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { IORedisInstrumentation } from '@opentelemetry/instrumentation-ioredis';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { defaultResource, resourceFromAttributes } from '@opentelemetry/resources';
import {
  AlwaysOnSampler,
  BatchSpanProcessor,
  ParentBasedSampler,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';
import type { Logger } from '../../logger';
import { TracingSettings } from '../../tracing-settings';
import { operationSpans, traceIds } from './operation-span';
import type { Tracing } from './tracing-start';

/** Probes come every few seconds and say nothing new: no trace each (nor a log line). */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/** Longer attribute values are cut: a client's path or user agent must not make a span of any size. */
const ATTRIBUTE_VALUE_LENGTH_LIMIT = 8192;

/**
 * OpenTelemetry JS 3 without its all-in-one NodeSDK (which brings gRPC, protobuf, metrics and
 * logs): one tracer provider, spans batched to OTLP over HTTP (JSON), the context kept across
 * awaits by AsyncLocalStorage, W3C `traceparent` read from requests (a caller's trace goes on
 * here) and written on outgoing ones; http, pg and ioredis instrumented. Only tracing-start.ts
 * requires this module, and only when tracing is on.
 *
 * @public (knip: required through createRequire, which it does not follow)
 */
export function startTracingSdk(settings: TracingSettings): Tracing {
  const exporter = new OTLPTraceExporter();
  const provider = new TracerProvider({
    resource: defaultResource().merge(
      resourceFromAttributes({
        'service.name': settings.serviceName,
        // Several instances send spans: these tell them apart.
        'service.instance.id': randomUUID(),
        'host.name': os.hostname(),
      }),
    ),
    sampler: new ParentBasedSampler({
      root: settings.sampleRatio < 1 ? new TraceIdRatioBasedSampler(settings.sampleRatio) : new AlwaysOnSampler(),
    }),
    spanLimits: { attributeValueLengthLimit: ATTRIBUTE_VALUE_LENGTH_LIMIT },
    spanProcessors: [
      new BatchSpanProcessor({
        exporter,
        scheduledDelayMillis: settings.scheduledDelayMs,
        maxQueueSize: settings.maxQueueSize,
        maxExportBatchSize: Math.min(512, settings.maxQueueSize),
      }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request: IncomingMessage) => UNTRACED_PATHS.has((request.url ?? '').split('?')[0]),
        // A GET's query string carries a GraphQL document's variables: kept out, as from the log.
        startIncomingSpanHook: () => ({ 'url.query': undefined }),
        // Webhook deliveries and purges sent by jobs are not part of a request: no trace each.
        requireParentforOutgoingSpans: true,
      }),
      // The statement's text only: its parameters stay out (enhancedDatabaseReporting, off by default).
      // Statements of background jobs, outside any request, start no trace.
      new PgInstrumentation({ enhancedDatabaseReporting: false, requireParentSpan: true }),
      // The command's name only: keys name posts, tokens' limits and client addresses.
      new IORedisInstrumentation({ requireParentSpan: true, dbStatementSerializer: (command) => command }),
    ],
  });
  const tracer = trace.getTracer('broadsheet');
  return {
    traceIds,
    ...operationSpans(tracer),
    logTo,
    shutdown: () => provider.shutdown().catch((error: unknown) => diag.error('spans not sent at shutdown', error)),
  };
}

/**
 * OpenTelemetry's diagnostics at warn and error (spans dropped from a full queue, ...) as our
 * warnings, and its errors too: with one batch processor and no asynchronous resource, those are
 * batches the collector did not take (its default handler would print the stack). A collector
 * away fails no request.
 */
function logTo(logger: Logger): void {
  const warn = (message: string, ...details: unknown[]) =>
    logger.warn(`OpenTelemetry: ${message}`, details.length ? { details: details.map(String) } : undefined);
  const quiet = () => undefined;
  diag.setLogger({ error: warn, warn, info: quiet, debug: quiet, verbose: quiet }, DiagLogLevel.WARN);
  setGlobalErrorHandler((error) =>
    logger.warn('OpenTelemetry: spans not sent', { cause: typeof error === 'string' ? error : error.message }),
  );
}
