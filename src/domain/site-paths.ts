import { normalizeLocation, normalizePath } from './url-path';

/** Stands for the slug while the template is normalised: `~` is kept as it is, and no template holds this. */
const SLUG_MARK = '~slug~';

/** What a slug can be (CONTRACT.md "Slugs"): lower-case ASCII words joined by `-`. */
const SLUG_CHARACTERS = /^[a-z0-9-]+$/;

/**
 * The public site's paths, as the front end lays them out: where a post is shown
 * (POST_URL_TEMPLATE, e.g. `/posts/{slug}`) and which full URLs are the site's own
 * (PUBLIC_BASE_URL's origin). One object for writes (slug history) and reads (resolveUrl), so
 * both compare paths in the same form (src/domain/url-path.ts).
 */
export class SitePaths {
  private readonly prefix: string;
  private readonly suffix: string;
  /** PUBLIC_BASE_URL's origin; unset, only paths are taken. */
  private readonly origin: string | undefined;

  constructor(postUrlTemplate: string, publicBaseUrl?: string) {
    if (postUrlTemplate.split('{slug}').length !== 2) {
      throw new Error(`POST_URL_TEMPLATE must hold {slug} once, e.g. /posts/{slug}; got "${postUrlTemplate}"`);
    }
    this.origin = publicBaseUrl === undefined ? undefined : new URL(publicBaseUrl).origin;
    // A full URL as template: its path is where the post is, whichever host serves it.
    const marked = postUrlTemplate.replace('{slug}', SLUG_MARK);
    const path = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(marked) ? new URL(marked).pathname : marked;
    const parts = normalizePath(path.startsWith('/') ? path : `/${path}`, 'POST_URL_TEMPLATE').split(SLUG_MARK);
    if (parts.length !== 2) throw new Error(`POST_URL_TEMPLATE "${postUrlTemplate}" puts {slug} where no slug can be`);
    [this.prefix, this.suffix] = parts;
  }

  /** Where the post with `slug` is shown, normalised. */
  postPath(slug: string): string {
    return `${this.prefix}${slug}${this.suffix}`;
  }

  /** The slug of the post that a normalised path would show, or null when no post can be there. */
  slugAt(path: string): string | null {
    if (path.length <= this.prefix.length + this.suffix.length) return null;
    if (!path.startsWith(this.prefix) || !path.endsWith(this.suffix)) return null;
    const slug = path.slice(this.prefix.length, path.length - this.suffix.length);
    return SLUG_CHARACTERS.test(slug) ? slug : null;
  }

  /** A path (or full URL of the site) as a client gave it, normalised; BAD_USER_INPUT naming `field` when it is none. */
  path(raw: string, field: string): string {
    return normalizePath(raw, field, this.origin);
  }

  /** Where a redirect leads, normalised: a path of this site or an absolute http(s) URL elsewhere. */
  location(raw: string): string {
    return normalizeLocation(raw, this.origin);
  }
}
