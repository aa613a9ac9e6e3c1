import { DataSource } from 'typeorm';
import { COMMENT_COLUMNS, Comment } from '../entities/comment.entity';
import { ConnectionValue } from '../schema/connection.types';
import { CommentStatus } from '../schema/enums';
import { BY_CREATED_AT_ASC } from '../loaders/comments.loaders';
import { PageRequest, keysetPage } from './keyset-page';

/** Query.moderationQueue: comments of one status on every post, oldest first. */
export function moderationQueue(db: DataSource, status: CommentStatus, page: PageRequest): Promise<ConnectionValue<Comment>> {
  return keysetPage<Comment>(
    db,
    { select: `SELECT ${COMMENT_COLUMNS}`, from: 'FROM comments c', where: ['c.status = $1'], params: [status], order: BY_CREATED_AT_ASC },
    page,
  );
}
