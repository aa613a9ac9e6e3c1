import { registerEnumType } from 'type-graphql';

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

registerEnumType(Role, { name: 'Role' });
registerEnumType(PostStatus, { name: 'PostStatus' });

export enum CommentStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  SPAM = 'SPAM',
  REJECTED = 'REJECTED',
}

export enum RelatedLinkKind {
  POST = 'POST',
  EXTERNAL = 'EXTERNAL',
}

registerEnumType(CommentStatus, { name: 'CommentStatus' });
registerEnumType(RelatedLinkKind, { name: 'RelatedLinkKind' });
