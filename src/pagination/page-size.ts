/** A page a client does not size: the contract's connections default to 20. */
export const DEFAULT_PAGE_SIZE = 20;

/** The contract's bound on `first`, `last` and `limit`. */
export const MAX_PAGE_SIZE = 100;

/** What each plain list (`limit`, not a connection) holds when the client does not say. */
export const DEFAULT_LIST_LIMITS = {
  featuredPosts: 5,
  tags: 50,
  relatedPosts: 5,
} as const;
