/** The name of the unique index a PostgreSQL error violated, or undefined for any other error. */
export function violatedUniqueIndex(error: unknown): string | undefined {
  const pgError = error as { code?: string; constraint?: string; driverError?: { code?: string; constraint?: string } };
  const cause = pgError.driverError ?? pgError;
  return cause.code === '23505' ? cause.constraint : undefined;
}
