/** The shape of the demo content (src/seed/demo-content/index.ts). */
type DemoRole = 'ADMIN' | 'EDITOR' | 'AUTHOR';
type DemoStatus = 'DRAFT' | 'SCHEDULED' | 'PUBLISHED' | 'ARCHIVED';
type DemoCommentStatus = 'PENDING' | 'APPROVED' | 'SPAM' | 'REJECTED';

export interface DemoAuthor {
  /** Short key other records use to refer to this author. */
  key: string;
  name: string;
  email: string; // use @example.com addresses
  role: DemoRole;
  bio: string;
  avatarUrl?: string; // https URLs on example.com if any
}

export interface DemoComment {
  authorName: string;
  body: string; // plain text, 1..5000 chars, no HTML
  status: DemoCommentStatus;
  /** Hours after the post's publication. */
  hoursAfter: number;
  /** Replies; only put replies under APPROVED comments. */
  replies?: DemoComment[];
}

interface DemoRelatedLink {
  /** Key of another demo post, or omit and give url+title for an external link. */
  targetKey?: string;
  url?: string;
  title?: string;
}

export interface DemoPost {
  /** Short unique key, e.g. 'ferry-timetable'. */
  key: string;
  authorKey: string;
  title: string; // 1..300 chars; include a few titles with apostrophes and accented letters (e.g. "Café", "It's") to exercise slug rules
  /** HTML: <p>, <h2>, <blockquote>, <ul><li>, <a href="https://...">, <strong>, <em>. 150-450 words. */
  body: string;
  /** Optional hand-written excerpt; leave it out on about half the posts. */
  excerpt?: string;
  /** Credit line for syndicated stories, e.g. 'Coastal Wire Service'; on about a third of posts. */
  source?: string;
  coverImageUrl?: string; // https://images.example.com/... on about half
  tags: string[]; // 1-5 lower-case tags from a shared vocabulary of ~15 tags, so posts overlap on tags
  status: DemoStatus;
  /** For PUBLISHED/ARCHIVED: days before seeding it went out (0.5 .. 60). For SCHEDULED: negative, days in the future (e.g. -2). Omit for DRAFT. */
  publishedDaysAgo?: number;
  featured?: boolean;
  comments?: DemoComment[];
  relatedLinks?: DemoRelatedLink[];
}

/**
 * A cover image drawn at seed time (src/media/demo-covers.ts): a sky from `sky[0]` at the top to
 * `sky[1]` at the horizon, a sun, and a sea below. Nothing binary is committed.
 */
export interface DemoCover {
  /** Key of the published demo post it becomes the cover of. */
  postKey: string;
  /** Top and horizon colours of the sky, as #rrggbb. */
  sky: [string, string];
  /** The sea's colour, as #rrggbb. */
  sea: string;
  /** Where the sun stands, as fractions of the width and of the sky's height. */
  sun: { x: number; y: number };
  alt: string;
  caption?: string;
  credit: string;
}
