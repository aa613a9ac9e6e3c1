import { Comment } from '../entities/comment.entity';
import { connectionTypes } from './connection.types';

export const { Edge: CommentEdge, Connection: CommentConnection } = connectionTypes(Comment, 'Comment');
