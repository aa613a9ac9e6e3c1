import express, { Request, Response } from 'express';
import { createHandler } from 'graphql-sse/lib/use/express';
import { bearerToken } from '../auth/bearer-token';
import { Session, SessionAuthenticator } from '../auth/session-authenticator';
import { Context } from '../context';
import { ApiError, TooManySubscriptionsError, errorResponseBody, httpStatusOf } from '../errors/api-errors';
import { LiveOperations, asGraphQLError } from './live-operations';

export interface EventStreamDeps {
  live: LiveOperations;
  sessions: SessionAuthenticator;
  subscriptionsPerClientIp: number;
}

export interface EventStream {
  /** Express handlers for /graphql/stream. */
  routes: express.RequestHandler[];
  /** Streams open now, for /metrics. */
  open(): number;
}

/** The session of a stream's request, found before the stream opens (a bad token is a 401, as on HTTP). */
interface StreamLocals {
  liveSession?: Session | null;
}

/**
 * Live subscriptions as Server-Sent Events (graphql-sse, "distinct connections" mode), for
 * clients that cannot open a WebSocket: POST (or GET) /graphql/stream with
 * `Accept: text/event-stream`; the answer stays open and carries one `next` event per delivery.
 * Sign-in is the usual `Authorization: Bearer` header. The rules of the WebSocket apply: HTTP's
 * limits, subscriptions only, a cap per client address.
 */
export function eventStream(deps: EventStreamDeps): EventStream {
  const openByIp = new Map<string, number>();
  let open = 0;

  const authenticate: express.RequestHandler = async (req: Request, res: Response, next) => {
    const token = bearerToken(req.headers);
    try {
      (res.locals as StreamLocals).liveSession =
        token === null ? null : await deps.sessions.authenticate(token, res.locals.facts?.requestId ?? 'stream');
      next();
    } catch (error) {
      if (!(error instanceof ApiError)) return next(error);
      res.status(httpStatusOf(error)).json(errorResponseBody(error));
    }
  };

  const refuse = (error: unknown) => {
    const graphQLError = asGraphQLError(error);
    const formatted = deps.live.toClient(graphQLError, 'stream', 'event-stream');
    const status = error instanceof ApiError ? Math.max(400, httpStatusOf(error)) : 400;
    return [
      JSON.stringify({ errors: [formatted] }),
      { status: status === 200 ? 400 : status, statusText: 'Refused', headers: { 'content-type': 'application/json' } },
    ] as const;
  };

  const handler = createHandler<Record<PropertyKey, unknown>>({
    // Distinct connections only: one request per subscription, nothing kept between requests.
    authenticate: () => null,
    onSubscribe: (req, params) => {
      const res = req.context.res;
      const clientIp = req.raw.ip ?? req.raw.socket.remoteAddress ?? 'unknown';
      try {
        if ((openByIp.get(clientIp) ?? 0) >= deps.subscriptionsPerClientIp)
          throw new TooManySubscriptionsError(deps.subscriptionsPerClientIp, 'client address');
        const admitted = deps.live.admit(params.query, params.operationName, params.variables);
        if ('errors' in admitted) return refuse(admitted.errors[0]);
        openByIp.set(clientIp, (openByIp.get(clientIp) ?? 0) + 1);
        open += 1;
        res.once('close', () => {
          open -= 1;
          const left = (openByIp.get(clientIp) ?? 1) - 1;
          if (left > 0) openByIp.set(clientIp, left);
          else openByIp.delete(clientIp);
        });
        // When a sign-in ends, its stream ends (graphql-sse completes it).
        const contextValue = deps.live.contextOf((res.locals as StreamLocals).liveSession ?? null, clientIp, () => {});
        return {
          schema: deps.live.schema,
          document: admitted.document,
          operationName: params.operationName,
          variableValues: admitted.variables,
          contextValue: contextValue as unknown as Record<PropertyKey, unknown>,
        };
      } catch (error) {
        return refuse(error);
      }
    },
    onNext: (ctx, _req, result) => {
      if (!result.errors) return undefined;
      return {
        ...result,
        errors: result.errors.map((error) =>
          deps.live.toClient(error, (ctx as unknown as Context).facts.requestId, 'event-stream'),
        ),
      } as never;
    },
  });

  return {
    routes: [
      express.json({ limit: '1mb' }),
      authenticate,
      (req, res, next) => {
        handler(req, res).catch(next);
      },
    ],
    open: () => open,
  };
}
