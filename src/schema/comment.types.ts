import { Comment } from '../entities/comment.entity';
import { connectionTypes } from './connection.types';

export const { Connection: CommentConnection } = connectionTypes(Comment, 'Comment');
