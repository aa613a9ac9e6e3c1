import type { SourceAuthor } from '../source-records';
import { child, childrenNamed, childText, NS, type XmlElement } from './xml-element';
import type { ElementPath } from './xml-records';

/** Blogger writes this where it keeps an author's address to itself: no address at all. */
const PLACEHOLDER_EMAILS = new Set(['noreply@blogger.com']);

/** `<feed><entry>`: the records of both Blogger formats. */
export function isAtomEntry(path: ElementPath): boolean {
  return (
    path.length === 2 &&
    path[0].uri === NS.atom &&
    path[0].local === 'feed' &&
    path[1].uri === NS.atom &&
    path[1].local === 'entry'
  );
}

/** The entry's Atom id (`tag:blogger.com,1999:blog-123.post-456`), or null. */
export function entryId(entry: XmlElement): string | null {
  return childText(entry, NS.atom, 'id') || null;
}

/** An address, or null for none and for Blogger's placeholder. */
export function realEmail(text: string | undefined): string | null {
  const email = text?.trim() ?? '';
  return email === '' || PLACEHOLDER_EMAILS.has(email.toLowerCase()) ? null : email;
}

/**
 * The entry's first author. Blogger names an author by profile URL (`<uri>`), the one id it
 * exports for a person; without one, the name stands for the id.
 */
export function entryAuthor(entry: XmlElement, fallbackName: string): SourceAuthor {
  const author = child(entry, NS.atom, 'author');
  const name = (author && childText(author, NS.atom, 'name')) || fallbackName;
  const uri = author ? childText(author, NS.atom, 'uri') : '';
  return { sourceId: uri || name, name, email: realEmail(author && childText(author, NS.atom, 'email')) };
}

/**
 * The body as HTML. Blogger writes `type='html'` (escaped HTML, already unescaped by the XML
 * parser); a `type='text'` body is plain text, escaped here so that it stays text.
 */
export function entryHtml(entry: XmlElement): string {
  const content = child(entry, NS.atom, 'content');
  if (!content) return '';
  if (content.attrs.type === 'text') {
    return content.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  }
  return content.text.trim();
}

/** The href of the first `<link>` with this rel (and type, when given), or null. */
export function linkHref(entry: XmlElement, rel: string, type?: string): string | null {
  const link = childrenNamed(entry, NS.atom, 'link').find(
    (candidate) => candidate.attrs.rel === rel && (type === undefined || candidate.attrs.type === type),
  );
  return link?.attrs.href?.trim() || null;
}

/** The terms of the entry's categories in one scheme (or, without a scheme test, all of them). */
export function categoryTerms(entry: XmlElement, scheme?: (value: string) => boolean): string[] {
  return childrenNamed(entry, NS.atom, 'category')
    .filter((category) => scheme === undefined || scheme(category.attrs.scheme ?? ''))
    .map((category) => (category.attrs.term ?? '').trim())
    .filter((term) => term !== '');
}

/** Blogger's slug: the last segment of a post's path without `.html` (/2019/11/a-post.html). */
export function slugFromPath(pathOrUrl: string | null): string | null {
  if (!pathOrUrl) return null;
  const path = pathOrUrl.replace(/[?#].*$/, '');
  const last = path.slice(path.lastIndexOf('/') + 1).replace(/\.html?$/, '');
  return last || null;
}
