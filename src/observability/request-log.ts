import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Response } from 'express';
import { pinoHttp } from 'pino-http';
import { factsOf } from '../context/request-facts';
import { Logger } from '../logger';

/** Probes come every few seconds and say nothing new: not one line each. */
const UNLOGGED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One JSON line per request when its answer is sent (pino-http): method, path, status,
 * duration, and the request's facts: id, trace id (when tracing), operation name, cost estimate,
 * SQL statements of its reads, what executed it (`compiled` or `resolvers`), error codes. Nothing
 * of the body or the headers: no tokens in logs.
 *
 * Each key once per line: the id is the request logger's one binding (pino-http's `reqId`,
 * renamed), and the facts join the line's own fields when the answer is sent. pino-http's
 * `customProps` would bind them at the start too, and pino writes bindings and fields side by
 * side, so `statements` came twice (0, then the count) and the id three times.
 */
export function requestLog(logger: Logger) {
  const withFacts = (res: ServerResponse, fields: object) => ({ ...fields, ...factsFields(res as Response) });
  return pinoHttp({
    logger: logger.pino,
    genReqId: (_req: IncomingMessage, res: ServerResponse) => factsOf(res as Response).requestId,
    customAttributeKeys: { reqId: 'requestId' },
    autoLogging: { ignore: (req) => UNLOGGED_PATHS.has((req.url ?? '').split('?')[0]) },
    quietReqLogger: true,
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (_req, res, fields) => withFacts(res, fields),
    customErrorObject: (_req, res, _error, fields) => withFacts(res, fields),
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url?.split('?')[0] }),
      res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
    },
  });
}

/** The request's facts as the line shows them (its id is the logger's binding, not repeated here). */
function factsFields(res: Response) {
  const { traceId, operationName, cost, statements, errorCodes, execution } = factsOf(res);
  // A client names its operations; a name of any length must not make a line of any length.
  return {
    traceId,
    operationName: operationName?.slice(0, 100),
    cost,
    statements,
    execution,
    ...(errorCodes.length ? { errorCodes } : {}),
  };
}
