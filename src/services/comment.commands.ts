/** The longest comment, in characters as a reader counts them. */
export { COMMENT_BODY_MAX } from '../domain/text-size';

/** A new comment (the post and parent ids travel beside it, decoded). */
export interface NewComment {
  /** Plain text, stored exactly as written. */
  body: string;
  /** Required unless signed in. */
  authorName?: string | null;
}
