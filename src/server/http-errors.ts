import type { ErrorRequestHandler } from 'express';
import { factsOf } from '../context/request-facts';
import {
  BadRequestError,
  BadUserInputError,
  InternalServerError,
  PayloadTooLargeError,
  errorResponseBody,
  httpStatusOf,
} from '../errors/api-errors';
import { Logger } from '../logger';

/** Refuses oversized and malformed bodies with a JSON error instead of Express's HTML page. */
const bodyErrors: ErrorRequestHandler = (error, _req, res, next) => {
  const { type, status } = error as { type?: string; status?: number };
  const answer =
    type === 'entity.too.large'
      ? new PayloadTooLargeError('1 MB')
      : type === 'entity.parse.failed' || type === 'encoding.unsupported' || type === 'charset.unsupported'
        ? new BadUserInputError('The request body is not valid JSON.')
        : status !== undefined && status >= 400 && status < 500
          ? // The body could not be read (bad gzip, wrong length, aborted): the client's to fix.
            new BadRequestError('The request body could not be read.')
          : undefined;
  if (answer) res.status(httpStatusOf(answer)).json(errorResponseBody(answer));
  else next(error);
};

/**
 * The last handlers of the app: a body the client got wrong is its 4xx; anything else that fails
 * outside Apollo is logged and answered as JSON like every other answer, never Express's page.
 */
export function httpErrorHandlers(logger: Logger): ErrorRequestHandler[] {
  const unexpected: ErrorRequestHandler = (error, req, res, _next) => {
    const requestId = factsOf(res)?.requestId;
    logger.error('unexpected error outside GraphQL', error, { requestId, url: req.url });
    const answer = new InternalServerError(requestId);
    res.status(httpStatusOf(answer)).json(errorResponseBody(answer));
  };
  return [bodyErrors, unexpected];
}
