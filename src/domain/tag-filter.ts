/** A tag as readers filter by it (`posts(filter: { tag })`, feeds, live tickers): trimmed, lower case. */
export function tagFilter(tag: string): string {
  return tag.trim().toLowerCase();
}
