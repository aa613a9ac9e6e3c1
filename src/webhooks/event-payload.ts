import { PostStatus } from '../domain/enums';
import { toGlobalId } from '../domain/global-id';
import { absolutePostUrl } from '../domain/post-url';
import { StoredEvent } from '../events/dispatcher';
import { servedStatus } from '../policy/post.policy';

/** What a delivery says of the post an event names, read when the delivery is made. */
export interface PostFacts {
  slug: string;
  title: string;
  status: PostStatus;
  publishedAt: Date | null;
  authorId: string;
}

/** The body of every attempt of one event's delivery (CONTRACT.md "Webhooks"). */
export interface WebhookBody {
  type: string;
  /** When the event happened, RFC 3339. */
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * `{type, timestamp, data}` for an event: the event's own payload (publishedAt, featured,
 * status, ...), the ids it names as the API serves them, its sequence (so receivers can order
 * events), its cache keys, and for an event of a post (not of one of its comments, whose own
 * `status` it carries) that still exists, the post's slug, title, status as the API serves it,
 * and absolute URL. A deleted post has only its id left to name.
 */
export function webhookBody(
  event: StoredEvent,
  post: PostFacts | null,
  postUrl: (slug: string) => string,
): WebhookBody {
  const data: Record<string, unknown> = {
    ...event.payload,
    sequence: Number(event.seq),
    ...(event.postId ? { postId: toGlobalId('Post', event.postId) } : {}),
    ...(event.commentId ? { commentId: toGlobalId('Comment', event.commentId) } : {}),
    ...(event.authorId ? { authorId: toGlobalId('Author', event.authorId) } : {}),
    ...(post && !event.commentId
      ? { slug: post.slug, title: post.title, status: servedStatus(post), url: postUrl(post.slug) }
      : {}),
    keys: event.cacheKeys,
  };
  return { type: event.type, timestamp: new Date(event.occurredAt).toISOString(), data };
}

/** Where the front end shows a post, absolute: as the feeds link it (src/domain/post-url.ts). */
export function postUrlFor(baseUrl: string, postUrlTemplate: string): (slug: string) => string {
  return (slug) => absolutePostUrl(baseUrl, postUrlTemplate, slug);
}
