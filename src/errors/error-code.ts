/** Every `extensions.code` the API answers with (CONTRACT.md "Errors"), ours and the contract's. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  /** Apollo's: a request that breaks the protocol (a wrong persisted-query hash, a subscription over HTTP). */
  BAD_REQUEST = 'BAD_REQUEST',
  /** Ours: a request body over the limit, answered before GraphQL with HTTP 413. */
  PAYLOAD_TOO_LARGE = 'PAYLOAD_TOO_LARGE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
