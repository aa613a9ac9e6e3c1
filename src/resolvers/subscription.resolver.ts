import { Arg, ID, Resolver, Root, Subscription } from 'type-graphql';
import type { Context, LiveUpdates } from '../context/context';
import { Comment } from '../entities/comment.entity';
import { Post } from '../entities/post.entity';
import { BadRequestError } from '../errors/api-errors';
import { targetId } from '../schema/global-id';

/** The live streams of a subscription's context; HTTP requests have none (they are refused earlier). */
function liveOf(context: Context): LiveUpdates {
  if (!context.live) throw new BadRequestError('Subscriptions are served over WebSocket (graphql-ws) only.');
  return context.live;
}

@Resolver()
export class SubscriptionResolver {
  @Subscription(() => Comment, {
    description: 'Fires when a comment on the post becomes visible to readers (approved).',
    subscribe: ({ args, context }) =>
      liveOf(context as Context).commentsAdded(targetId((args as { postId: string }).postId, 'Post', 'postId')),
  })
  commentAdded(@Arg('postId', () => ID) _postId: string, @Root() comment: Comment): Comment {
    return comment;
  }

  @Subscription(() => Post, {
    description:
      'Fires when a post goes live: published now, or a scheduled post whose time has come. With tag, only posts carrying it.',
    subscribe: ({ args, context }) =>
      liveOf(context as Context).postsPublished((args as { tag?: string | null }).tag ?? null),
  })
  postPublished(@Arg('tag', () => String, { nullable: true }) _tag: string | null, @Root() post: Post): Post {
    return post;
  }
}
