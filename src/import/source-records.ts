/**
 * What an export file holds, read by a format's streaming parser (Blogger's classic backup,
 * Blogger's Takeout feed.atom, WordPress WXR) and written by the importer: the one shape both
 * sides agree on, so a format is only a parser and the writer knows no format.
 *
 * A parser yields items in file order and keeps nothing but the entry it is reading: a
 * WordPress post carries its comments (they are nested in its <item>); Blogger's comments are
 * entries of their own, often after every post, so they come as `comment` items naming their
 * post by source id.
 */

export type SourceFormat = 'blogger' | 'blogger-takeout' | 'wordpress';

/** A post's state in the source, before the importer maps it (private and trash are not ours). */
export type SourcePostStatus = 'published' | 'draft' | 'scheduled' | 'private' | 'trash';

/** A comment's moderation state in the source (WordPress: 1, 0, spam, trash). */
export type SourceCommentStatus = 'approved' | 'pending' | 'spam' | 'trash';

export interface SourceAuthor {
  /** The export's own id or login for the author when it has one, else the name. */
  sourceId: string;
  name: string;
  /** A real address, or null where the export carries none or a placeholder (noreply@blogger.com). */
  email: string | null;
}

export interface SourceComment {
  /** Unique within the export (Blogger's entry id, WordPress's wp:comment_id). */
  sourceId: string;
  /** The comment this one answers, by source id; null for a top-level comment. */
  parentSourceId: string | null;
  authorName: string;
  authorEmail: string | null;
  /** As the export has it (HTML in both formats): the importer turns it into plain text. */
  bodyHtml: string;
  createdAt: Date;
  status: SourceCommentStatus;
}

export interface SourcePost {
  /** Unique and stable across exports of the same blog (Blogger's post id, WordPress's wp:post_id). */
  sourceId: string;
  title: string;
  /** As the export has it: the importer sanitizes it. */
  bodyHtml: string;
  status: SourcePostStatus;
  /** When it went (or goes, for scheduled) live; null for a draft that never did. */
  publishedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  /** Labels, categories and tags as the export names them (the importer normalises). */
  tags: string[];
  author: SourceAuthor;
  /**
   * The post's public URL on the old site, when the export has one: absolute, or a path from the
   * site's root where the export names no address (Takeout's blogger:filename). Only its path
   * matters to the importer (the redirect).
   */
  oldUrl: string | null;
  /** The slug the old site used (WordPress's wp:post_name), when the export has one. */
  oldSlug: string | null;
  /** WordPress nests a post's comments in it; Blogger sends them as `comment` items. */
  comments: SourceComment[];
}

export type SourceItem =
  | { kind: 'post'; post: SourcePost; line: number }
  | { kind: 'comment'; postSourceId: string; comment: SourceComment; line: number }
  /** Understood and deliberately not imported: a page, an attachment, a settings or template entry. */
  | { kind: 'skipped'; sourceId: string; what: string; reason: string; line: number }
  /** Not understood: an entry missing what it needs, or XML that breaks off; the rest goes on. */
  | { kind: 'malformed'; sourceId: string | null; reason: string; line: number };

/** A parser: the file as a stream of bytes in, items out, in file order, memory flat. */
export type SourceParser = (input: NodeJS.ReadableStream) => AsyncIterable<SourceItem>;
