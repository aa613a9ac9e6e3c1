/**
 * What live subscribers are told: which comment became visible to readers, which post went
 * live. Ids only: each subscriber reads the rest itself, as who it is, when the event arrives.
 */
export type LiveEvent =
  | { kind: 'comment.visible'; seq: string; postId: string; commentId: string }
  /** `at`: when it went live by the database's clock (ISO 8601), which the server's may trail. */
  | { kind: 'post.live'; seq: string; postId: string; at: string }
  /** What changed, by cache key, for every instance's response cache. */
  | { kind: 'keys.changed'; seq: string; keys: string[] };
