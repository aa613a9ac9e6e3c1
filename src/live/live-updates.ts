import { EventBus } from '../bus/event-bus';
import { LiveEvent } from '../bus/live-event';
import { LiveUpdates } from '../context/context';
import { normalizeTag } from '../domain/tag';
import { inPublicThread } from '../policy/comment.policy';
import { isLive } from '../policy/post.policy';
import { Readers } from '../readers';
import { liveStream } from './live-stream';

/**
 * `readersForEvent` gives the readers to read an event with: new DataLoaders for each event, so
 * every event is read as it is now and as the subscriber sees it (visibility is checked per
 * event, per subscriber); null means the subscriber's sign-in has ended, which ends the stream.
 */
export function createLiveUpdates(
  bus: EventBus,
  readersForEvent: (event: LiveEvent) => Promise<Readers | null>,
): LiveUpdates {
  return {
    commentsAdded: (postId) =>
      liveStream(bus, 'comment.visible', async (event) => {
        if (event.kind !== 'comment.visible' || event.postId !== postId) return null;
        const readers = await readersForEvent(event);
        if (!readers) return undefined;
        // Staff see pending comments too; this stream is the readers' public thread: approved
        // comments, and replies only under an approved parent.
        const comment = await readers.comments.byId(event.commentId);
        if (!comment) return null;
        const parent = comment.parentId ? await readers.comments.byId(comment.parentId) : null;
        if (comment.parentId && !parent) return null;
        return inPublicThread(comment, parent) ? comment : null;
      }),
    postsPublished: (tag) => {
      const wanted = tag === null ? null : normalizeTag(tag);
      return liveStream(bus, 'post.live', async (event) => {
        if (event.kind !== 'post.live') return null;
        const readers = await readersForEvent(event);
        if (!readers) return undefined;
        // Editors see drafts too; this stream is of live posts only (and still live when read,
        // by the later of our clock and the database's at the event: ours may trail).
        const post = await readers.posts.byId(event.postId);
        const now = new Date(Math.max(Date.now(), Date.parse(event.at)));
        return post && isLive(post, now) && (wanted === null || post.tags.includes(wanted)) ? post : null;
      });
    },
  };
}
