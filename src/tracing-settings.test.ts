import { loadTracingSettings } from './tracing-settings';

const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };

describe('loadTracingSettings', () => {
  it('is off (undefined) without an endpoint, or with an empty one', () => {
    expect(loadTracingSettings({})).toBeUndefined();
    expect(loadTracingSettings({ OTEL_EXPORTER_OTLP_ENDPOINT: '', OTEL_SERVICE_NAME: 'news' })).toBeUndefined();
  });

  it('is on with an endpoint for every signal or for traces alone, with these defaults', () => {
    const defaults = { serviceName: 'broadsheet', scheduledDelayMs: 5000, maxQueueSize: 2048, sampleRatio: 1 };
    expect(loadTracingSettings(endpoint)).toEqual(defaults);
    expect(loadTracingSettings({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://c/v1/traces' })).toEqual(defaults);
  });

  it("reads OpenTelemetry's own variables", () => {
    expect(
      loadTracingSettings({
        ...endpoint,
        OTEL_SERVICE_NAME: 'news-api',
        OTEL_BSP_SCHEDULE_DELAY: '200',
        OTEL_BSP_MAX_QUEUE_SIZE: '100',
        OTEL_TRACES_SAMPLER: 'parentbased_traceidratio',
        OTEL_TRACES_SAMPLER_ARG: '0.25',
      }),
    ).toEqual({ serviceName: 'news-api', scheduledDelayMs: 200, maxQueueSize: 100, sampleRatio: 0.25 });
    expect(loadTracingSettings({ ...endpoint, OTEL_TRACES_SAMPLER: 'parentbased_traceidratio' })?.sampleRatio).toBe(1);
  });

  it.each([
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, /OTEL_EXPORTER_OTLP_ENDPOINT must be an http/],
    [{ OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://collector:4317' }, /OTEL_EXPORTER_OTLP_ENDPOINT must be an http/],
    [{ ...endpoint, OTEL_BSP_SCHEDULE_DELAY: 'soon' }, /OTEL_BSP_SCHEDULE_DELAY must be a non-negative integer/],
    [{ ...endpoint, OTEL_BSP_MAX_QUEUE_SIZE: '0' }, /OTEL_BSP_MAX_QUEUE_SIZE must be at least 1/],
    [{ ...endpoint, OTEL_TRACES_SAMPLER: 'always_off' }, /OTEL_TRACES_SAMPLER must be one of/],
    [{ ...endpoint, OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '2' }, /from 0 to 1/],
  ])('refuses %j at start', (env, message) => {
    expect(() => loadTracingSettings(env)).toThrow(message);
  });
});
