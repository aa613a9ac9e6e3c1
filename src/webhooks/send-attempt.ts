import type { LookupAddress, LookupOptions } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { Destination, UnreachableDestination, checkedDestination } from '../policy/webhook-destination.policy';
import { AttemptResult } from './attempt-record';

/** One POST: where, with which headers, and the body (already signed). */
export interface OutgoingMessage {
  url: string;
  headers: Record<string, string>;
  body: string;
}

export interface AttemptOptions {
  timeoutMs: number;
  allowPrivateNetworks: boolean;
  /** Aborts the attempt (the server is stopping). */
  signal: AbortSignal;
}

/** What is read of an answer at most, for the error of a failed attempt; the rest is never read. */
const MAX_ANSWER_BYTES = 4096;
/** What of that goes into lastError. */
const MAX_ANSWER_SNIPPET = 200;

/** A `lookup` that answers the address already checked, whatever the name: no second DNS answer is ever used. */
function pinnedLookup(destination: Destination) {
  return (
    _hostname: string,
    options: LookupOptions,
    callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    if (options.all) callback(null, [{ address: destination.address, family: destination.family }]);
    else callback(null, destination.address, destination.family);
  };
}

/** Resolves with `work`, or rejects when `signal` aborts first (DNS has no timeout of its own). */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const abort = () => reject(signal.reason);
    if (signal.aborted) return abort();
    signal.addEventListener('abort', abort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', abort));
  });
}

function whyAborted(reason: unknown, timeoutMs: number): string {
  return reason instanceof DOMException && reason.name === 'TimeoutError'
    ? `no answer within ${timeoutMs} ms`
    : 'interrupted: this server stopped before the endpoint answered';
}

/** The first characters of an answer, on one line. */
function snippet(answer: Buffer): string {
  const text = answer.toString('utf8').replace(/\s+/g, ' ').trim();
  return text.length > MAX_ANSWER_SNIPPET ? `${text.slice(0, MAX_ANSWER_SNIPPET)}...` : text;
}

/**
 * POSTs one message, as an attempt of a delivery: the host is resolved and checked here, at
 * every attempt (webhook-destination.policy.ts), and the connection goes to exactly that
 * address (the URL's host still names the request and, for https, the certificate). A new
 * connection each time, no redirects followed, at most 4 KB of an answer read, everything within
 * WEBHOOK_TIMEOUT_MS from the lookup on. A 2xx is a success as soon as its status arrives.
 */
export async function sendAttempt(message: OutgoingMessage, options: AttemptOptions): Promise<AttemptResult> {
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]);
  const url = new URL(message.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return { statusCode: null, error: `refused: ${url.protocol} is not http or https` };
  }
  let destination: Destination;
  try {
    destination = await untilAborted(checkedDestination(url, options.allowPrivateNetworks), signal);
  } catch (error) {
    if (error instanceof UnreachableDestination) return { statusCode: null, error: error.message };
    return { statusCode: null, error: whyAborted(signal.reason, options.timeoutMs) };
  }
  return new Promise<AttemptResult>((resolve) => {
    const transport = url.protocol === 'https:' ? https : http;
    const request = transport.request(
      url,
      {
        method: 'POST',
        headers: { ...message.headers, 'content-length': String(Buffer.byteLength(message.body)) },
        agent: false,
        lookup: pinnedLookup(destination),
        signal,
      },
      (response) => {
        const statusCode = response.statusCode ?? 0;
        if (statusCode >= 200 && statusCode < 300) {
          response.destroy();
          return resolve({ statusCode, error: null });
        }
        const chunks: Buffer[] = [];
        let size = 0;
        const done = () => {
          response.destroy();
          const answer = snippet(Buffer.concat(chunks).subarray(0, MAX_ANSWER_BYTES));
          const redirect =
            statusCode >= 300 && statusCode < 400
              ? ` (redirects are not followed; location: ${response.headers.location ?? 'none'})`
              : '';
          resolve({ statusCode, error: `HTTP ${statusCode}${redirect}${answer ? `: ${answer}` : ''}` });
        };
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          size += chunk.length;
          if (size >= MAX_ANSWER_BYTES) done();
        });
        response.on('end', done);
        // The deadline or a stop cut the answer short: what came is enough.
        response.on('error', done);
      },
    );
    request.on('error', (error) => {
      const aborted = signal.aborted;
      resolve({ statusCode: null, error: aborted ? whyAborted(signal.reason, options.timeoutMs) : error.message });
    });
    request.end(message.body);
  });
}
