import { Viewer } from '../auth/viewer';
import { PostVisibilityFacts, canSeePost, visiblePostSql } from './post.policy';

/**
 * Who sees which related link, predicate and SQL side by side. A link is seen with its post;
 * an external link always, a link to a post only while the viewer may see that post, so
 * readers never learn of a story they cannot read. Titles and slugs of hidden targets never
 * leak through a link (only their editors meet such links, as "Unavailable story").
 */

/** What the link rules look at: the link's own target, and the two posts' facts. */
export interface LinkVisibilityFacts {
  targetPostId: string | null;
}

export function canSeeLink(
  viewer: Viewer | null,
  link: LinkVisibilityFacts,
  post: PostVisibilityFacts,
  target: PostVisibilityFacts | null,
): boolean {
  return canSeePost(viewer, post) && canSeeLinkTarget(viewer, link, target);
}

/**
 * The target's half of `canSeeLink`: an external link, or a link to a post the viewer may see.
 * The links of a post opened by a preview token are judged by this half alone: the token opens
 * its post, never the posts it links to.
 */
export function canSeeLinkTarget(
  viewer: Viewer | null,
  link: LinkVisibilityFacts,
  target: PostVisibilityFacts | null,
): boolean {
  return link.targetPostId === null || (target !== null && canSeePost(viewer, target));
}

/** SQL of `canSeeLink` for the link aliased `alias` (its post and target are looked up as `lp` and `lt`). */
export function visibleLinkSql(viewer: Viewer | null, alias: string, params: unknown[]): string {
  return `(EXISTS (SELECT 1 FROM posts lp WHERE lp.id = ${alias}.post_id AND ${visiblePostSql(viewer, 'lp', params)})
    AND (${alias}.target_post_id IS NULL
      OR EXISTS (SELECT 1 FROM posts lt WHERE lt.id = ${alias}.target_post_id AND ${visiblePostSql(viewer, 'lt', params)})))`;
}

/** Shown for a link to a post the viewer may not see. */
const UNAVAILABLE_TITLE = 'Unavailable story';

/** The editor's title; else the target's while the viewer may see it. */
export function linkTitle(link: { title: string | null }, visibleTarget: { title: string } | null): string {
  return link.title || (visibleTarget?.title ?? UNAVAILABLE_TITLE);
}

/** The external url; else where the front end shows the target (POST_URL_TEMPLATE), empty while it is hidden. */
export function linkUrl(
  link: { url: string | null },
  visibleTarget: { slug: string } | null,
  postUrlTemplate: string,
): string {
  if (link.url) return link.url;
  return visibleTarget ? postUrlTemplate.replace('{slug}', visibleTarget.slug) : '';
}
