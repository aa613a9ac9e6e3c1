import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';

/** Hosts whose embeds an editor may paste; any other iframe is dropped. */
const EMBED_HOSTS = ['www.youtube.com', 'www.youtube-nocookie.com', 'player.vimeo.com', 'open.spotify.com'];

const BODY_POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags,
    'img',
    'figure',
    'figcaption',
    'picture',
    'source',
    'iframe',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
  ],
  allowedAttributes: {
    a: ['href', 'name', 'target', 'rel', 'title'],
    img: ['src', 'srcset', 'alt', 'title', 'width', 'height', 'loading'],
    source: ['srcset', 'type', 'media'],
    iframe: ['src', 'width', 'height', 'title', 'allow', 'allowfullscreen', 'frameborder'],
    '*': ['id', 'class'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'], iframe: ['https'] },
  allowProtocolRelative: false,
  allowedIframeHostnames: EMBED_HOSTS,
  transformTags: {
    // A link that opens a new tab must not hand the opener to the target page.
    a: (tagName, attribs) =>
      attribs.target === '_blank'
        ? { tagName, attribs: { ...attribs, rel: 'noopener noreferrer' } }
        : { tagName, attribs },
  },
};

/** Allow-list sanitizing of post HTML: no scripts, event handlers, `javascript:` URLs or unknown iframes. */
export function sanitizeBody(html: string): string {
  return sanitizeHtml(html, BODY_POLICY);
}

/** The readable text of (sanitized) HTML, with block boundaries kept as spaces. */
export function htmlToText(html: string): string {
  const spaced = html.replace(/<\/(p|div|h[1-6]|li|blockquote|figcaption|td|th|pre)>|<br\s*\/?>/gi, '$& ');
  const text = sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} });
  return decodeHTML(text).replace(/\s+/g, ' ').trim();
}

const EXCERPT_LENGTH = 280;

/** The first ~280 characters of the text, cut at a word boundary. */
export function deriveExcerpt(html: string): string {
  return excerptOfText(htmlToText(html));
}

/** `deriveExcerpt` of a body whose text (`htmlToText`) is at hand: an import reads each body's text once. */
export function excerptOfText(text: string): string {
  if (text.length <= EXCERPT_LENGTH) return text;
  const cut = text.slice(0, EXCERPT_LENGTH);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > EXCERPT_LENGTH / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,.;:!?-]+$/, '')}…`;
}

const WORDS_PER_MINUTE = 200;

/** Minutes to read the text at 200 words a minute; at least 1. */
export function readingTimeMinutes(html: string): number {
  return readingTimeOfText(htmlToText(html));
}

/** `readingTimeMinutes` of a body's text. */
export function readingTimeOfText(text: string): number {
  const words = text.split(' ').filter(Boolean).length;
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE));
}
