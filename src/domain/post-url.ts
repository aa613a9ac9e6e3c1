/**
 * Where the front end shows the post with `slug`, as an absolute URL: POST_URL_TEMPLATE with the
 * slug filled in, resolved against the site's address (`baseUrl`, with or without a trailing
 * slash). Feeds, sitemaps and webhook payloads link posts with it.
 */
export function absolutePostUrl(baseUrl: string, postUrlTemplate: string, slug: string): string {
  return new URL(
    postUrlTemplate.replace('{slug}', encodeURIComponent(slug)),
    `${baseUrl.replace(/\/$/, '')}/`,
  ).toString();
}
