import { EventType } from './event';

/**
 * Every event type of the outbox, those offered to webhooks (true) in the order CONTRACT.md lists
 * them. `satisfies` fails the build when EventType gains a type that is not here (or this names
 * one it lacks). An image's later changes are events for caches and purges (their `media:<id>`
 * keys), not the contract's: webhooks are not offered them.
 */
const LISTED = {
  'post.published': true,
  'post.updated': true,
  'post.unpublished': true,
  'post.archived': true,
  'post.deleted': true,
  'post.scheduled': true,
  'post.featured': true,
  'comment.added': true,
  'comment.approved': true,
  'comment.rejected': true,
  'comment.deleted': true,
  'related-links.changed': true,
  'author.updated': true,
  'media.created': true,
  'redirect.created': true,
  'import.completed': true,
  'media.updated': false,
  'media.deleted': false,
  // One import's transaction: what caches drop, never a delivery per imported post (src/import/).
  'import.batch': false,
} as const satisfies Record<EventType, boolean>;

/** What a webhook may ask for (Query.webhookEventTypes), and every endpoint that names none gets. */
export const EVENT_TYPES = (Object.keys(LISTED) as EventType[]).filter((type) => LISTED[type]);

/** Whether a webhook may ask for `value`. */
export function isEventType(value: string): value is EventType {
  return Object.hasOwn(LISTED, value) && LISTED[value as EventType];
}
