/**
 * The two operations the benchmark sends, to Broadsheet and to the hand-written endpoint alike
 * (same body: `{operationName, query, variables}`), and which the parity test compares.
 */

/** A home page: 20 posts with author, three comments and the curated links. */
const SIMPLE_FEED = `query SimpleFeed($first: Int!) { posts(first: $first) { nodes { id slug title excerpt publishedAt tags author { name slug } comments(first: 3) { nodes { authorName body createdAt } } relatedLinks { title url } } } }`;

/** The README's mobile feed page: threads with replies, links with targets, related posts. */
const MOBILE_FEED = `query MobileFeed($first: Int!) { posts(first: $first) { pageInfo { hasNextPage endCursor } nodes { title commentCount author { name } comments(first: 3) { nodes { authorName body replies { authorName body } } } relatedLinks { title url targetPost { slug } } relatedPosts(limit: 3) { slug title author { name } } } } }`;

export type FeedName = 'SimpleFeed' | 'MobileFeed';

const FEED_QUERIES: Record<FeedName, string> = { SimpleFeed: SIMPLE_FEED, MobileFeed: MOBILE_FEED };

/** The JSON body of a POST /graphql for `feed` with `first` posts. */
export function feedRequestBody(feed: FeedName, first: number): string {
  return JSON.stringify({ operationName: feed, query: FEED_QUERIES[feed], variables: { first } });
}

/** The pages whose answers must be equal on both targets: each feed at 5, 20 and 100 posts. */
export const PARITY_PAGES: ReadonlyArray<readonly [FeedName, number]> = [
  ['SimpleFeed', 5],
  ['SimpleFeed', 20],
  ['SimpleFeed', 100],
  ['MobileFeed', 5],
  ['MobileFeed', 20],
  ['MobileFeed', 100],
];
