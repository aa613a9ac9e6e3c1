import { createHash, randomBytes } from 'node:crypto';

/**
 * Preview tokens (CONTRACT.md "Previews"): `bsp_` and 32 random bytes in base64url. The prefix
 * lets secret scanners and people tell one apart from other strings in a URL or a log; the 256
 * random bits make it unguessable. The server keeps only its SHA-256 (preview_links.token_hash),
 * so a copy of the database holds no usable token; a fast hash is enough because the input is
 * random, not a password to be guessed.
 */
const PREFIX = 'bsp_';
const RANDOM_BYTES = 32;

/** The shape of every token we issue: anything else is answered without a database read. */
const SHAPE = /^bsp_[A-Za-z0-9_-]{43}$/;

export function newPreviewToken(): string {
  return PREFIX + randomBytes(RANDOM_BYTES).toString('base64url');
}

/** Whether `token` could be one of ours (the right prefix, length and alphabet). */
export function hasPreviewTokenShape(token: string): boolean {
  return SHAPE.test(token);
}

/** What the database keeps of a token and looks it up by. */
export function previewTokenHash(token: string): Buffer {
  return createHash('sha256').update(token, 'utf8').digest();
}

/**
 * A preview link's `url`: `template` (PREVIEW_URL_TEMPLATE) with the token in place of
 * `{token}`, after `base` (PUBLIC_BASE_URL) when the template is a path and a base is set. With
 * no base it stays a path, for the front end to put after its own origin: the API's own address
 * (the request's) is usually not where the front end serves its pages.
 */
export function previewUrl(template: string, base: string | undefined, token: string): string {
  const filled = template.replaceAll('{token}', token);
  if (!base || !filled.startsWith('/')) return filled;
  return base.replace(/\/+$/, '') + filled;
}

/** How long a preview link may last: 1 second to 7 days (CONTRACT.md), a day unless asked. */
export const PREVIEW_EXPIRY_SECONDS = { min: 1, max: 7 * 24 * 60 * 60, default: 24 * 60 * 60 } as const;
