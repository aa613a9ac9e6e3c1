import { DataSource } from 'typeorm';
import { POST_COLUMNS, Post } from '../entities/post.entity';
import { LIVE_POST_SQL } from '../policy/post-visibility';
import { BY_PUBLISHED_AT } from '../queries/post-lists.query';
import { createWindowedPageLoader } from './windowed-page.loader';

/** Author.posts pages: each author's live posts, newest first. */
export function createPostsByAuthorLoader(db: DataSource) {
  return createWindowedPageLoader<Post>(db, {
    order: BY_PUBLISHED_AT,
    select: `SELECT ${POST_COLUMNS}`,
    from: 'FROM posts p',
    parentColumn: 'p.author_id',
    where: [LIVE_POST_SQL],
  });
}
