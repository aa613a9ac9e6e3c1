import { createRequire } from 'node:module';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestHandler } from 'express';
import type { RequestFacts } from '../../context/request-facts';
import type { Logger } from '../../logger';
import { loadTracingSettings, TracingSettings } from '../../tracing-settings';

/** What running OpenTelemetry adds to the server (the observability capability mounts it). */
export interface Tracing {
  /** On every request, after its id: the trace id into the request's facts, for its log line. */
  traceIds: RequestHandler;
  /** On /graphql once the body is read: the operation's span, active while Apollo runs it. */
  operationSpan: RequestHandler;
  /** Names that span by the operation's type and name once Apollo has read the document. */
  operationSpanPlugin: ApolloServerPlugin<{ facts: RequestFacts }>;
  /**
   * Where OpenTelemetry's own warnings go from now on (a batch the collector refused, spans
   * dropped from a full queue): it starts before the server's logger exists.
   */
  logTo(logger: Logger): void;
  /**
   * Sends the spans still waiting and stops; at shutdown, once the server has stopped. Never
   * rejects: spans a collector does not take are a warning, not a failed stop.
   */
  shutdown(): Promise<void>;
}

/**
 * OpenTelemetry, started as this module loads when OTEL_EXPORTER_OTLP_ENDPOINT is set. main.ts
 * imports it before anything else: the instrumentations patch http, pg and ioredis as they are
 * required (require hooks), and what was loaded before them would go untraced. Unset, not one
 * OpenTelemetry module is loaded (tracing-sdk.ts is required here, and only then), so tracing
 * costs nothing when off.
 */
export const tracing: Tracing | undefined = startTracing(process.env);

function startTracing(env: NodeJS.ProcessEnv): Tracing | undefined {
  let settings: TracingSettings | undefined;
  try {
    settings = loadTracingSettings(env);
  } catch {
    // An unusable setting: loadConfig refuses it with its message, and the server does not start.
    return undefined;
  }
  if (!settings) return undefined;
  const sdk = createRequire(__filename)('./tracing-sdk') as typeof import('./tracing-sdk');
  return sdk.startTracingSdk(settings);
}
