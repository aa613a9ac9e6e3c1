import { PostRevision } from '../entities/post-revision.entity';
import { Post } from '../entities/post.entity';
import { canSeeRevisions } from '../policy/post.policy';
import { ReaderScope } from './reader-scope';

/** The only way to revisions: they are for those who may edit the post (post policy). */
export class RevisionReader {
  constructor(private readonly scope: ReaderScope) {}

  /** Post.revisions: newest first, or none for a viewer who may not edit the post. */
  async ofPost(post: Post): Promise<PostRevision[]> {
    return canSeeRevisions(this.scope.viewer(), post) ? this.scope.loaders.revisionsByPost.load(post.id) : [];
  }

  async byId(id: string): Promise<PostRevision | null> {
    const revision = await this.scope.loaders.revisionById.load(id);
    const post = revision && (await this.scope.loaders.postById.load(revision.postId));
    return post && canSeeRevisions(this.scope.viewer(), post) ? revision : null;
  }
}
