import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-code';

export interface ApiErrorOptions {
  /** The HTTP status when the error fails the whole request (context, plugins, body parsing). */
  status?: number;
  /** The input field at fault, e.g. `input.title`, so a form can point at it. */
  field?: string;
  /** More `extensions` for the client, e.g. `retryAfterSeconds`. */
  extensions?: Record<string, unknown>;
}

/**
 * The one way errors are made: a message, a contract code and options, as Apollo Server's own
 * errors are. Only errors of this family (and graphql-js's own parse and validation errors)
 * reach clients with their message; `formatError` masks the rest.
 */
export abstract class ApiError extends GraphQLError {
  constructor(message: string, code: ErrorCode, options: ApiErrorOptions = {}) {
    super(message, {
      extensions: {
        ...options.extensions,
        ...(options.field ? { field: options.field } : {}),
        code,
        ...(options.status ? { http: { status: options.status } } : {}),
      },
    });
  }
}

export class UnauthenticatedError extends ApiError {
  constructor(message = 'You need to sign in to do this.', options?: ApiErrorOptions) {
    super(message, ErrorCode.UNAUTHENTICATED, options);
  }
}

export class ForbiddenError extends ApiError {
  constructor(message = 'You are not allowed to do this.') {
    super(message, ErrorCode.FORBIDDEN);
  }
}

export class BadUserInputError extends ApiError {
  constructor(message: string, field?: string, options?: Omit<ApiErrorOptions, 'field'>) {
    super(message, ErrorCode.BAD_USER_INPUT, { ...options, field });
  }
}

export class NotFoundError extends ApiError {
  constructor(what: string) {
    super(`${what} not found.`, ErrorCode.NOT_FOUND);
  }
}

export class ConflictError extends ApiError {
  constructor(message: string, field?: string) {
    super(message, ErrorCode.CONFLICT, { field });
  }
}

export class RateLimitedError extends ApiError {
  constructor(message: string, retryAfterSeconds: number, options: Pick<ApiErrorOptions, 'status'> = {}) {
    super(`${message} Try again in ${retryAfterSeconds} s.`, ErrorCode.RATE_LIMITED, {
      ...options,
      extensions: { retryAfterSeconds },
    });
  }
}

/** Too many live subscriptions at once; completing one makes room. */
export class TooManySubscriptionsError extends ApiError {
  constructor(limit: number, per: 'connection' | 'client address') {
    super(
      `At most ${limit} subscriptions may be open per ${per}; complete one before starting another.`,
      ErrorCode.RATE_LIMITED,
      { status: 429 },
    );
  }
}

export class QueryTooComplexError extends ApiError {
  constructor(message: string) {
    super(message, ErrorCode.QUERY_TOO_COMPLEX, { status: 400 });
  }
}

export class BadRequestError extends ApiError {
  constructor(message: string) {
    super(message, ErrorCode.BAD_REQUEST, { status: 400 });
  }
}

/** What a client is told of a failure of ours: nothing of it, but that it was logged. */
export const MASKED_MESSAGE = 'Something went wrong on our side. It has been logged.';

/**
 * A failure of ours met where Apollo's own masking cannot run (while the request's context is
 * made): the same neutral answer, with the request id, as 503 because it is usually an outage.
 */
export class UnavailableError extends ApiError {
  constructor(requestId: string) {
    super(MASKED_MESSAGE, ErrorCode.INTERNAL_SERVER_ERROR, { status: 503, extensions: { requestId } });
  }
}

/** A failure of ours outside GraphQL (an Express route or middleware): masked, with the request id. */
export class InternalServerError extends ApiError {
  constructor(requestId: string | undefined) {
    super(MASKED_MESSAGE, ErrorCode.INTERNAL_SERVER_ERROR, { status: 500, extensions: { requestId } });
  }
}

export class PayloadTooLargeError extends ApiError {
  constructor(limit: string) {
    super(`The request body is over ${limit}.`, ErrorCode.PAYLOAD_TOO_LARGE, { status: 413 });
  }
}

/** A GraphQL response body of one error, for answers made outside GraphQL (body parsing). */
export function errorResponseBody(error: ApiError): {
  errors: Array<{ message: string; extensions: Record<string, unknown> }>;
} {
  const { http: _http, ...extensions } = error.extensions;
  return { errors: [{ message: error.message, extensions }] };
}

/** The HTTP status an error asks for, 400 when it names none. */
export function httpStatusOf(error: ApiError): number {
  return (error.extensions.http as { status?: number } | undefined)?.status ?? 400;
}
