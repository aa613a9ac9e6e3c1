import type { SourceFormat } from '../source-records';

/**
 * Which blog an export is of, from its first few KB, for the importer's memory of source ids
 * (ImportOptions.blog). WordPress numbers posts, comments and authors per site (post 1 is in
 * every WordPress), so the exports of two sites imported into one database must not be taken for
 * two exports of one: without this, the second site's post 57 would "update" the first's. A
 * site is named by its address (`wp:base_blog_url`, else the channel's `<link>`), in one form:
 * no scheme, no `www.`, no trailing `/`, lower case, so an export after a move to https is the
 * same blog. Blogger's ids name their blog already (`tag:blogger.com,1999:blog-<id>.post-<id>`),
 * the same in its two formats: '' for Blogger, as for a WXR that names no address.
 */
export function exportBlog(head: string, format: SourceFormat): string {
  if (format !== 'wordpress') return '';
  const channel = head.slice(0, Math.max(0, head.search(/<item[\s>]/)) || head.length);
  const address =
    /<wp:base_blog_url>\s*(?:<!\[CDATA\[)?\s*([^<\]\s]+)/.exec(channel)?.[1] ??
    /<link>\s*(?:<!\[CDATA\[)?\s*([^<\]\s]+)/.exec(channel)?.[1] ??
    '';
  return address
    .toLowerCase()
    .replace(/^[a-z][a-z0-9+.-]*:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
}
