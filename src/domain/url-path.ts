import { BadUserInputError } from '../errors/api-errors';

/** The longest path or absolute location a redirect keeps, once normalised (what browsers and CDNs take). */
export const URL_PATH_MAX = 2048;

/** The longest text read as a path: a full URL with its query string may be longer than its path. */
const URL_INPUT_MAX = 8192;

/** What a canonical path keeps as it is (RFC 3986's pchar less `%`, and `/`); everything else is percent-encoded. */
const KEPT = /^[A-Za-z0-9\-._~!$&'()*+,;=:@]$/;

/** A URI scheme at the start: the text is an absolute URL, not a path. */
const SCHEME = /^[a-zA-Z][a-zA-Z0-9+.-]*:/;

function parseHttpUrl(text: string, field: string): URL {
  let url: URL | undefined;
  try {
    url = new URL(text);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.hostname) {
    throw new BadUserInputError(`Invalid ${field}: an absolute URL must be http or https with a host.`, field);
  }
  return url;
}

/** One decoded segment, percent-encoded again by one rule (UTF-8, upper-case hex). */
function encodeSegment(segment: string, field: string): string {
  let encoded = '';
  for (const ch of segment) {
    if (KEPT.test(ch)) encoded += ch;
    else {
      try {
        encoded += encodeURIComponent(ch);
      } catch {
        // Half of a UTF-16 pair on its own: no URL can carry it.
        throw new BadUserInputError(`Invalid ${field}: it holds a character no URL can carry.`, field);
      }
    }
  }
  return encoded;
}

/**
 * The one form a path of the public site is stored and compared in, so that every way of
 * writing it finds the same redirect or post: the query string and fragment dropped,
 * percent-decoded, `.` and `..` segments resolved (as browsers do), runs of `/` as one, no
 * trailing `/` (but `/` stays `/`), then percent-encoded again by one rule, so the result is
 * plain ASCII that a `Location` header carries as it is. A full URL whose origin is
 * `siteOrigin` (PUBLIC_BASE_URL's) reads as its path; any other URL, text not starting with
 * `/`, a malformed `%` escape or a path over URL_PATH_MAX is BAD_USER_INPUT naming `field`.
 * Normalising a normalised path changes nothing.
 */
export function normalizePath(raw: string, field: string, siteOrigin?: string): string {
  let text = raw.trim();
  if (text.length > URL_INPUT_MAX) {
    throw new BadUserInputError(`Invalid ${field}: at most ${URL_INPUT_MAX} characters.`, field);
  }
  if (SCHEME.test(text)) {
    const url = parseHttpUrl(text, field);
    if (url.origin !== siteOrigin) {
      throw new BadUserInputError(
        `Invalid ${field}: give a path of this site (e.g. /posts/a-slug)${siteOrigin ? ` or a full URL of ${siteOrigin}` : ''}.`,
        field,
      );
    }
    text = url.pathname;
  }
  if (!text.startsWith('/')) {
    throw new BadUserInputError(`Invalid ${field}: a path starts with "/", e.g. /posts/a-slug.`, field);
  }
  const end = text.search(/[?#]/);
  let decoded: string;
  try {
    decoded = decodeURIComponent(end < 0 ? text : text.slice(0, end));
  } catch {
    throw new BadUserInputError(`Invalid ${field}: it holds a malformed percent-escape (% and two hex digits).`, field);
  }
  const segments: string[] = [];
  for (const segment of decoded.split('/')) {
    if (segment === '..') segments.pop();
    else if (segment !== '' && segment !== '.') segments.push(encodeSegment(segment, field));
  }
  const path = `/${segments.join('/')}`;
  if (path.length > URL_PATH_MAX) {
    throw new BadUserInputError(`Invalid ${field}: at most ${URL_PATH_MAX} characters once normalised.`, field);
  }
  return path;
}

/**
 * Where a redirect leads: a path of this site (normalised as `normalizePath`, its query and
 * fragment dropped, since paths are what resolveUrl compares), a full URL of `siteOrigin` read
 * as such a path, or an absolute http(s) URL elsewhere, kept in its WHATWG form (ASCII: an
 * international host in punycode, the rest percent-encoded). Anything else is BAD_USER_INPUT.
 */
export function normalizeLocation(raw: string, siteOrigin?: string): string {
  const field = 'location';
  const text = raw.trim();
  if (!SCHEME.test(text)) return normalizePath(text, field, siteOrigin);
  const url = parseHttpUrl(text, field);
  if (url.origin === siteOrigin) return normalizePath(text, field, siteOrigin);
  if (url.href.length > URL_PATH_MAX) {
    throw new BadUserInputError(`Invalid ${field}: at most ${URL_PATH_MAX} characters.`, field);
  }
  return url.href;
}

/** A normalised location is a path of this site (else an absolute URL elsewhere). */
export function isSitePath(location: string): boolean {
  return location.startsWith('/');
}
