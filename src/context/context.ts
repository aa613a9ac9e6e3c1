import { Viewer } from '../auth/viewer';
import { Comment } from '../entities/comment.entity';
import { Post } from '../entities/post.entity';
import { Readers } from '../readers';
import { Services } from '../services';
import { RequestFacts } from './request-facts';

/** The streams behind `Subscription`, for one subscriber (src/live/live-updates.ts). */
export interface LiveUpdates {
  /** Comments on the post as they become visible to readers, when the subscriber may see the post. */
  commentsAdded(postId: string): AsyncIterableIterator<Comment>;
  /** Posts as they go live (with `tag`, only those carrying it) that the subscriber may see. */
  postsPublished(tag: string | null): AsyncIterableIterator<Post>;
}

/**
 * What every resolver gets: who asks, this request's readers (the only way to rows), the
 * services (the only way to change them), and the client's address for rate limits. There is
 * no database handle here on purpose: a resolver that wants SQL wants a reader method.
 */
export interface Context {
  viewer: Viewer | null;
  readers: Readers;
  services: Services;
  /** The client's address as Express sees it (honouring TRUST_PROXY). */
  clientIp: string;
  /** This request's id and what it did, for its log line, its metrics and masked errors. */
  facts: RequestFacts;
  /**
   * Replaces `readers` with new ones over empty DataLoaders. A live subscription reads each
   * event afresh with it: its context lives as long as the subscription does.
   */
  freshReaders(): Readers;
  /** Present on live subscriptions only: the events they listen to. */
  live?: LiveUpdates;
  /** After `login`: the rest of the operation is read as the author who just signed in. */
  signIn(viewer: Viewer): void;
}
