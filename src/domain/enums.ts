/**
 * The domain's enumerations, as plain TypeScript: entities, policies and services use them
 * without GraphQL; `src/schema/enum-types.ts` registers them as the schema's enums.
 */

/** What an author may do; see CONTRACT.md "Who sees and does what". */
export enum Role {
  ADMIN = 'ADMIN',
  EDITOR = 'EDITOR',
  AUTHOR = 'AUTHOR',
}

export enum PostStatus {
  DRAFT = 'DRAFT',
  SCHEDULED = 'SCHEDULED',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}

export enum CommentStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  SPAM = 'SPAM',
  REJECTED = 'REJECTED',
}

/** The formats images are served in (a GIF's renditions are JPEG). */
export enum ImageFormat {
  JPEG = 'JPEG',
  PNG = 'PNG',
  WEBP = 'WEBP',
  AVIF = 'AVIF',
}

export enum RelatedLinkKind {
  POST = 'POST',
  EXTERNAL = 'EXTERNAL',
}

/** Why a redirect exists: a post's slug changed, an import brought an old URL, or an editor made it. */
export enum RedirectSource {
  SLUG_CHANGE = 'SLUG_CHANGE',
  IMPORT = 'IMPORT',
  MANUAL = 'MANUAL',
}

/** Where a webhook delivery stands: waiting for an attempt, delivered, or given up. */
export enum WebhookDeliveryStatus {
  PENDING = 'PENDING',
  SUCCEEDED = 'SUCCEEDED',
  FAILED = 'FAILED',
}
