import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { OtlpReceiver, ReceivedSpan, startOtlpReceiver } from '../helpers/otlp-receiver';
import { REDIS_ENV } from '../helpers/redis-probe';
import { Running, serverDataDir, startServer } from '../helpers/server-process';

const redisUrl = process.env[REDIS_ENV];
if (!redisUrl) console.log('tracing: no Redis (see global setup): the Redis spans are not checked');

/**
 * OpenTelemetry as an operator of several instances uses it, against the real built server
 * (`node dist/main.js`: the instrumentations hook `require`, which Jest's module registry
 * bypasses) and a local OTLP receiver. Batches wait 10 minutes (OTEL_BSP_SCHEDULE_DELAY), so
 * every span received was sent by the flush at SIGTERM.
 */
describe('tracing (OpenTelemetry)', () => {
  const dataDir = serverDataDir('broadsheet-tracing-');
  const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-tracing-probe-'));
  let receiver: OtlpReceiver;

  beforeAll(async () => {
    receiver = await startOtlpReceiver();
  });
  afterAll(async () => {
    await receiver.close();
    fs.rmSync(probeDir, { recursive: true, force: true });
  });

  it('with OTEL_EXPORTER_OTLP_ENDPOINT: the caller trace goes on through the HTTP, GraphQL, SQL and Redis spans', async () => {
    const run = await serve({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      OTEL_SERVICE_NAME: 'broadsheet-under-test',
      OTEL_BSP_SCHEDULE_DELAY: '600000',
      ...(redisUrl ? { REDIS_URL: redisUrl, REDIS_KEY_PREFIX: `tracing-${randomBytes(4).toString('hex')}:` } : {}),
    });
    const feed = caller();
    await post(run.server.url, { query: 'query TracedFeed { posts(first: 2) { totalCount nodes { id } } }' }, feed);
    const signIn = caller();
    await post(
      run.server.url,
      {
        query:
          'mutation TracedSignIn($email: String!, $password: String!) { login(email: $email, password: $password) { token } }',
        variables: { email: 'boss@example.com', password: 'not the password 42' },
      },
      signIn,
    );
    // A GET carries its variables in the query string.
    const get = `query Tagged($slug: String!) { post(slug: $slug) { id } }`;
    await fetch(`${run.server.url}?query=${encodeURIComponent(get)}&variables={"slug":"a-secret-slug"}`);
    await fetch(run.server.url.replace(/\/graphql$/, '/healthz'));
    const { loaded, lines } = await run.stop();

    expect(receiver.requests.length).toBeGreaterThan(0);
    for (const request of receiver.requests) {
      expect(request).toMatchObject({ path: '/v1/traces', contentType: 'application/json' });
    }
    const spans = receiver.spans();
    expect(new Set(spans.map((span) => span.service))).toEqual(new Set(['broadsheet-under-test']));

    // The feed: the caller's span is the parent of our HTTP span, which is the GraphQL operation's,
    // which is each statement's and each Redis call's.
    const inFeed = spans.filter((span) => span.traceId === feed.traceId);
    const httpSpan = only(inFeed.filter((span) => span.kind === SERVER));
    expect(httpSpan).toMatchObject({ parentSpanId: feed.spanId, name: 'POST' });
    expect(httpSpan.attributes).toMatchObject({ 'url.path': '/graphql', 'http.response.status_code': 200 });
    const operation = only(inFeed.filter((span) => span.parentSpanId === httpSpan.spanId));
    expect(operation).toMatchObject({ name: 'query TracedFeed', kind: INTERNAL });
    expect(operation.attributes).toEqual({ 'graphql.operation.type': 'query', 'graphql.operation.name': 'TracedFeed' });
    const statements = inFeed.filter((span) => span.name.startsWith('pg.query'));
    expect(statements.length).toBeGreaterThanOrEqual(2);
    expect(statements.map(statementOf)).toContainEqual(expect.stringMatching(/FROM posts/));
    if (redisUrl)
      expect(inFeed.filter((span) => span.attributes['db.system.name'] === 'redis').length).toBeGreaterThan(0);
    for (const span of inFeed.filter((span) => span.kind === CLIENT)) {
      expect(ancestorsOf(span, inFeed)).toContain(operation.spanId);
    }

    // Signing in: the statement's text, never its parameters (the email), nor the password anywhere.
    const inSignIn = spans.filter((span) => span.traceId === signIn.traceId);
    expect(inSignIn.find((span) => span.kind === INTERNAL)?.name).toBe('mutation TracedSignIn');
    expect(inSignIn.filter((span) => span.name.startsWith('pg.query')).map(statementOf)).toContainEqual(
      expect.stringMatching(/lower\(a\.email\) = lower\(\$1\)/),
    );
    if (redisUrl) expect(inSignIn.some((span) => span.attributes['db.system.name'] === 'redis')).toBe(true);
    const everything = receiver.requests.map((request) => request.body).join('\n');
    for (const secret of ['boss@example.com', 'not the password 42', 'a-secret-slug']) {
      expect(everything).not.toContain(secret);
    }
    // The GET was traced (a trace of its own), without its query string; the probe was not.
    const paths = spans.filter((span) => span.kind === SERVER).map((span) => span.attributes['url.path']);
    expect(paths.sort()).toEqual(['/graphql', '/graphql', '/graphql']);
    expect(spans.some((span) => 'url.query' in span.attributes)).toBe(false);

    // The request's log line names the trace, so a log search and a trace view meet.
    expect(lines.find((line) => line.operationName === 'TracedFeed')).toMatchObject({ traceId: feed.traceId });
    expect(lines.find((line) => line.operationName === 'TracedSignIn')).toMatchObject({ traceId: signIn.traceId });
    expect(loaded).toEqual(
      expect.arrayContaining(['@opentelemetry/sdk-trace', '@opentelemetry/instrumentation-pg', '@opentelemetry/api']),
    );
  }, 90_000);

  it('without it: no OpenTelemetry SDK module is loaded, nothing is sent, no trace id in the log', async () => {
    const before = receiver.requests.length;
    const run = await serve({});
    await post(run.server.url, { query: 'query UntracedFeed { posts(first: 2) { totalCount } }' }, caller());
    const { loaded, lines } = await run.stop();

    // Only the API, a no-op without an SDK: prom-client loads it for its exemplars, as it did
    // before tracing existed. No SDK, exporter or instrumentation: nothing patched, nothing to pay.
    expect(loaded.filter((name) => name !== '@opentelemetry/api')).toEqual([]);
    expect(receiver.requests.length).toBe(before);
    const line = lines.find((entry) => entry.operationName === 'UntracedFeed');
    expect(line).toBeDefined();
    expect(line).not.toHaveProperty('traceId');
  }, 90_000);

  it('a collector that refuses the spans: requests are answered, the log warns, the stop is clean', async () => {
    const refusing = await startOtlpReceiver(400);
    try {
      const run = await serve({ OTEL_EXPORTER_OTLP_ENDPOINT: refusing.url, OTEL_BSP_SCHEDULE_DELAY: '600000' });
      await post(run.server.url, { query: 'query RefusedSpans { posts(first: 2) { totalCount } }' }, caller());
      const { lines } = await run.stop();

      expect(refusing.requests.length).toBeGreaterThan(0);
      expect(lines.find((line) => line.level === 40 && String(line.msg).startsWith('OpenTelemetry:'))).toBeDefined();
      expect(lines.at(-1)?.msg).toBe('stopped');
      expect(await run.server.exited).toBe(0);
    } finally {
      await refusing.close();
    }
  }, 90_000);

  /**
   * The server with `overrides`, and a probe preloaded (NODE_OPTIONS --require) that writes, as
   * the process exits, which @opentelemetry packages it had loaded files of.
   */
  async function serve(overrides: NodeJS.ProcessEnv) {
    const loadedFile = path.join(probeDir, `loaded-${randomBytes(4).toString('hex')}.json`);
    const probe = path.join(probeDir, 'probe.js');
    fs.writeFileSync(
      probe,
      `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loadedFile)}, ` +
        `JSON.stringify(Object.keys(require.cache).filter((file) => file.includes('@opentelemetry')))));`,
    );
    const server: Running = await startServer(dataDir, {
      SEED_DEMO: 'false',
      NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${probe}`.trim(),
      ...overrides,
    });
    return {
      server,
      /** SIGTERM; once it has exited: what the probe saw, and the log's JSON lines. */
      stop: async () => {
        const closed = new Promise((resolve) => server.child.once('close', resolve));
        server.child.kill('SIGTERM');
        await closed;
        const files = JSON.parse(fs.readFileSync(loadedFile, 'utf8')) as string[];
        const loaded = [...new Set(files.map((file) => /node_modules\/(@opentelemetry\/[^/]+)\//.exec(file)?.[1]))];
        const lines = server
          .stdout()
          .split('\n')
          .filter((line) => line.startsWith('{'))
          .map((line) => JSON.parse(line) as Record<string, unknown>);
        return { loaded, lines };
      },
    };
  }
});

const INTERNAL = 1;
const SERVER = 2;
const CLIENT = 3;

/** A caller's span, as another traced service would send it: ids and its `traceparent` header. */
function caller() {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}

async function post(url: string, body: object, from: { traceparent: string }): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', traceparent: from.traceparent },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
  await response.text();
}

function only(spans: ReceivedSpan[]): ReceivedSpan {
  expect(spans).toHaveLength(1);
  return spans[0];
}

/** The ids of a span's parent, its parent's parent, ... as far as `trace` has them. */
function ancestorsOf(span: ReceivedSpan, trace: ReceivedSpan[]): string[] {
  const parent = trace.find((candidate) => candidate.spanId === span.parentSpanId);
  return span.parentSpanId ? [span.parentSpanId, ...(parent ? ancestorsOf(parent, trace) : [])] : [];
}

/** The SQL of a pg span, under the stable name or the older one. */
function statementOf(span: ReceivedSpan): string {
  return String(span.attributes['db.query.text'] ?? span.attributes['db.statement']);
}
