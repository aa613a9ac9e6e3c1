import type { SourceFormat } from '../source-records';

/**
 * Which export a file is, from its first few KB (the root element and its namespace
 * declarations, and in a Blogger backup the first entry's kind, come within the first 2 KB):
 *
 * - Blogger's Takeout feed.atom: an Atom feed binding the 2018 Blogger schema;
 * - Blogger's classic backup: an Atom feed whose entries carry Blogger kind categories (or whose
 *   generator is Blogger);
 * - WordPress WXR: RSS binding a `http://wordpress.org/export/<version>/` namespace.
 *
 * Null for anything else: the caller answers that the file is not an export it reads.
 */
export function detectFormat(head: string): SourceFormat | null {
  const text = head.replace(/^\uFEFF/, '');
  const isAtom = /<(?:[\w.-]+:)?feed[\s>]/.test(text) && text.includes('http://www.w3.org/2005/Atom');
  if (isAtom && text.includes('http://schemas.google.com/blogger/2018')) return 'blogger-takeout';
  if (
    isAtom &&
    (text.includes('http://schemas.google.com/blogger/2008/kind#') ||
      /<(?:[\w.-]+:)?generator[^>]*>\s*Blogger\s*</.test(text))
  ) {
    return 'blogger';
  }
  if (/<rss[\s>]/.test(text) && /["']https?:\/\/wordpress\.org\/export\/\d+\.\d+\/["']/.test(text)) return 'wordpress';
  return null;
}
