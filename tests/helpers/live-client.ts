import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { ExecutionResult, print } from 'graphql';
import { Client, createClient } from 'graphql-ws';
import WebSocket from 'ws';

/** One subscription as a client app holds it: what arrived, in order, and waits for more. */
interface LiveSubscription<TData> {
  /** The next answer not taken yet; rejects when none arrives within `timeoutMs`. */
  next(timeoutMs?: number): Promise<ExecutionResult<TData>>;
  /** Every answer so far, taken or not. */
  readonly received: Array<ExecutionResult<TData>>;
  /** The error the server ended the subscription with (graphql-ws `error` message), if any. */
  failure(timeoutMs?: number): Promise<unknown>;
  stop(): void;
}

export interface LiveClient {
  /** `document` as a typed operation, or as text (for documents a client gets wrong). */
  subscribe<TData, TVars extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVars> | string,
    variables: TVars,
  ): LiveSubscription<TData>;
  /** How the server closed the socket (code and reason), once it has. */
  closed(timeoutMs?: number): Promise<{ code: number; reason: string }>;
  dispose(): Promise<void>;
}

function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} within ${timeoutMs} ms`)), timeoutMs);
    }),
  ]);
}

/** A graphql-ws client (the package client apps use) on `httpUrl`'s /graphql, signed in with `token`. */
export function liveClient(httpUrl: string, token?: string, headers: Record<string, string> = {}): LiveClient {
  let closeEvent: (value: { code: number; reason: string }) => void;
  const closedOnce = new Promise<{ code: number; reason: string }>((resolve) => (closeEvent = resolve));
  class WebSocketWithHeaders extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  }
  const client: Client = createClient({
    url: httpUrl.replace(/^http/, 'ws'),
    webSocketImpl: WebSocketWithHeaders,
    connectionParams: token ? { authorization: `Bearer ${token}` } : undefined,
    retryAttempts: 0,
    lazy: false,
    // The tests read how the socket closed through `closed()`; graphql-ws would also print it.
    onNonLazyError: () => undefined,
    on: {
      closed: (event) => {
        const { code, reason } = event as { code: number; reason: string };
        closeEvent({ code, reason: String(reason) });
      },
    },
  });
  return {
    subscribe(document, variables) {
      const received: Array<ExecutionResult<never>> = [];
      let taken = 0;
      let wake: (() => void) | null = null;
      let failed: (error: unknown) => void;
      const failure = new Promise<unknown>((resolve) => (failed = resolve));
      const stop = client.subscribe(
        { query: typeof document === 'string' ? document : print(document), variables },
        {
          next: (result) => {
            received.push(result as ExecutionResult<never>);
            wake?.();
          },
          error: (error) => failed(error),
          complete: () => undefined,
        },
      );
      return {
        received,
        async next(timeoutMs = 10_000) {
          const arrived = async () => {
            while (received.length <= taken) await new Promise<void>((resolve) => (wake = resolve));
            return received[taken++];
          };
          return within(arrived(), timeoutMs, 'no answer arrived');
        },
        failure: (timeoutMs = 10_000) => within(failure, timeoutMs, 'the subscription did not fail'),
        stop,
      };
    },
    closed: (timeoutMs = 10_000) => within(closedOnce, timeoutMs, 'the socket was not closed'),
    dispose: () => client.dispose() as Promise<void>,
  };
}

/** Waits until the server at `httpUrl` has `count` live subscriptions listening (its /metrics says so). */
export async function untilListening(httpUrl: string, count: number, timeoutMs = 10_000): Promise<void> {
  const metricsUrl = httpUrl.replace(/\/graphql$/, '/metrics');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const text = await (await fetch(metricsUrl)).text();
    const open = Number(/^broadsheet_live_subscriptions (\d+)/m.exec(text)?.[1] ?? -1);
    if (open === count) return;
    if (Date.now() > deadline) throw new Error(`${open} live subscriptions at ${metricsUrl}, expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
