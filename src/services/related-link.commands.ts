/** A new related link: to a post (its id travels beside it, decoded) or to a url with a title. */
export interface NewRelatedLink {
  url?: string | null;
  title?: string | null;
  /** 0-based; appended at the end when absent. */
  position?: number | null;
}
