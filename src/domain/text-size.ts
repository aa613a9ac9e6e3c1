/** The longest texts Broadsheet stores, in characters: the inputs refuse more. */
export const POST_BODY_MAX = 200_000;
export const COMMENT_BODY_MAX = 5_000;
export const AUTHOR_BIO_MAX = 2_000;
export const POST_EXCERPT_MAX = 1_000;

/**
 * GraphQL field extensions of a text field that can be long: the answer-size budget counts such
 * a field by its longest size (src/limits/answer-size.estimator.ts), so that a page of long
 * bodies weighs what it may weigh, not what a title does.
 */
export function longText(maxLength: number): { maxTextLength: number } {
  return { maxTextLength: maxLength };
}
