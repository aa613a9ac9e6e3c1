import { PostItem } from './post-batch';
import { SourceComment, SourceItem } from './source-records';

/** Posts per transaction: few statements per batch, and a batch's bodies held at once stay small. */
const POSTS_PER_BATCH = 100;
/** Bytes of HTML per batch, whichever comes first: a batch of long posts is cut short. */
const BYTES_PER_BATCH = 4 * 1024 * 1024;
/** Blogger's comments (entries of their own) per transaction. */
const COMMENTS_PER_BATCH = 500;

/** A Blogger comment, naming its post by source id. */
export interface CommentItem {
  postSourceId: string;
  comment: SourceComment;
  line: number;
}

/** What the writer takes in one go: consecutive posts, consecutive comments, or one item to report. */
export type ItemBatch =
  | { kind: 'posts'; items: PostItem[] }
  | { kind: 'comments'; items: CommentItem[] }
  | Extract<SourceItem, { kind: 'skipped' } | { kind: 'malformed' }>;

const htmlBytes = (item: PostItem) =>
  item.post.bodyHtml.length + item.post.comments.reduce((sum, comment) => sum + comment.bodyHtml.length, 0);

/**
 * The parser's items in batches, in file order: a run of posts (WordPress's carry their
 * comments) or a run of Blogger's comments, each cut at a count or a size. Comments come after
 * the posts before them are written, so their posts are found by source id.
 */
export async function* itemBatches(items: AsyncIterable<SourceItem>): AsyncGenerator<ItemBatch> {
  let posts: PostItem[] = [];
  let bytes = 0;
  let comments: CommentItem[] = [];
  const flush = function* (): Generator<ItemBatch> {
    if (posts.length > 0) yield { kind: 'posts', items: posts };
    if (comments.length > 0) yield { kind: 'comments', items: comments };
    posts = [];
    comments = [];
    bytes = 0;
  };
  for await (const item of items) {
    if (item.kind === 'post') {
      if (comments.length > 0) yield* flush();
      posts.push({ post: item.post, line: item.line });
      bytes += htmlBytes(posts[posts.length - 1]);
      if (posts.length >= POSTS_PER_BATCH || bytes >= BYTES_PER_BATCH) yield* flush();
    } else if (item.kind === 'comment') {
      if (posts.length > 0) yield* flush();
      comments.push({ postSourceId: item.postSourceId, comment: item.comment, line: item.line });
      if (comments.length >= COMMENTS_PER_BATCH) yield* flush();
    } else yield item;
  }
  yield* flush();
}

/**
 * `source` one item ahead: while the writer waits on the database for one batch, the parser
 * reads the next (two cores: one parses and sanitizes, one runs PostgreSQL). At most two
 * batches are held.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let next = iterator.next();
  try {
    for (;;) {
      const result = await next;
      if (result.done) return;
      next = iterator.next();
      yield result.value;
    }
  } finally {
    // The writer stopped early (it failed): the read ahead's outcome is nobody's.
    next.catch(() => undefined);
    await iterator.return?.();
  }
}
