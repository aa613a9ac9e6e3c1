import { IsOptional, MaxLength } from 'class-validator';
import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { CommentStatus } from '../domain/enums';
import { NewComment } from '../services/comment.commands';
import { ForwardPageArgs } from './page.args';

@InputType()
export class AddCommentInput implements NewComment {
  @Field(() => ID)
  postId!: string;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  parentId?: string | null;

  @Field(() => String, { nullable: true, description: 'Required unless signed in.' })
  @IsOptional()
  @MaxLength(100)
  authorName?: string | null;

  /** Checked in the service: the limit counts characters as a reader sees them, and blank is empty. */
  @Field()
  body!: string;
}

@ArgsType()
export class ModerationQueueArgs extends ForwardPageArgs {
  @Field(() => CommentStatus, { nullable: true, defaultValue: CommentStatus.PENDING })
  status?: CommentStatus | null;
}
