import { ApolloServerErrorCode, unwrapResolverError } from '@apollo/server/errors';
import type { ValidationError } from 'class-validator';
import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { ApiError, MASKED_MESSAGE } from './api-errors';
import { ErrorCode } from './error-code';

/** Codes that graphql-js and Apollo set on errors that are the client's to fix. */
const CLIENT_CODES = new Set<unknown>([
  ApolloServerErrorCode.GRAPHQL_PARSE_FAILED,
  ApolloServerErrorCode.GRAPHQL_VALIDATION_FAILED,
  ApolloServerErrorCode.BAD_USER_INPUT,
  ApolloServerErrorCode.BAD_REQUEST,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_FOUND,
  ApolloServerErrorCode.PERSISTED_QUERY_NOT_SUPPORTED,
  ApolloServerErrorCode.OPERATION_RESOLUTION_FAILURE,
  // A bad token fails in the context factory, whose error Apollo re-wraps (so it is no ApiError any more).
  ErrorCode.UNAUTHENTICATED,
]);

/** The first failed constraint, as a dotted path (`input.tags`) and its message. */
export function firstViolation(errors: ValidationError[], prefix = ''): { field: string; message: string } | undefined {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const message = error.constraints && Object.values(error.constraints)[0];
    if (message) return { field, message };
    const nested = firstViolation(error.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * Apollo marks some errors of the client's own making with a 4xx status but no code (a
 * persisted-query hash that does not match its query): they are BAD_REQUEST, not ours to log.
 */
function isClientProtocolError(error: unknown): boolean {
  const status = (error instanceof GraphQLError ? error.extensions.http : undefined) as { status?: number } | undefined;
  return status?.status !== undefined && status.status >= 400 && status.status < 500;
}

/** Whether an error is ours (a bug, an outage) rather than the client's: it is masked and logged. */
export function isUnexpected(error: unknown): boolean {
  const original = unwrapResolverError(error);
  const code = error instanceof GraphQLError ? error.extensions.code : undefined;
  return !(
    original instanceof ArgumentValidationError ||
    original instanceof ApiError ||
    CLIENT_CODES.has(code) ||
    isClientProtocolError(original)
  );
}

/**
 * Apollo's `formatError`: our own errors and the client's GraphQL mistakes go out as they are;
 * class-validator failures become BAD_USER_INPUT naming the field; anything else is masked as
 * INTERNAL_SERVER_ERROR, because Apollo passes resolver messages through unmasked. (Logging,
 * with the request id, is the request-facts plugin's.)
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  const { stacktrace: _stack, ...extensions } = formatted.extensions ?? {};
  if (original instanceof ArgumentValidationError) {
    const violation = firstViolation(original.extensions.validationErrors as ValidationError[]);
    return {
      message: violation ? `Invalid ${violation.field}: ${violation.message}.` : 'Invalid input.',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.BAD_USER_INPUT, ...(violation ? { field: violation.field } : {}) },
    };
  }
  if (original instanceof ApiError || CLIENT_CODES.has(extensions.code)) {
    return { ...formatted, extensions };
  }
  if (isClientProtocolError(original)) {
    return { ...formatted, extensions: { code: ErrorCode.BAD_REQUEST } };
  }
  return {
    message: MASKED_MESSAGE,
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
