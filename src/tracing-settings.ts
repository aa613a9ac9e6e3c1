import { atLeastOne, int } from './setting-values';

/**
 * OpenTelemetry tracing (README "Running in production", "Tracing"), parsed from OpenTelemetry's
 * own variable names; config.ts holds them under `tracing`. OpenTelemetry JS 3 no longer reads
 * the batch and sampler variables itself, so they are read here; the exporter still reads its
 * OTEL_EXPORTER_OTLP_* (endpoint, headers, timeout, compression).
 */
export interface TracingSettings {
  /** OTEL_SERVICE_NAME: `service.name` of every span. */
  serviceName: string;
  /** OTEL_BSP_SCHEDULE_DELAY: how long finished spans wait to be sent in one batch, in ms. */
  scheduledDelayMs: number;
  /** OTEL_BSP_MAX_QUEUE_SIZE: finished spans kept while they wait; past it new ones are dropped. */
  maxQueueSize: number;
  /** OTEL_TRACES_SAMPLER(_ARG): the share of traces started here that are recorded (1: all). */
  sampleRatio: number;
}

const SAMPLERS = ['parentbased_always_on', 'parentbased_traceidratio'];

/** Unset or empty OTEL_EXPORTER_OTLP_ENDPOINT (and _TRACES_ENDPOINT): undefined, tracing is off. */
export function loadTracingSettings(env: NodeJS.ProcessEnv): TracingSettings | undefined {
  const endpoint = env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT || env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return undefined;
  // The exporter would fall back to localhost:4318 without a word: refuse at start instead.
  if (!/^https?:\/\/[^/]/.test(endpoint) || !URL.canParse(endpoint)) {
    throw new Error(`OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL, got "${endpoint}"`);
  }
  const sampler = env.OTEL_TRACES_SAMPLER || 'parentbased_always_on';
  if (!SAMPLERS.includes(sampler)) {
    throw new Error(`OTEL_TRACES_SAMPLER must be one of ${SAMPLERS.join(', ')}, got "${sampler}"`);
  }
  return {
    serviceName: env.OTEL_SERVICE_NAME || 'broadsheet',
    scheduledDelayMs: int('OTEL_BSP_SCHEDULE_DELAY', env.OTEL_BSP_SCHEDULE_DELAY, 5000),
    maxQueueSize: atLeastOne('OTEL_BSP_MAX_QUEUE_SIZE', env.OTEL_BSP_MAX_QUEUE_SIZE, 2048),
    sampleRatio: sampler === 'parentbased_traceidratio' ? ratio(env.OTEL_TRACES_SAMPLER_ARG) : 1,
  };
}

function ratio(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw new Error(`OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1, got "${value}"`);
  return n;
}
