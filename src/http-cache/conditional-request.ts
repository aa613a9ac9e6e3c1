import type { IncomingHttpHeaders } from 'node:http';

/** An entity tag without its weakness mark: GET compares them weakly (RFC 9110 §8.8.3.2). */
const opaque = (tag: string) => tag.trim().replace(/^W\//, '');

/**
 * Whether the client already has this version (RFC 9110 §13.1.1, §13.1.3, §13.2.2): an
 * If-None-Match naming the ETag, or, without one, an If-Modified-Since no earlier than
 * Last-Modified. Unlike Express's `req.fresh` (the `fresh` package), a request's
 * `Cache-Control: no-cache` does not stop a 304: it asks caches to revalidate, which this is,
 * and Node's and browsers' fetch add it to every conditional request (jshttp/fresh#16).
 */
export function notModified(headers: IncomingHttpHeaders, etag: string, lastModified: Date): boolean {
  const noneMatch = headers['if-none-match'];
  if (noneMatch) {
    return noneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
  }
  const since = Date.parse(headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}
