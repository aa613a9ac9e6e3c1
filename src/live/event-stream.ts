import express, { Request, Response } from 'express';
import { createHandler } from 'graphql-sse';
import { bearerToken } from '../auth/bearer-token';
import { Session, SessionAuthenticator } from '../auth/session-authenticator';
import { Context } from '../context/context';
import { ApiError, BadUserInputError, errorResponseBody, httpStatusOf } from '../errors/api-errors';
import { writeEventStream } from './event-stream-writer';
import { CountPerClient, LiveCapacity } from './live-capacity';
import { LiveOperations, asGraphQLError } from './live-operations';

export interface EventStreamDeps {
  live: LiveOperations;
  sessions: SessionAuthenticator;
  capacity: LiveCapacity;
  /** Bytes a stream may have waiting for its client (LIVE_STREAM_MAX_BUFFER_BYTES). */
  maxBufferBytes: number;
}

export interface EventStream {
  /** Express handlers for /graphql/stream. */
  routes: express.RequestHandler[];
  /** Streams open now, for /metrics. */
  open(): number;
  /** Streams ended so far because their client fell behind, for /metrics. */
  dropped(): number;
  /** Ends every open stream (clients reconnect elsewhere). */
  close(): void;
}

/** What the stream's request learnt before the stream opened. */
interface StreamLocals {
  liveSession?: Session | null;
  facts?: { requestId: string };
  /** Stops counting the stream as open (once; again on 'close' is harmless). */
  releaseStream?: () => void;
}

/**
 * Live subscriptions as Server-Sent Events (graphql-sse, "distinct connections" mode), for
 * clients that cannot open a WebSocket: POST (or GET) /graphql/stream with
 * `Accept: text/event-stream`; the answer stays open and carries one `next` event per delivery.
 * Sign-in is the usual `Authorization: Bearer` header (a bad token is a 401, as on HTTP). The
 * rules of the WebSocket apply: HTTP's limits, subscriptions only, the cap per client address.
 * A stream whose client falls more than `maxBufferBytes` behind is ended (event-stream-writer.ts).
 */
export function eventStream(deps: EventStreamDeps): EventStream {
  const streamsPerClient = new CountPerClient();
  const streams = new Set<Response>();
  let dropped = 0;
  deps.capacity.count((clientIp) => streamsPerClient.of(clientIp));

  // graphql-sse would read any body whose type mentions JSON itself, with no size limit: every
  // POST body is read here, as JSON, within the limit of /graphql.
  const body = express.json({ limit: '1mb', type: () => true });
  const requireBody: express.RequestHandler = (req, res, next) => {
    if (req.method !== 'POST' || (req.body && typeof req.body === 'object')) return next();
    const error = new BadUserInputError('Send the subscription as a JSON body: { "query": "subscription { ... }" }.');
    res.status(400).json(errorResponseBody(error));
  };
  const authenticate: express.RequestHandler = async (req: Request, res: Response, next) => {
    const token = bearerToken(req.headers);
    const locals = res.locals as StreamLocals;
    try {
      locals.liveSession =
        token === null ? null : await deps.sessions.authenticate(token, locals.facts?.requestId ?? 'stream');
      next();
    } catch (error) {
      if (!(error instanceof ApiError)) return next(error);
      res.status(httpStatusOf(error)).json(errorResponseBody(error));
    }
  };

  const refuse = (error: unknown, requestId: string) => {
    const formatted = deps.live.toClient(asGraphQLError(error), requestId, 'event-stream');
    const status = error instanceof ApiError ? httpStatusOf(error) : 400;
    return [
      JSON.stringify({ errors: [formatted] }),
      {
        status: status < 400 ? 400 : status,
        statusText: 'Refused',
        headers: { 'content-type': 'application/json; charset=utf-8' },
      },
    ] as const;
  };

  const handler = createHandler<Request, { res: Response }, Record<PropertyKey, unknown>>({
    // Distinct connections only: one request per subscription, nothing kept between requests.
    authenticate: () => null,
    subscribe: deps.live.subscribe,
    onSubscribe: (req, params) => {
      const res = req.context.res;
      const locals = res.locals as StreamLocals;
      const requestId = locals.facts?.requestId ?? 'stream';
      const clientIp = req.raw.ip ?? req.raw.socket.remoteAddress ?? 'unknown';
      // Counted before the check, as the WebSocket's are: the cap covers this one too.
      streamsPerClient.add(clientIp);
      let counted = true;
      const release = () => {
        if (!counted) return;
        counted = false;
        streamsPerClient.remove(clientIp);
        streams.delete(res);
      };
      locals.releaseStream = release;
      try {
        deps.capacity.assertWithinCap(clientIp);
        const admitted = deps.live.admit(params.query, params.operationName, params.variables);
        if ('errors' in admitted) {
          release();
          return refuse(admitted.errors[0], requestId);
        }
        // A client gone while its token was checked never sends 'close' again.
        if (req.raw.socket.destroyed) release();
        else {
          streams.add(res);
          res.once('close', release);
        }
        // A sign-in that ends ends its stream (graphql-sse completes it).
        const contextValue = deps.live.contextOf(locals.liveSession ?? null, clientIp, admitted, () => undefined);
        return {
          schema: deps.live.schema,
          document: admitted.document,
          operationName: params.operationName,
          variableValues: admitted.variables,
          contextValue: contextValue as unknown as Record<PropertyKey, unknown>,
        };
      } catch (error) {
        release();
        return refuse(error, requestId);
      }
    },
    onNext: (ctx, _req, result) => {
      if (!result.errors) return undefined;
      const { requestId } = (ctx as unknown as Context).facts;
      return {
        ...result,
        errors: result.errors.map((error) => deps.live.toClient(error, requestId, 'event-stream')),
      } as never;
    },
  });

  return {
    routes: [
      body,
      requireBody,
      authenticate,
      (req, res, next) => {
        const request = {
          method: req.method,
          url: req.url,
          headers: { get: (key: string) => [req.headers[key] ?? []].flat().join('\n') || undefined },
          // Read above, as JSON, within the limit (graphql-sse reads the query of a GET from its URL).
          body: (req.body ?? null) as Record<PropertyKey, unknown> | null,
          raw: req,
          context: { res },
        };
        const onDropped = () => {
          dropped += 1;
          (res.locals as StreamLocals).releaseStream?.();
        };
        handler(request)
          .then((answer) => writeEventStream(res, answer, { maxBufferBytes: deps.maxBufferBytes, onDropped }))
          .catch(next);
      },
    ],
    open: () => streamsPerClient.total,
    dropped: () => dropped,
    close: () => {
      for (const res of streams) res.destroy();
    },
  };
}
