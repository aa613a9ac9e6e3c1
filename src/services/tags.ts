import { normalizeTag } from '../domain/tag';
import { BadUserInputError } from '../errors/api-errors';

export const MAX_TAGS_PER_POST = 20;
export const MAX_TAG_LENGTH = 50;

/** Trimmed, lower-cased, de-duplicated, in the order given; at most 20. */
export function normalizeTags(tags: readonly string[]): string[] {
  const normalized: string[] = [];
  for (const raw of tags) {
    const tag = normalizeTag(raw);
    if (tag.length === 0) throw new BadUserInputError('A tag must not be empty.', 'tags');
    if (tag.length > MAX_TAG_LENGTH)
      throw new BadUserInputError(`A tag is at most ${MAX_TAG_LENGTH} characters.`, 'tags');
    if (!normalized.includes(tag)) normalized.push(tag);
  }
  if (normalized.length > MAX_TAGS_PER_POST) {
    throw new BadUserInputError(`A post has at most ${MAX_TAGS_PER_POST} tags.`, 'tags');
  }
  return normalized;
}
