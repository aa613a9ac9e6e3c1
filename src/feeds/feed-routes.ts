import { createHash } from 'node:crypto';
import express, { Request, Response } from 'express';
import { instantDate } from '../domain/instant';
import { absolutePostUrl } from '../domain/post-url';
import { markPrivate, markPublic } from '../http-cache/cache-headers';
import { notModified } from '../http-cache/conditional-request';
import { PublicCacheControl } from '../http-cache/public-cache-control';
import { Readers } from '../readers';
import { FeedChannel, FeedPost, atom1, jsonFeed11, lastModified, rss2 } from './feed-documents';
import { feedFilterOf } from './feed-filter';
import { LINK_HEADERS, linkBaseOf } from './link-base';
import { SitemapEntry, newsSitemap, sitemap } from './sitemaps';

/** Posts in a feed (CONTRACT.md "Delivery"). */
const FEED_SIZE = 50;
/** The most URLs one sitemap file may list (sitemaps.org), and a news sitemap (Google). */
const SITEMAP_SIZE = 50_000;
const NEWS_SITEMAP_SIZE = 1000;
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;

export interface FeedRoutesDeps {
  /** Middleware each feed route runs first (CORS, compression). */
  before: express.RequestHandler[];
  /** Anonymous readers for one request, and where they note the cache keys of what they read. */
  readersFor(res: Response): { readers: Readers; cacheKeys: Set<string> };
  /** PUBLIC_BASE_URL; unset: the scheme and Host of each request, checked (link-base.ts). */
  publicBaseUrl: string | undefined;
  /** POST_URL_TEMPLATE: where the front end shows a post (`{slug}`). */
  postUrlTemplate: string;
  siteTitle: string;
  siteLanguage: string;
  publicCacheControl: PublicCacheControl;
}

/**
 * A plain-text answer that no cache keeps: what feed readers and crawlers show of a refusal. (The
 * contract's JSON error body is for API clients; these routes speak XML and JSON Feed.)
 */
function answerText(res: Response, status: number, message: string): void {
  markPrivate(res.setHeader.bind(res));
  res.setHeader('x-content-type-options', 'nosniff');
  res.status(status).type('text/plain').send(message);
}

/**
 * RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the newest live posts (the whole site, `?tag=` or
 * `?author=<slug>`), sitemap.xml and the Google News sitemap: read as an anonymous reader, with
 * the cache headers and tags of GraphQL answers, ETag and Last-Modified, and 304 to a request
 * that already has them. What the client sends (the query, and the Host and scheme when links
 * follow the request) is checked before anything is read: what cannot be used is 400.
 */
