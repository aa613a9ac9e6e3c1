import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';
import { COMMENT_BODY_MAX } from '../domain/text-size';
import { withoutNul } from './post-mapping';

/**
 * A comment's body as we keep it: plain text (clients escape it), from the HTML both formats
 * export. Paragraphs stay apart by a blank line and line breaks stay, so a reader's text reads
 * as it was written; a link keeps only its text (the old site's comments carry many spam links).
 * Longer than a comment may be, it is cut (and `cut` says so).
 */
export function commentText(html: string): { text: string; cut: boolean } {
  const marked = withoutNul(html)
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|blockquote|li|h[1-6]|pre)>/gi, '$&\n\n');
  const stripped = decodeHTML(sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} }));
  const text = stripped
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const characters = [...text];
  if (characters.length <= COMMENT_BODY_MAX) return { text, cut: false };
  return { text: `${characters.slice(0, COMMENT_BODY_MAX - 1).join('')}…`, cut: true };
}
