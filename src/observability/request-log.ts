import type { NextFunction, Request, Response } from 'express';
import { factsOf } from '../context/request-facts';
import { Logger } from '../logger';

/** Probes come every few seconds and say nothing new: not one line each. */
const UNLOGGED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One JSON line per request when its answer is sent (or its connection closes first): method,
 * path, status, duration, and the request's facts: id, trace id (when
 * tracing), operation name, cost estimate, SQL
 * statements of its reads, what executed it (`compiled` or `resolvers`), error codes. Nothing of
 * the body or the headers: no tokens in logs. A status of 500 or more, or an error on the
 * response, is logged at `error` as "request failed" with that error.
 *
 * The line is pino-http's, as the server wrote it before, key for key and in the same order; it
 * is written here with one pino call instead of two child loggers and their serializers per
 * request (pino-http's request logging was about 7% of a feed's CPU).
 */
export function requestLog(logger: Logger) {
  const pino = logger.pino;
  return (req: Request, res: Response, next: NextFunction): void => {
    // Read now: routers mounted on a path shorten `req.url` while they run.
    const url = req.url.split('?')[0];
    if (UNLOGGED_PATHS.has(url)) return next();
    const started = Date.now();
    const request = { method: req.method, url };
    const onDone = (error?: Error) => {
      res.removeListener('close', onDone);
      res.removeListener('finish', onDone);
      res.removeListener('error', onDone);
      const { requestId } = factsOf(res);
      const status = { status: res.statusCode };
      const responseTime = Date.now() - started;
      if (error || res.statusCode >= 500) {
        const err = error ?? new Error(`failed with status code ${res.statusCode}`);
        pino.error({ requestId, req: request, res: status, err, responseTime, ...factsFields(res) }, 'request failed');
      } else {
        pino.info({ requestId, req: request, res: status, responseTime, ...factsFields(res) }, 'request');
      }
    };
    res.on('close', onDone);
    res.on('finish', onDone);
    res.on('error', onDone);
    next();
  };
}

/** The request's facts as the line shows them. */
function factsFields(res: Response) {
  const { traceId, operationName, cost, statements, errorCodes, execution, prefetch } = factsOf(res);
  // A client names its operations; a name of any length must not make a line of any length.
  return {
    traceId,
    operationName: operationName?.slice(0, 100),
    cost,
    statements,
    execution,
    ...(prefetch ? { prefetch } : {}),
    ...(errorCodes.length ? { errorCodes } : {}),
  };
}
