import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-code';

/**
 * One class per contract error code. Only errors of these classes (and graphql-js's own
 * parse/validation errors) reach clients with their message; `formatError` masks the rest.
 */
export abstract class ApiError extends GraphQLError {
  constructor(message: string, code: ErrorCode, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export class UnauthenticatedError extends ApiError {
  constructor(message = 'You need to sign in to do this.') {
    super(message, ErrorCode.UNAUTHENTICATED);
  }
}

export class ForbiddenError extends ApiError {
  constructor(message = 'You are not allowed to do this.') {
    super(message, ErrorCode.FORBIDDEN);
  }
}

/** `field` names the input field at fault, e.g. `input.title`, so a form can point at it. */
export class BadUserInputError extends ApiError {
  constructor(message: string, field?: string) {
    super(message, ErrorCode.BAD_USER_INPUT, field ? { field } : {});
  }
}

export class NotFoundError extends ApiError {
  constructor(what: string) {
    super(`${what} not found.`, ErrorCode.NOT_FOUND);
  }
}

export class ConflictError extends ApiError {
  constructor(message: string, field?: string) {
    super(message, ErrorCode.CONFLICT, field ? { field } : {});
  }
}

export class RateLimitedError extends ApiError {
  constructor(message: string, retryAfterSeconds: number) {
    super(`${message} Try again in ${retryAfterSeconds} s.`, ErrorCode.RATE_LIMITED, { retryAfterSeconds });
  }
}

export class QueryTooComplexError extends ApiError {
  constructor(message: string) {
    super(message, ErrorCode.QUERY_TOO_COMPLEX, { http: { status: 400 } });
  }
}
