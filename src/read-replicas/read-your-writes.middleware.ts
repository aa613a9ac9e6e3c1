import type { NextFunction, Request, Response } from 'express';
import { factsOf } from '../context/request-facts';
import { ReplicaRouting } from '../db/read-routing';
import { WalPosition } from '../db/wal-position';
import { READ_AFTER_COOKIE, READ_AFTER_HEADER, ReadAfterTokens, offeredToken } from './read-after-token';

export interface ReadYourWritesDeps {
  routing: ReplicaRouting;
  tokens: ReadAfterTokens;
  /** The primary's WAL position now. */
  primaryPosition(): Promise<WalPosition>;
  /** How long the cookie lasts: past it, every replica in use has replayed its position. */
  cookieSeconds: number;
  onError(error: unknown): void;
}

/**
 * A client reads its own writes. On the way in: a read-after token (header or cookie) sends the
 * request's reads to a replica that has replayed its position, or to the primary
 * (read-routing.ts). On the way out of a mutation: the primary's position, read once the
 * mutation's transactions have committed, goes back as a token in the `Broadsheet-Read-After`
 * header (for clients to send back on their next requests, signed in or not) and a cookie of the
 * same name (browsers send it back by themselves).
 *
 * The token is sent from `res.send`, which Apollo calls with the answer: this middleware is
 * mounted before an Idempotency-Key's, whose `res.send` commits the keyed request's transaction
 * and then calls this one, so the position read here is after that commit too.
 */
export function readYourWrites(deps: ReadYourWritesDeps) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const facts = factsOf(res);
    const offered = offeredToken(req);
    const position = offered === undefined ? undefined : deps.tokens.read(offered);
    if (position !== undefined) deps.routing.readAfter(facts, position);
    // Mutations come as POSTs only (a mutation over GET is refused).
    if (req.method === 'POST') {
      const send = res.send.bind(res);
      res.send = (body?: unknown) => {
        res.send = send;
        if (!deps.routing.ranMutation(facts) || res.headersSent) return send(body);
        deps
          .primaryPosition()
          .then((written) => {
            const token = deps.tokens.issue(written);
            res.setHeader(READ_AFTER_HEADER, token);
            const secure = req.secure ? '; Secure' : '';
            res.append(
              'set-cookie',
              `${READ_AFTER_COOKIE}=${token}; Max-Age=${deps.cookieSeconds}; Path=/; HttpOnly; SameSite=Lax${secure}`,
            );
          }, deps.onError)
          .finally(() => send(body));
        return res;
      };
    }
    next();
  };
}