export function feedRoutes(deps: FeedRoutesDeps): express.Router {
  const router = express.Router();
  const postUrl = (base: string, slug: string) => absolutePostUrl(base, deps.postUrlTemplate, slug);

  const send = async (
    req: Request,
    res: Response,
    body: string,
    contentType: string,
    modified: Date,
    cacheKeys: Set<string>,
  ): Promise<void> => {
    res.setHeader('content-type', contentType);
    await markPublic(res.setHeader.bind(res), deps.publicCacheControl, cacheKeys);
    // Links made from the request's Host and scheme: a shared cache keeps one answer for each.
    if (deps.publicBaseUrl === undefined) for (const header of LINK_HEADERS) res.vary(header);
    // Weak: the same feed gzip- or brotli-compressed is the same feed.
    const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
    res.setHeader('etag', etag);
    res.setHeader('last-modified', modified.toUTCString());
    if (notModified(req.headers, etag, modified)) res.status(304).end();
    else res.status(200).send(body);
  };

  const feed =
    (format: 'rss' | 'atom' | 'json') =>
    async (req: Request, res: Response): Promise<void> => {
      const filter = feedFilterOf(req.query);
      if ('refused' in filter) return answerText(res, 400, filter.refused);
      const link = linkBaseOf(req, deps.publicBaseUrl);
      if ('refused' in link) return answerText(res, 400, link.refused);
      const { base } = link;
      const { tag, authorSlug } = filter;
      const { readers, cacheKeys } = deps.readersFor(res);
      const author = authorSlug === undefined ? null : await readers.authors.bySlug(authorSlug);
      // Not kept by caches: the author may publish a first post any minute, and no key names this.
      if (authorSlug !== undefined && !author) return answerText(res, 404, `No author "${authorSlug}".`);
      const [posts, changedAt] = await Promise.all([
        readers.posts.newestForFeed({ tag, authorSlug }, FEED_SIZE),
        readers.posts.contentChangedAt(),
      ]);
      const authors = await Promise.all(posts.map((post) => readers.authors.credited(post.authorId)));
      const query = tag
        ? `?tag=${encodeURIComponent(tag)}`
        : authorSlug
          ? `?author=${encodeURIComponent(authorSlug)}`
          : '';
      const channel: FeedChannel = {
        title: tag ? `${deps.siteTitle}: ${tag}` : author ? `${deps.siteTitle}: ${author.name}` : deps.siteTitle,
        description: tag
          ? `The newest stories tagged ${tag}.`
          : author
            ? `The newest stories by ${author.name}.`
            : 'The newest stories.',
        homeUrl: `${base}/`,
        feedUrls: {
          rss: `${base}/feeds/rss.xml${query}`,
          atom: `${base}/feeds/atom.xml${query}`,
          json: `${base}/feeds/feed.json${query}`,
        },
        language: deps.siteLanguage,
      };
      const items: FeedPost[] = posts.map((post, i) => ({
        id: post.id,
        url: postUrl(base, post.slug),
        title: post.title,
        excerpt: post.excerpt,
        body: post.body ?? '',
        authorName: authors[i].name,
        tags: post.tags,
        source: post.source,
        coverImageUrl: post.coverImageUrl,
        publishedAt: instantDate(post.publishedAt!),
        updatedAt: instantDate(post.updatedAt),
      }));
      const modified = new Date(Math.max(lastModified(items).getTime(), changedAt?.getTime() ?? 0));
      const [body, type] =
        format === 'rss'
          ? [rss2(channel, items), 'application/rss+xml; charset=utf-8']
          : format === 'atom'
            ? [atom1(channel, items), 'application/atom+xml; charset=utf-8']
            : [jsonFeed11(channel, items), 'application/feed+json; charset=utf-8'];
      await send(req, res, body, type, modified, cacheKeys);
    };

  const sitemapRoute =
    (news: boolean) =>
    async (req: Request, res: Response): Promise<void> => {
      const link = linkBaseOf(req, deps.publicBaseUrl);
      if ('refused' in link) return answerText(res, 400, link.refused);
      const { base } = link;
      const { readers, cacheKeys } = deps.readersFor(res);
      const since = news ? new Date(Date.now() - NEWS_WINDOW_MS) : undefined;
      const [posts, changedAt] = await Promise.all([
        readers.posts.liveForSitemap(news ? NEWS_SITEMAP_SIZE : SITEMAP_SIZE, since),
        readers.posts.contentChangedAt(),
      ]);
      const entries: SitemapEntry[] = posts.map((post) => ({
        url: postUrl(base, post.slug),
        title: post.title,
        publishedAt: instantDate(post.publishedAt!),
        updatedAt: instantDate(post.updatedAt),
      }));
      const body = news
        ? newsSitemap(entries, { name: deps.siteTitle, language: deps.siteLanguage })
        : sitemap(entries);
      const modified = new Date(Math.max(lastModified(entries).getTime(), changedAt?.getTime() ?? 0));
      await send(req, res, body, 'application/xml; charset=utf-8', modified, cacheKeys);
    };

  // Browsers ask before a cross-origin read with custom headers (CORS preflight).
  router.options(
    ['/feeds/rss.xml', '/feeds/atom.xml', '/feeds/feed.json', '/sitemap.xml', '/sitemap-news.xml'],
    ...deps.before,
  );
  router.get('/feeds/rss.xml', ...deps.before, feed('rss'));
  router.get('/feeds/atom.xml', ...deps.before, feed('atom'));
  router.get('/feeds/feed.json', ...deps.before, feed('json'));
  router.get('/sitemap.xml', ...deps.before, sitemapRoute(false));
  router.get('/sitemap-news.xml', ...deps.before, sitemapRoute(true));
  return router;
}
