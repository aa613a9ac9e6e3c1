import { escapeMarkup } from './markup';

export interface SitemapEntry {
  url: string;
  title: string;
  publishedAt: Date;
  updatedAt: Date;
}

/** sitemap.xml (https://www.sitemaps.org/protocol.html): each live post with its last change. */
export function sitemap(entries: SitemapEntry[]): string {
  const urls = entries.map(
    (entry) => `<url><loc>${escapeMarkup(entry.url)}</loc><lastmod>${entry.updatedAt.toISOString()}</lastmod></url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** A Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap). */
export function newsSitemap(entries: SitemapEntry[], publication: { name: string; language: string }): string {
  const name = escapeMarkup(publication.name);
  const language = escapeMarkup(publication.language);
  const urls = entries.map(
    (entry) =>
      `<url><loc>${escapeMarkup(entry.url)}</loc><news:news><news:publication><news:name>${name}</news:name>` +
      `<news:language>${language}</news:language></news:publication>` +
      `<news:publication_date>${entry.publishedAt.toISOString()}</news:publication_date>` +
      `<news:title>${escapeMarkup(entry.title)}</news:title></news:news></url>`,
  );
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" ` +
    `xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n${urls.join('\n')}\n</urlset>\n`
  );
}
