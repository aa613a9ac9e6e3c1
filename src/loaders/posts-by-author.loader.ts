import { Queryable } from '../db/queryable';
import { Post } from '../entities/post.entity';
import { BY_PUBLISHED_AT } from '../pagination/sort-orders';
import { publicListSql } from '../policy/post.policy';
import { POST_READ_COLUMNS } from './post-by-id.loader';
import { createWindowedPageLoader } from './windowed-page.loader';

/** Author.posts pages: each author's live posts, newest first. */
export function createPostsByAuthorLoader(db: Queryable) {
  return createWindowedPageLoader<Post>(db, {
    order: BY_PUBLISHED_AT,
    select: `SELECT ${POST_READ_COLUMNS}`,
    from: 'FROM posts p',
    parentColumn: 'p.author_id',
    where: [publicListSql('p')],
    json: true,
  });
}
