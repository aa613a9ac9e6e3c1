/**
 * A tag as it is stored and as readers filter by it (posts' tags, `posts(filter: { tag })`,
 * feeds, live tickers): trimmed, lower case, inner whitespace as one space. One function for
 * writes and reads, so a filter written as the tag was typed finds it.
 */
export function normalizeTag(tag: string): string {
  return tag.trim().toLowerCase().replace(/\s+/g, ' ');
}
