import { isDeepStrictEqual } from 'node:util';
import { CacheKey } from '../domain/cache-keys';
import { PostStatus } from '../domain/enums';
import { instantText, instantTime } from '../domain/instant';
import { Post } from '../entities/post.entity';
import { isLive } from '../policy/post.policy';
import { NewEvent } from './event';

/** The fields whose change readers see in a post's page. */
const CONTENT_FIELDS = ['slug', 'title', 'body', 'excerpt', 'source', 'coverImageUrl', 'coverMediaId', 'tags'] as const;

type PostFacts = Pick<Post, 'id' | 'authorId' | 'tags' | 'featured' | 'status' | 'publishedAt'> & Partial<Post>;

/**
 * Whether readers see the post, or will without anyone acting: live, or scheduled. A draft or an
 * archived post is seen by staff only, whose answers no cache keeps, so its changes name no
 * cache key (an author saving a draft every few seconds would otherwise purge every list page).
 * Scheduled posts count as seen whatever their time: a change to one moves the moment caches
 * must not keep answers past (the response cache's schedule horizon moves with events' keys),
 * and nothing depends on this process's clock agreeing with the database's.
 */
function readersMaySee(post: Pick<Post, 'status'>): boolean {
  return post.status === PostStatus.PUBLISHED || post.status === PostStatus.SCHEDULED;
}

/** Every cache key a post's change may touch: its page, the lists, its tags (old and new), its author, the featured list. */
export function postCacheKeys(...versions: PostFacts[]): string[] {
  const [post] = versions;
  return [
    CacheKey.post(post.id),
    CacheKey.postLists,
    CacheKey.author(post.authorId),
    ...versions.flatMap((version) => version.tags.map((tag) => CacheKey.tag(tag))),
    ...(versions.some((version) => version.featured) ? [CacheKey.featured] : []),
  ];
}

/** The events of one change of a post, from the row before and after it (at `now`). */
export function postChangeEvents(before: PostFacts, after: PostFacts, now = new Date()): NewEvent[] {
  const cacheKeys = readersMaySee(before) || readersMaySee(after) ? postCacheKeys(before, after) : [];
  const event = (type: NewEvent['type'], payload?: Record<string, unknown>): NewEvent => ({
    type,
    postId: after.id,
    authorId: after.authorId,
    cacheKeys,
    payload,
  });
  const events: NewEvent[] = [];
  const wasLive = isLive(before, now);
  const liveNow = isLive(after, now);
  if (!wasLive && liveNow)
    events.push(
      event('post.published', { publishedAt: after.publishedAt ? instantText(after.publishedAt) : undefined }),
    );
  else if (wasLive && !liveNow)
    events.push(event(after.status === PostStatus.ARCHIVED ? 'post.archived' : 'post.unpublished'));
  else if (after.status === PostStatus.ARCHIVED && before.status !== PostStatus.ARCHIVED)
    events.push(event('post.archived'));
  if (
    !liveNow &&
    after.status === PostStatus.SCHEDULED &&
    (before.status !== PostStatus.SCHEDULED ||
      (before.publishedAt && instantTime(before.publishedAt)) !== (after.publishedAt && instantTime(after.publishedAt)))
  ) {
    events.push(event('post.scheduled', { publishAt: after.publishedAt ? instantText(after.publishedAt) : undefined }));
  }
  if (before.featured !== after.featured) events.push(event('post.featured', { featured: after.featured }));
  if (CONTENT_FIELDS.some((field) => !isDeepStrictEqual(before[field], after[field])))
    events.push(event('post.updated'));
  return events;
}

/**
 * A post deleted: its keys, and the pages of the posts that linked to it. Those lose the link:
 * readers never saw a link to a post they cannot see, but the others' served positions (ranks
 * among all of the post's links) move up, on their pages and in lists that show links.
 */
export function postDeletedEvent(post: PostFacts, linkingPostIds: string[]): NewEvent {
  const linking = linkingPostIds.map((id) => CacheKey.post(id));
  const cacheKeys = readersMaySee(post)
    ? [...postCacheKeys(post), ...linking]
    : linking.length > 0
      ? [...linking, CacheKey.postLists]
      : [];
  return { type: 'post.deleted', postId: post.id, authorId: post.authorId, cacheKeys };
}

/** A change of a post's curated links: its page shows them, and lists do (the mobile feed). */
export function relatedLinksChangedEvent(post: Pick<Post, 'id' | 'status'>): NewEvent {
  // An answer too big to name its posts is tagged list:post.
  const cacheKeys = readersMaySee(post) ? [CacheKey.post(post.id), CacheKey.postLists] : [];
  return { type: 'related-links.changed', postId: post.id, cacheKeys };
}
