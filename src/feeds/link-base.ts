import { isIPv6 } from 'node:net';
import type { Request } from 'express';

/** A DNS label: letters, digits and inner hyphens (and underscores, which container names use). */
const LABEL = '[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?';
/** A host name or an IPv4 address, as DNS spells it, with or without the root's dot. */
const HOST_NAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*\\.?$`, 'i');
/** A name (no colon, no bracket) or a bracketed IPv6 address, then an optional port. */
const HOST_AND_PORT = /^(\[[^\]]*\]|[^:[\]]+)(?::(\d{1,5}))?$/;

/**
 * Whether a Host header is a host as a link may carry it: a host name, an IPv4 address or an IPv6
 * address in brackets, with an optional port (RFC 9110 section 7.2, RFC 3986 section 3.2.2).
 */
function isHostHeader(host: string): boolean {
  const match = HOST_AND_PORT.exec(host);
  if (!match) return false;
  const [, name, port] = match;
  if (port !== undefined && Number(port) > 65_535) return false;
  if (name.startsWith('[')) return isIPv6(name.slice(1, -1));
  return name.length <= 254 && HOST_NAME.test(name);
}

/** The request headers that links made from a request follow: a shared cache keeps one answer per value. */
export const LINK_HEADERS = ['Host', 'X-Forwarded-Proto'] as const;

/** Where links point, or why the request cannot say. */
export type LinkBase = { base: string } | { refused: string };

/**
 * The site's address for links in feeds and sitemaps: PUBLIC_BASE_URL, else the request's own
 * scheme (X-Forwarded-Proto, as TRUST_PROXY allows) and Host. Those come from the client, and
 * the answer is publicly cacheable: a scheme other than http or https would put
 * `javascript://...` links in it, and a Host that is no host would fail to make a URL at all.
 */
export function linkBaseOf(req: Request, publicBaseUrl: string | undefined): LinkBase {
  if (publicBaseUrl !== undefined) return { base: publicBaseUrl.replace(/\/$/, '') };
  const scheme = req.protocol.toLowerCase();
  if (scheme !== 'http' && scheme !== 'https') return { refused: 'X-Forwarded-Proto must be http or https.' };
  const host = req.get('host');
  if (host === undefined || host === '') return { refused: 'The request needs a Host header.' };
  if (!isHostHeader(host))
    return { refused: 'The Host header must be a host name or an IP address, with an optional port.' };
  return { base: `${scheme}://${host.toLowerCase()}` };
}
