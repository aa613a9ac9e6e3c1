import { isDeepStrictEqual } from 'node:util';
import { CacheKey } from '../domain/cache-keys';
import { PostStatus } from '../domain/enums';
import { Post } from '../entities/post.entity';
import { isLive } from '../policy/post.policy';
import { NewEvent } from './event';

/** The fields whose change readers see in a post's page. */
const CONTENT_FIELDS = ['slug', 'title', 'body', 'excerpt', 'source', 'coverImageUrl', 'tags'] as const;

type PostFacts = Pick<Post, 'id' | 'authorId' | 'tags' | 'featured' | 'status' | 'publishedAt'> & Partial<Post>;

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
  const cacheKeys = postCacheKeys(before, after);
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
  if (!wasLive && liveNow) events.push(event('post.published', { publishedAt: after.publishedAt?.toISOString() }));
  else if (wasLive && !liveNow)
    events.push(event(after.status === PostStatus.ARCHIVED ? 'post.archived' : 'post.unpublished'));
  else if (after.status === PostStatus.ARCHIVED && before.status !== PostStatus.ARCHIVED)
    events.push(event('post.archived'));
  if (
    !liveNow &&
    after.status === PostStatus.SCHEDULED &&
    (before.status !== PostStatus.SCHEDULED || before.publishedAt?.getTime() !== after.publishedAt?.getTime())
  ) {
    events.push(event('post.scheduled', { publishAt: after.publishedAt?.toISOString() }));
  }
  if (before.featured !== after.featured) events.push(event('post.featured', { featured: after.featured }));
  if (CONTENT_FIELDS.some((field) => !isDeepStrictEqual(before[field], after[field])))
    events.push(event('post.updated'));
  return events;
}
