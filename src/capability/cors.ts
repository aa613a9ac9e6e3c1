import cors from 'cors';
import type { RequestHandler } from 'express';

/**
 * Response headers browser code may read besides the CORS-safelisted ones (Cache-Control,
 * Content-Type, Last-Modified, ...): without them a web client cannot quote the request id of a
 * failure, see whether the response cache answered, notice a replayed idempotent write, wait as
 * long as it is asked to, revalidate a feed by its ETag, or keep the read-after token of its
 * write (read replicas) to send back.
 */
const EXPOSED_HEADERS = [
  'X-Request-Id',
  'X-Broadsheet-Cache',
  'Idempotent-Replayed',
  'Retry-After',
  'ETag',
  'Broadsheet-Read-After',
];

/**
 * How long a browser may reuse a preflight's answer: two hours, Chromium's own ceiling (Firefox
 * takes up to a day). Without it each cross-origin POST with a JSON body or an Authorization
 * header costs a second round trip, the preflight, about every five seconds (the browsers'
 * default).
 */
const PREFLIGHT_MAX_AGE_SECONDS = 7200;

/**
 * The one CORS policy of every route that answers browsers (/graphql, /graphql/stream, the
 * feeds): CORS_ORIGIN's origins, the headers above exposed, preflights cached. Request headers
 * are whatever the preflight asks for (Authorization, Content-Type, Idempotency-Key, ...).
 * `Access-Control-Allow-Origin` holds one origin: of a comma-separated list, the request's own
 * when it is listed (with `Vary: Origin`), none otherwise.
 */
export function corsPolicy(corsOrigin: string): RequestHandler {
  const origins = corsOrigin.split(',').map((origin) => origin.trim());
  const origin = origins.includes('*') ? '*' : origins;
  return cors({ origin, exposedHeaders: EXPOSED_HEADERS, maxAge: PREFLIGHT_MAX_AGE_SECONDS });
}
