import { PostStatus } from '../domain/enums';
import { normalizeTag } from '../domain/tag';
import { POST_BODY_MAX } from '../domain/text-size';
import { excerptOfText, htmlToText, readingTimeOfText, sanitizeBody } from '../services/html-content';
import { slugify } from '../services/slug';
import { MAX_TAGS_PER_POST, MAX_TAG_LENGTH } from '../services/tags';
import { SourcePost } from './source-records';

/** A title as createPost takes it: 1..300 characters. */
const TITLE_MAX = 300;
/** A title made from a body's first words, for a post the old site let go untitled (Blogger does). */
const TITLE_FROM_TEXT = 80;

/** A post as it will be stored: the export's post mapped onto ours, before its slug and author are found. */
export interface MappedPost {
  title: string;
  /** Sanitized HTML (images not yet fetched). */
  body: string;
  excerpt: string;
  readingTimeMinutes: number;
  status: PostStatus;
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  tags: string[];
  /** The old site's slug (post_name, or its URL's last segment less .html), in our slug form; still to be found free. */
  oldSlug: string | null;
  /** The old URL's path as the export has it, not yet normalised. */
  oldPath: string | null;
  /** What was changed on the way in, for the report. */
  notes: string[];
}

export type PostMapping = { post: MappedPost } | { skip: string };

/** PostgreSQL text holds no NUL; nothing readable is lost without it. */
export const withoutNul = (text: string) => text.replace(/\0/g, '');

/**
 * Our status and publication time for the export's. A date in the future is SCHEDULED whatever
 * the export called it (it goes live then, announced by the go-live sweep); a past one PUBLISHED.
 * Private posts become drafts: only their author and editors see them, as close as we come to
 * "signed-in readers of the old site only".
 */
function statusOf(source: SourcePost, now: Date, notes: string[]): Pick<MappedPost, 'status' | 'publishedAt'> {
  if (source.status === 'draft' || source.status === 'private') return { status: PostStatus.DRAFT, publishedAt: null };
  const at = source.publishedAt ?? (source.status === 'published' ? source.createdAt : null);
  if (!at) {
    notes.push('scheduled with no date: imported as a draft');
    return { status: PostStatus.DRAFT, publishedAt: null };
  }
  return { status: at.getTime() > now.getTime() ? PostStatus.SCHEDULED : PostStatus.PUBLISHED, publishedAt: at };
}

function titleOf(source: SourcePost, text: string, notes: string[]): string {
  const given = withoutNul(source.title).replace(/\s+/g, ' ').trim();
  if (given.length > TITLE_MAX) {
    notes.push(`title cut to ${TITLE_MAX} characters`);
    return `${given.slice(0, TITLE_MAX - 1).trimEnd()}…`;
  }
  if (given) return given;
  notes.push('had no title: named after its first words');
  const cut = text.length <= TITLE_FROM_TEXT ? text : `${text.slice(0, TITLE_FROM_TEXT).replace(/\s+\S*$/, '')}…`;
  return cut || `Untitled post of ${source.createdAt.toISOString().slice(0, 10)}`;
}

function tagsOf(source: SourcePost, notes: string[]): string[] {
  const tags: string[] = [];
  for (const raw of source.tags) {
    const tag = normalizeTag(withoutNul(raw));
    if (!tag || tags.includes(tag)) continue;
    if (tag.length > MAX_TAG_LENGTH)
      notes.push(`tag "${tag.slice(0, 20)}…" left out: over ${MAX_TAG_LENGTH} characters`);
    else tags.push(tag);
  }
  if (tags.length > MAX_TAGS_PER_POST) {
    notes.push(`${tags.length - MAX_TAGS_PER_POST} tags left out: a post has at most ${MAX_TAGS_PER_POST}`);
  }
  return tags.slice(0, MAX_TAGS_PER_POST);
}

/** The path of the old URL (absolute, or a path), or null when it has none. */
function oldPathOf(oldUrl: string | null): string | null {
  if (!oldUrl) return null;
  if (oldUrl.startsWith('/')) return oldUrl;
  try {
    const url = new URL(oldUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.pathname : null;
  } catch {
    return null;
  }
}

/** WordPress's post_name, else the old URL's last segment less `.html`, in our slug form. */
function oldSlugOf(source: SourcePost, oldPath: string | null): string | null {
  const segment = oldPath?.split('/').filter(Boolean).pop() ?? '';
  const raw = source.oldSlug?.trim() || segment.replace(/\.html?$/i, '');
  if (!raw) return null;
  let decoded = raw;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    // A stray % in an old slug: slugify drops it.
  }
  return slugify(decoded, '') || null;
}

/** The export's post as we store it, or why it is left out. */
export function mapPost(source: SourcePost, now: Date): PostMapping {
  if (source.status === 'trash') return { skip: 'in the trash' };
  const notes: string[] = [];
  const body = sanitizeBody(withoutNul(source.bodyHtml));
  if (body.length > POST_BODY_MAX) {
    return { skip: `its body is ${body.length} characters once sanitized; a post holds at most ${POST_BODY_MAX}` };
  }
  const text = htmlToText(body);
  const oldPath = oldPathOf(source.oldUrl);
  return {
    post: {
      title: titleOf(source, text, notes),
      body,
      excerpt: excerptOfText(text),
      readingTimeMinutes: readingTimeOfText(text),
      ...statusOf(source, now, notes),
      createdAt: source.createdAt,
      updatedAt: source.updatedAt,
      tags: tagsOf(source, notes),
      oldSlug: oldSlugOf(source, oldPath),
      oldPath,
      notes,
    },
  };
}

/** What the export said of a post, as hashed to tell a newer export's change (comments have their own). */
export function postSourceFacts(source: SourcePost): unknown {
  const { comments: _comments, updatedAt: _updatedAt, ...facts } = source;
  return facts;
}
