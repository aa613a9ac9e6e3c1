import autocannon from 'autocannon';

/** What one bounded load run measured at the client. */
export interface LoadResult {
  /** Requests sent, including those still unanswered when the run ended (the server does their work too). */
  sent: number;
  /** Responses received (any status). */
  responses: number;
  /** Responses that were not 200, and connection errors and timeouts. */
  failures: number;
  seconds: number;
  perSecond: number;
  /** Latency percentiles, ms, of the 200 responses. */
  p50: number;
  p99: number;
  /** Bytes per response as sent (headers and body; no compression asked for). */
  bytesPerResponse: number;
}

export interface LoadOptions {
  url: string;
  /** The POST body, e.g. bench/queries.ts feedRequestBody. */
  body: string;
  connections: number;
  seconds: number;
  /** Request headers besides Content-Type (a signed-in reader's Authorization). */
  headers?: Record<string, string>;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

/**
 * `connections` keep-alive connections, each sending the next request when the previous is
 * answered (closed loop, no pipelining), for `seconds`, to a loopback URL. Latencies are kept
 * exactly (autocannon's own histogram has whole milliseconds).
 */
export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const host = new URL(options.url).hostname;
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(host)) throw new Error(`load goes to loopback only, not ${host}`);
  const latencies: number[] = [];
  let responses = 0;
  let failures = 0;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', ...options.headers },
        body: options.body,
        connections: options.connections,
        pipelining: 1,
        duration: options.seconds,
        timeout: 10,
      },
      (error: unknown, finished) =>
        error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(finished),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      responses += 1;
      if (statusCode === 200) latencies.push(responseTime);
      else failures += 1;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    sent: result.requests.sent,
    responses,
    failures: failures + result.errors,
    seconds: result.duration,
    perSecond: responses / result.duration,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    bytesPerResponse: result.throughput.total / Math.max(1, responses),
  };
}
