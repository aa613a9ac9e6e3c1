/**
 * A related link's served `position` is its 0-based rank among its post's links: stored
 * positions are sort keys that may have gaps (see RelatedLink.position). Link queries select
 * one of these as `position`, for links aliased `l`.
 */

/** The rank in a query over whole posts' links: a window. */
export const LINK_RANK_IN_WINDOW_SQL = '(row_number() OVER (PARTITION BY l.post_id ORDER BY l.position) - 1)::int';

/** The rank of a link read alone: how many of its post's links come before it. */
export const LINK_RANK_ALONE_SQL =
  '(SELECT count(*) FROM related_links earlier WHERE earlier.post_id = l.post_id AND earlier.position < l.position)::int';
