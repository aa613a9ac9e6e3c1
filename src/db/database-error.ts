/** What PostgreSQL (or the pg socket under it) said about a failure. */
export interface DatabaseErrorFacts {
  /** SQLSTATE (`23505`, `40P01`, ...) or the socket's error code (`ECONNREFUSED`, ...). */
  code?: string;
  constraint?: string;
}

/**
 * The database's own error: pg's as it is, the one TypeORM wrapped in a QueryFailedError, or a
 * socket error pg threw as a plain object (`{ code: 'ECONNRESET', ... }`), which graphql-js wraps
 * as `thrownValue` of a NonErrorThrown.
 */
export function databaseErrorOf(error: unknown): DatabaseErrorFacts {
  const failed = (error ?? {}) as DatabaseErrorFacts & {
    driverError?: DatabaseErrorFacts;
    thrownValue?: DatabaseErrorFacts;
  };
  return (
    failed.driverError ?? (failed.thrownValue && typeof failed.thrownValue === 'object' ? failed.thrownValue : failed)
  );
}
