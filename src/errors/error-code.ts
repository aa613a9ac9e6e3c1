import { ApolloServerErrorCode } from '@apollo/server/errors';

/**
 * Every `extensions.code` our own errors answer with (CONTRACT.md "Errors"). The codes Apollo
 * and graphql-js set themselves (parse and validation failures, persisted queries) are
 * Apollo's `ApolloServerErrorCode`, imported where they are read; the three both use take Apollo's values.
 */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = ApolloServerErrorCode.BAD_USER_INPUT,
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** Apollo's: a request that breaks the protocol (a wrong persisted-query hash, a subscription over HTTP). */
  BAD_REQUEST = ApolloServerErrorCode.BAD_REQUEST,
  /** Ours: a request body over the limit, answered before GraphQL with HTTP 413. */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  INTERNAL_SERVER_ERROR = ApolloServerErrorCode.INTERNAL_SERVER_ERROR,
}
