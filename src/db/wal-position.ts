import { Queryable } from './queryable';

/**
 * A position in PostgreSQL's write-ahead log (a `pg_lsn`, written `16/B374D848`) as the byte
 * offset it stands for, so positions compare and subtract as numbers. Replicas replay the log
 * in order: one that has replayed up to a position shows every transaction committed before it.
 */
export type WalPosition = bigint;

/** `16/B374D848` -> its offset; throws on anything else (these come from PostgreSQL only). */
export function parseWalPosition(text: string): WalPosition {
  const match = /^([0-9A-Fa-f]{1,8})\/([0-9A-Fa-f]{1,8})$/.exec(text);
  if (!match) throw new Error(`not a WAL position: ${text}`);
  return (BigInt(`0x${match[1]}`) << 32n) | BigInt(`0x${match[2]}`);
}

/**
 * How far the primary has made its log durable: what replicas can have (walsenders send up to
 * it). On an idle primary it is where replicas' replay stands. The lag of replicas is measured
 * against it (replica-lag.ts).
 */
export async function flushedWalPosition(primary: Queryable): Promise<WalPosition> {
  const rows = (await primary.query('SELECT pg_current_wal_flush_lsn()::text AS position')) as Array<{
    position: string;
  }>;
  return parseWalPosition(rows[0].position);
}

/** Short and long WAL page headers (PostgreSQL's SizeOfXLogShortPHD, SizeOfXLogLongPHD on 64 bits). */
const PAGE_HEADER_BYTES = [24n, 40n];

/**
 * A position at or past the commit of every transaction that has returned from COMMIT, on any
 * connection: a replica that has replayed it shows them all. With `synchronous_commit` on (the
 * default) a commit returns once its record is flushed, so that is the flush position. With it
 * off, a commit returns before (the WAL writer flushes within `wal_writer_delay`), so it is the
 * insert position, less the header of a page it may point just past: no record ends inside a
 * page header, and a replica's replay position is always the end of a record.
 */
export async function committedWalPosition(primary: Queryable): Promise<WalPosition> {
  const rows = (await primary.query(
    `SELECT (CASE WHEN current_setting('synchronous_commit') = 'off' THEN pg_current_wal_insert_lsn()
                  ELSE pg_current_wal_flush_lsn() END)::text AS position,
            current_setting('wal_block_size')::int AS block`,
  )) as Array<{ position: string; block: number }>;
  const position = parseWalPosition(rows[0].position);
  const intoPage = position % BigInt(rows[0].block);
  return PAGE_HEADER_BYTES.includes(intoPage) ? position - intoPage : position;
}
