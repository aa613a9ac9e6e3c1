/** What PostgreSQL (or the pg socket under it) said about a failure. */
export interface DatabaseErrorFacts {
  /** SQLSTATE (`23505`, `40P01`, ...) or the socket's error code (`ECONNREFUSED`, ...). */
  code?: string;
  constraint?: string;
}

/** The database's own error: pg's as it is, or the one TypeORM wrapped in a QueryFailedError. */
export function databaseErrorOf(error: unknown): DatabaseErrorFacts {
  const failed = (error ?? {}) as DatabaseErrorFacts & { driverError?: DatabaseErrorFacts };
  return failed.driverError ?? failed;
}
