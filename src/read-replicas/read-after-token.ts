import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request } from 'express';
import { WalPosition } from '../db/wal-position';

/** The response header that hands a writer its token, and the request header it sends it back in. */
export const READ_AFTER_HEADER = 'broadsheet-read-after';

/** The same token as a cookie, for browsers, which send it back by themselves. */
export const READ_AFTER_COOKIE = 'broadsheet_read_after';

const TOKEN = /^([0-9a-f]{1,16})\.([A-Za-z0-9_-]{22})$/;

/**
 * A read-after token: the primary's WAL position after a client's write, signed, so the client
 * can say "I wrote up to here" on its next requests and be read from a server that has it. The
 * signature stops a client from naming a position far ahead, which would send its reads to the
 * primary until the log got there. A copied token is harmless: once replicas have replayed its
 * position it changes nothing.
 */
export class ReadAfterTokens {
  private readonly key: Buffer;

  constructor(secret: string) {
    this.key = createHmac('sha256', secret).update('broadsheet read-after token').digest();
  }

  issue(position: WalPosition): string {
    const hex = position.toString(16);
    return `${hex}.${this.mac(hex)}`;
  }

  /** The position of a token this server issued; undefined for anything else. */
  read(token: string): WalPosition | undefined {
    const match = TOKEN.exec(token);
    if (!match) return undefined;
    const expected = Buffer.from(this.mac(match[1]));
    const given = Buffer.from(match[2]);
    return timingSafeEqual(expected, given) ? BigInt(`0x${match[1]}`) : undefined;
  }

  private mac(hex: string): string {
    return createHmac('sha256', this.key).update(hex).digest('base64url').slice(0, 22);
  }
}

/** The token a request carries: its header, else its cookie. */
export function offeredToken(req: Request): string | undefined {
  const header = req.headers[READ_AFTER_HEADER];
  if (typeof header === 'string') return header.trim();
  for (const pair of (req.headers.cookie ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === READ_AFTER_COOKIE) return pair.slice(at + 1).trim();
  }
  return undefined;
}
