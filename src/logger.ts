import { createRequire } from 'node:module';
import pino from 'pino';
import type { PrettyOptions } from 'pino-pretty';

/** pino's levels, as `LOG_LEVEL` takes them. */
export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

type Fields = Record<string, unknown>;

/**
 * One JSON line per event on stdout (pino), or a readable one on a terminal (logDestination).
 * Messages are sentences for a person; `fields` carry what a machine filters on (requestId,
 * operationName, ...). `pino` is the instance itself, for the request lines (src/observability/request-log.ts).
 */
export interface Logger {
  info(message: string, fields?: Fields): void;
  warn(message: string, fields?: Fields): void;
  error(message: string, error?: unknown, fields?: Fields): void;
  readonly pino: pino.Logger;
}

export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  const instance = pino(
    {
      level,
      base: { service: 'broadsheet' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // A token or a password must never reach the logs, whatever is logged by mistake.
      redact: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.currentPassword', 'err.parameters'],
    },
    destination,
  );
  return {
    info: (message, fields) => instance.info(fields ?? {}, message),
    warn: (message, fields) => instance.warn(fields ?? {}, message),
    error: (message, error, fields) =>
      instance.error({ ...fields, ...(error === undefined ? {} : { err: error }) }, message),
    pino: instance,
  };
}

/**
 * Where the server logs: JSON lines on stdout (pino's default) for whatever collects them; on a
 * developer's terminal (stdout a TTY, and not production) one human-readable line per event
 * through pino-pretty instead. pino-pretty is a dev dependency: a production install
 * (`npm ci --omit=dev`) logs JSON whatever stdout is. Synchronous, so nothing written before
 * `process.exit` is lost, as with pino's own stdout.
 */
export function logDestination(production: boolean): pino.DestinationStream | undefined {
  if (production || !process.stdout.isTTY) return undefined;
  let pretty: (options: PrettyOptions) => pino.DestinationStream;
  try {
    pretty = createRequire(__filename)('pino-pretty') as typeof pretty;
  } catch {
    return undefined;
  }
  return pretty({ colorize: true, singleLine: true, sync: true, translateTime: 'SYS:HH:MM:ss.l', ignore: 'service' });
}
