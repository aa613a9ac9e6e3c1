import type { Request } from 'express';
import { SLUG_MAX, TAG_FILTER_MAX } from '../domain/text-size';

/** What a feed lists: the whole site, one tag, or one author's posts (by slug). */
export interface FeedFilter {
  tag?: string;
  authorSlug?: string;
}

/** One query parameter, bounded as `posts(filter:)` bounds it; a message when it cannot be used. */
function parameter(query: Request['query'], name: string, max: number): { value?: string } | { refused: string } {
  const value: unknown = query[name];
  if (value === undefined) return {};
  if (typeof value !== 'string') return { refused: `Give ?${name}= once.` };
  // PostgreSQL text cannot hold U+0000: the statement would fail, a 500 for the client's mistake.
  if (value.includes('\u0000')) return { refused: `?${name}= must not contain a NUL character.` };
  if ([...value].length > max) return { refused: `?${name}= is at most ${max} characters.` };
  return { value };
}

/** `?tag=` (blank: the whole site) and `?author=<slug>`, checked before anything reads them. */
export function feedFilterOf(query: Request['query']): FeedFilter | { refused: string } {
  const tag = parameter(query, 'tag', TAG_FILTER_MAX);
  if ('refused' in tag) return tag;
  const author = parameter(query, 'author', SLUG_MAX);
  if ('refused' in author) return author;
  return { tag: tag.value?.trim() ? tag.value : undefined, authorSlug: author.value };
}
