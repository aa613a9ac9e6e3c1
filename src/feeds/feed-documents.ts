import { Feed, Item } from 'feed';
import { escapeMarkup, xmlSafe } from './markup';

/** A post as feeds show it. */
export interface FeedPost {
  /** The row id: feed entries are `urn:uuid:<id>`, stable when a slug changes. */
  id: string;
  url: string;
  title: string;
  excerpt: string;
  /** Sanitized HTML, as the API serves it. */
  body: string;
  authorName: string;
  authorUrl?: string;
  tags: string[];
  source: string | null;
  coverImageUrl: string | null;
  publishedAt: Date;
  updatedAt: Date;
}

export interface FeedChannel {
  title: string;
  description: string;
  /** The site (or the tag's, the author's page). */
  homeUrl: string;
  /** This feed's own URL, and its siblings in the other formats. */
  feedUrls: { rss: string; atom: string; json: string };
  language: string;
}

/** The body, with the source credit under it (feeds have no field of their own for a credit). */
function contentOf(post: FeedPost): string {
  const body = xmlSafe(post.body);
  return post.source ? `${body}\n<p class="source">Source: ${escapeMarkup(post.source)}</p>` : body;
}

const imageType = (url: string) => {
  const extension = new URL(url).pathname.split('.').pop()?.toLowerCase();
  const known: Record<string, string> = {
    jpg: 'jpeg',
    jpeg: 'jpeg',
    png: 'png',
    gif: 'gif',
    webp: 'webp',
    avif: 'avif',
  };
  return `image/${(extension && known[extension]) ?? 'jpeg'}`;
};

/** RSS 2.0 and Atom 1.0 with the `feed` library. */
function feedOf(channel: FeedChannel, posts: FeedPost[]): Feed {
  const feed = new Feed({
    id: channel.homeUrl,
    // Written as text by the library, which escapes them itself.
    title: xmlSafe(channel.title),
    description: xmlSafe(channel.description),
    link: channel.homeUrl,
    language: channel.language,
    updated: posts.length > 0 ? lastModified(posts) : undefined,
    generator: 'Broadsheet',
    feedLinks: { rss: channel.feedUrls.rss, atom: channel.feedUrls.atom, json: channel.feedUrls.json },
    copyright: '',
  });
  for (const post of posts) {
    // Titles and excerpts are text; Atom declares them HTML, and the `feed` library's XML writer
    // does not break up "]]>" in CDATA sections: escaped, they are text in both formats.
    const item: Item = {
      id: `urn:uuid:${post.id}`,
      title: escapeMarkup(post.title),
      link: post.url,
      date: post.updatedAt,
      published: post.publishedAt,
      description: escapeMarkup(post.excerpt),
      content: contentOf(post),
      author: [{ name: xmlSafe(post.authorName), link: post.authorUrl }],
      // Atom puts categories in attributes, where the library escapes neither < nor >.
      category: post.tags.map((tag) => xmlSafe(tag).replace(/[<>]/g, '')).map((tag) => ({ name: tag, term: tag })),
    };
    if (post.coverImageUrl) item.image = { url: post.coverImageUrl, type: imageType(post.coverImageUrl), length: 0 };
    feed.addItem(item);
  }
  return feed;
}

export const rss2 = (channel: FeedChannel, posts: FeedPost[]) => feedOf(channel, posts).rss2();
export const atom1 = (channel: FeedChannel, posts: FeedPost[]) => feedOf(channel, posts).atom1();

/**
 * JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/). The `feed` library writes version 1
 * (`author` rather than `authors`, no `language`); this is the whole of 1.1 that we use.
 */
export function jsonFeed11(channel: FeedChannel, posts: FeedPost[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: channel.title,
    description: channel.description,
    home_page_url: channel.homeUrl,
    feed_url: channel.feedUrls.json,
    language: channel.language,
    items: posts.map((post) => ({
      id: `urn:uuid:${post.id}`,
      url: post.url,
      title: post.title,
      summary: post.excerpt,
      content_html: contentOf(post),
      ...(post.coverImageUrl ? { image: post.coverImageUrl } : {}),
      date_published: post.publishedAt.toISOString(),
      date_modified: post.updatedAt.toISOString(),
      authors: [{ name: post.authorName, ...(post.authorUrl ? { url: post.authorUrl } : {}) }],
      tags: post.tags,
      ...(post.source ? { _broadsheet: { source: post.source } } : {}),
    })),
  });
}

/** The newest change among the posts: a feed's Last-Modified. */
export function lastModified(posts: Array<{ publishedAt: Date | null; updatedAt: Date }>): Date {
  let newest = 0;
  for (const post of posts) {
    newest = Math.max(newest, post.updatedAt.getTime(), post.publishedAt?.getTime() ?? 0);
  }
  return new Date(newest);
}
