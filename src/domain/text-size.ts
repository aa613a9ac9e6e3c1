/** The longest texts Broadsheet stores, in characters: the inputs refuse more. */
export const POST_BODY_MAX = 200_000;
export const COMMENT_BODY_MAX = 5_000;
export const AUTHOR_BIO_MAX = 2_000;
export const POST_EXCERPT_MAX = 1_000;
/** A tag as a filter takes it (`posts(filter: { tag })`, feeds): stored tags are shorter, this leaves room for spacing. */
export const TAG_FILTER_MAX = 100;
/** A slug as a lookup or a filter takes it (`author(slug:)`, `posts(filter: { authorSlug })`, feeds). */
export const SLUG_MAX = 200;
/** An author's display name. */
export const AUTHOR_NAME_MAX = 120;
/** The longest address SMTP can deliver to (RFC 5321, section 4.5.3.1.3: a 256-octet path less its brackets). */
export const EMAIL_MAX = 254;
/**
 * Passwords, wherever one is given: createAuthor, updateAuthor (new and current) and login. A
 * stored password is never longer, so a longer one at login can only be wrong, and refusing it
 * first keeps argon2 and the limiters from being handed megabytes.
 */
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;

/**
 * GraphQL field extensions of a text field that can be long: the answer-size budget counts such
 * a field by its longest size (src/limits/answer-size.estimator.ts), so that a page of long
 * bodies weighs what it may weigh, not what a title does.
 */
export function longText(maxLength: number): { maxTextLength: number } {
  return { maxTextLength: maxLength };
}
