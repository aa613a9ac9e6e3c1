/** The statements that say what sent them, for whoever counts statements (tests, pg_stat_statements). */
export type StatementTag = 'schedule-horizon' | 'dispatcher' | 'go-live' | 'webhooks';

/**
 * Names a statement with a leading comment (PostgreSQL ignores it; pg_stat_statements and
 * TypeORM's logger keep it), so a count of a request's statements can leave out background work
 * by its name rather than by matching SQL text.
 */
export function tagged(tag: StatementTag, sql: string): string {
  return `/* ${tag} */ ${sql}`;
}
