import { databaseErrorOf } from './database-error';

/** The name of the unique index a PostgreSQL error violated, or undefined for any other error. */
export function violatedUniqueIndex(error: unknown): string | undefined {
  const cause = databaseErrorOf(error);
  return cause.code === '23505' ? cause.constraint : undefined;
}
