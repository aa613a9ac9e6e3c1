import type { Response } from 'express';
import { ApiError, BadRequestError, errorResponseBody, httpStatusOf } from '../errors/api-errors';

/** An error as every other answer gives it: `{"errors": [{"message", "extensions": {"code"}}]}`. */
export function sendError(res: Response, error: ApiError, status = httpStatusOf(error)): void {
  res.status(status).json(errorResponseBody(error));
}

/** 405 with `Allow`, in the same JSON shape (code BAD_REQUEST). */
export function methodNotAllowed(res: Response, method: string, allowed: string[]): void {
  const error = new BadRequestError(`${method} is not allowed here; use ${allowed.join(' or ')}.`);
  res.set('allow', allowed.join(', ')).status(405).json(errorResponseBody(error));
}
