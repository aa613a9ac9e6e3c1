import { CacheKey } from '../domain/cache-keys';
import { Post } from '../entities/post.entity';
import { RelatedLink } from '../entities/related-link.entity';
import { canSeePost } from '../policy/post.policy';
import { canSeeLink, canSeeLinkTarget, linkTitle, linkUrl } from '../policy/related-link.policy';
import { ReaderScope } from './reader-scope';

/** The only way to related links: each post's links and links by id, under the link policy. */
export class RelatedLinkReader {
  constructor(
    private readonly scope: ReaderScope,
    /** POST_URL_TEMPLATE: where the front end shows a post. */
    private readonly postUrlTemplate: string,
  ) {}

  private async isVisible(link: RelatedLink, post: Post | null): Promise<boolean> {
    if (!post) return false;
    const target = link.targetPostId ? await this.scope.loaders.postById.load(link.targetPostId) : null;
    // The links of the very post a preview token opened show what readers would see were it live.
    if (this.scope.openedByPreview.get(post.id) === post) return canSeeLinkTarget(this.scope.viewer(), link, target);
    return canSeeLink(this.scope.viewer(), link, post, target);
  }

  /** Post.relatedLinks: the post's links the viewer may see, in the editor's order. */
  async ofPost(post: Post): Promise<RelatedLink[]> {
    // Link changes purge their post's key; a hidden target shows again when it is published.
    this.scope.cacheKeys.add(CacheKey.post(post.id));
    const links = await this.scope.loaders.relatedLinksByPost.load(post.id);
    for (const link of links) if (link.targetPostId) this.scope.cacheKeys.add(CacheKey.post(link.targetPostId));
    const visible = await Promise.all(links.map((link) => this.isVisible(link, post)));
    return links.filter((_link, i) => visible[i]);
  }

  async byId(id: string): Promise<RelatedLink | null> {
    const link = await this.scope.loaders.relatedLinkById.load(id);
    if (!link) {
      this.scope.cacheKeys.add(CacheKey.postLists); // link events purge it
      return null;
    }
    // Seen or not, the answer changes with its post and its target.
    this.scope.cacheKeys.add(CacheKey.post(link.postId));
    if (link.targetPostId) this.scope.cacheKeys.add(CacheKey.post(link.targetPostId));
    return (await this.isVisible(link, await this.scope.loaders.postById.load(link.postId))) ? link : null;
  }

  /** RelatedLink.targetPost: the linked post while the viewer may see it. */
  async targetOf(link: RelatedLink): Promise<Post | null> {
    if (!link.targetPostId) return null;
    // A link shows its target's title and slug, or hides it: either changes with the target.
    this.scope.cacheKeys.add(CacheKey.post(link.targetPostId));
    const target = await this.scope.loaders.postById.load(link.targetPostId);
    return target && canSeePost(this.scope.viewer(), target) ? target : null;
  }

  async titleOf(link: RelatedLink): Promise<string> {
    return linkTitle(link, link.title ? null : await this.targetOf(link));
  }

  async urlOf(link: RelatedLink): Promise<string> {
    return linkUrl(link, link.url ? null : await this.targetOf(link), this.postUrlTemplate);
  }
}
