import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Response } from 'express';
import { pinoHttp } from 'pino-http';
import { factsOf } from '../context/request-facts';
import { Logger } from '../logger';

/** Probes come every few seconds and say nothing new: not one line each. */
const UNLOGGED_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * One JSON line per request when its answer is sent (pino-http): method, path, status,
 * duration, and the request's facts: id, operation name, cost estimate, SQL statements of its
 * reads, error codes. Nothing of the body or the headers: no tokens in logs.
 */
export function requestLog(logger: Logger) {
  return pinoHttp({
    logger: logger.pino,
    genReqId: (_req: IncomingMessage, res: ServerResponse) => factsOf(res as Response).requestId,
    autoLogging: { ignore: (req) => UNLOGGED_PATHS.has((req.url ?? '').split('?')[0]) },
    quietReqLogger: true,
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request failed',
    serializers: {
      req: (req: { method?: string; url?: string }) => ({ method: req.method, url: req.url?.split('?')[0] }),
      res: (res: { statusCode?: number }) => ({ status: res.statusCode }),
    },
    customProps: (_req, res) => {
      const { requestId, operationName, cost, statements, errorCodes } = factsOf(res as Response);
      // A client names its operations; a name of any length must not make a line of any length.
      return {
        requestId,
        operationName: operationName?.slice(0, 100),
        cost,
        statements,
        ...(errorCodes.length ? { errorCodes } : {}),
      };
    },
  });
}
