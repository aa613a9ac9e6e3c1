import { unwrapResolverError } from '@apollo/server/errors';
import { databaseErrorOf } from '../db/database-error';
import { Logger } from '../logger';

/** How PostgreSQL and pg say the database cannot be reached, as opposed to a bug of ours. */
const OUTAGE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
]);
const OUTAGE_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|the database system is/i;

/** During an outage, one log line per this interval, however many requests fail. */
const OUTAGE_LOG_INTERVAL_MS = 10_000;

function isOutage(error: unknown): boolean {
  const { code } = databaseErrorOf(error);
  return (
    (code !== undefined && OUTAGE_CODES.has(code)) || OUTAGE_MESSAGES.test((error as Error | undefined)?.message ?? '')
  );
}

export type UnexpectedErrorLog = (error: unknown, fields: Record<string, unknown>) => void;

/**
 * Logs an error that was masked as INTERNAL_SERVER_ERROR, with the request's id (which the
 * client got in `extensions.requestId`). A database outage is one warning per interval that
 * counts the failures, not a stack trace per request.
 */
export function createUnexpectedErrorLog(logger: Logger): UnexpectedErrorLog {
  let outageLoggedAt = 0;
  let suppressed = 0;
  return (error, fields) => {
    const original = unwrapResolverError(error);
    if (isOutage(original)) {
      const now = Date.now();
      if (now - outageLoggedAt < OUTAGE_LOG_INTERVAL_MS) {
        suppressed += 1;
        return;
      }
      logger.warn('database unavailable: requests that need it fail until it is back', {
        ...fields,
        cause: (original as Error).message,
        failuresSinceLastLine: suppressed,
      });
      outageLoggedAt = now;
      suppressed = 0;
      return;
    }
    logger.error('unexpected error', original, fields);
  };
}
