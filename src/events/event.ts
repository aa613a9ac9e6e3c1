/** What happened, as integrations and live subscribers see it. */
export type EventType =
  | 'post.published'
  | 'post.scheduled'
  | 'post.updated'
  | 'post.unpublished'
  | 'post.archived'
  | 'post.deleted'
  | 'post.featured'
  | 'comment.added'
  | 'comment.approved'
  | 'comment.rejected'
  | 'comment.deleted'
  | 'related-links.changed'
  | 'author.updated'
  | 'redirect.created'
  | 'media.created'
  | 'media.updated'
  | 'media.deleted'
  | 'import.batch'
  | 'import.completed';

/** An event as a service records it; the outbox adds its sequence number and time. */
export interface NewEvent {
  type: EventType;
  postId?: string;
  commentId?: string;
  authorId?: string;
  /** The cache keys whose content the change affects (src/domain/cache-keys.ts), ids as the API serves them. */
  cacheKeys: string[];
  payload?: Record<string, unknown>;
}
