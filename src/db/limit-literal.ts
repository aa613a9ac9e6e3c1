/**
 * A row limit written into a read's SQL text instead of sent as a parameter. Reads are named
 * (prepared) statements (src/db/prepared-reads.ts), and PostgreSQL plans a prepared statement
 * either for each execution's parameters (a custom plan: about 1 ms of planning at every bind for
 * a feed page) or once for any (a generic plan). A generic plan that does not know its LIMIT
 * assumes a tenth of the rows and sorts them: 40-50 ms for a feed page against 3 as planned with
 * its limit, so PostgreSQL kept planning every execution. With the limit in the text, the
 * generic plan is the custom one, and PostgreSQL switches to it after five executions. The few
 * sizes a client may ask (1..100) make as many statements, well within the named-statement budget.
 */
export function limitLiteral(rows: number): string {
  if (!Number.isSafeInteger(rows) || rows < 0) throw new Error(`limitLiteral: ${rows} is not a row count`);
  return String(rows);
}
