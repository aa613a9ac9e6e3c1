import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { RequestFacts } from '../context/request-facts';

/** What a request id taken from a proxy may look like: no spaces, no control characters, short. */
const ACCEPTABLE_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * Gives every request an id, echoed as `X-Request-Id`: the proxy's own when the request came
 * through a trusted proxy (TRUST_PROXY), so one id follows a request through every log;
 * otherwise a new one, so a client cannot plant misleading ids in our logs.
 */
export function requestId(req: Request, res: Response, next: NextFunction): void {
  const trusted = (req.app.get('trust proxy fn') as (address: string, hop: number) => boolean)(
    req.socket.remoteAddress ?? '',
    0,
  );
  const offered = req.headers['x-request-id'];
  const id = trusted && typeof offered === 'string' && ACCEPTABLE_ID.test(offered) ? offered : randomUUID();
  const facts: RequestFacts = { requestId: id, statements: 0, errorCodes: [] };
  res.locals.facts = facts;
  res.setHeader('x-request-id', id);
  next();
}
