/** A new post, as `createPost` takes it (ids apart: they are decoded before they get here). */
export interface NewPost {
  title: string;
  /** HTML; sanitized on the way in. */
  body: string;
  /** Derived from the title when absent. */
  slug?: string | null;
  excerpt?: string | null;
  source?: string | null;
  coverImageUrl?: string | null;
  /** A media item's row id (decoded), as the cover; null removes it. */
  coverMediaId?: string | null;
  tags?: string[] | null;
}

/** A change to a post: absent fields stay as they are; null clears the optional ones (excerpt: back to derived). */
export interface PostChanges {
  title?: string | null;
  body?: string | null;
  slug?: string | null;
  excerpt?: string | null;
  source?: string | null;
  coverImageUrl?: string | null;
  /** A media item's row id (decoded), as the cover; null removes it. */
  coverMediaId?: string | null;
  tags?: string[] | null;
}
