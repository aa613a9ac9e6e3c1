import { AuthorsPostsRevisions1764100000000 } from './1764100000000-AuthorsPostsRevisions';
import { CommentsRelatedLinks1764200000000 } from './1764200000000-CommentsRelatedLinks';
import { PostTags1764300000000 } from './1764300000000-PostTags';
import { AuthorTokenVersion1764400000000 } from './1764400000000-AuthorTokenVersion';
import { IdempotencyKeys1764500000000 } from './1764500000000-IdempotencyKeys';
import { Events1764600000000 } from './1764600000000-Events';
import { EventPositions1764700000000 } from './1764700000000-EventPositions';
import { EventsNotify1764800000000 } from './1764800000000-EventsNotify';
import { PostsAnnounced1764900000000 } from './1764900000000-PostsAnnounced';
import { IdempotencyKeysClient1765000000000 } from './1765000000000-IdempotencyKeysClient';
import { Webhooks1765100000000 } from './1765100000000-Webhooks';
import { PreviewLinks1765200000000 } from './1765200000000-PreviewLinks';
import { Redirects1765300000000 } from './1765300000000-Redirects';
import { Media1765400000000 } from './1765400000000-Media';
import { ImportSources1765500000000 } from './1765500000000-ImportSources';

/** Every migration, oldest first. Listed explicitly so the compiled and the ts-run code agree. */
export const migrations = [
  AuthorsPostsRevisions1764100000000,
  CommentsRelatedLinks1764200000000,
  PostTags1764300000000,
  AuthorTokenVersion1764400000000,
  IdempotencyKeys1764500000000,
  Events1764600000000,
  EventPositions1764700000000,
  EventsNotify1764800000000,
  PostsAnnounced1764900000000,
  IdempotencyKeysClient1765000000000,
  PreviewLinks1765200000000,
  Redirects1765300000000,
  Media1765400000000,
  Webhooks1765100000000,
  ImportSources1765500000000,
];
