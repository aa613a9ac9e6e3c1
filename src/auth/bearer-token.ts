import type { IncomingHttpHeaders } from 'node:http';

/** Reads `Authorization: Bearer <token>`; null when there is none, '' when it is not a bearer token. */
export function bearerToken(headers: IncomingHttpHeaders): string | null {
  const header = headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1] : '';
}
