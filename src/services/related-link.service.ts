import { EntityManager } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { LINK_RANK_IN_WINDOW_SQL } from '../db/link-rank.sql';
import { inTransaction } from '../db/transaction';
import { RelatedLinkKind } from '../domain/enums';
import { selectList } from '../entities/columns';
import { Post } from '../entities/post.entity';
import { RelatedLink } from '../entities/related-link.entity';
import { BadUserInputError, NotFoundError } from '../errors/api-errors';
import { recordEvents } from '../events/outbox';
import { relatedLinksChangedEvent } from '../events/post-events';
import { canSeePost } from '../policy/post.policy';
import { POST_WRITE_COLUMNS, lockEditablePost } from './post-versioning';
import { NewRelatedLink } from './related-link.commands';

const MAX_LINKS_PER_POST = 50;

/** `reorderRelatedLinks` was not given exactly the post's links. */
export function wrongLinkIdsError(): BadUserInputError {
  return new BadUserInputError("Send exactly this post's related link ids, each once, in the new order.", 'linkIds');
}

const LINK_COLUMNS_RANKED = selectList(RelatedLink, 'l', { computed: { position: LINK_RANK_IN_WINDOW_SQL } });

/** A post's links in order, ranked, with their stored sort keys. */
function linksOf(m: EntityManager, postId: string): Promise<Array<RelatedLink & { sortKey: number }>> {
  return m.query(
    `SELECT ${LINK_COLUMNS_RANKED}, l.position AS "sortKey" FROM related_links l WHERE l.post_id = $1 ORDER BY l.position`,
    [postId],
  );
}

/**
 * Curated related links, by the post's author, editors and admins. Each change locks the post
 * row, so concurrent edits of one post's links take turns.
 */
export class RelatedLinkService {
  constructor(private readonly db: EntityManager) {}

  /** A link to the post `targetPostId`, or (without it) to `input.url`. */
  async add(viewer: Viewer, postId: string, input: NewRelatedLink, targetPostId?: string): Promise<RelatedLink> {
    const hasTarget = targetPostId !== undefined;
    if (hasTarget === (input.url != null))
      throw new BadUserInputError('Give exactly one of targetPostId and url.', 'targetPostId');
    if (input.url != null && input.title == null)
      throw new BadUserInputError('An external link needs a title.', 'title');
    return inTransaction(this.db, async (m) => {
      // The link's foreign key locks the target row; with A->B and B->A added at once, each
      // transaction would hold one post and wait for the other. Locking both first, in id
      // order, makes the second wait for the first instead of deadlocking.
      if (hasTarget) {
        await m.query('SELECT 1 FROM posts WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE', [
          [postId, targetPostId],
        ]);
      }
      const { post } = await lockEditablePost(m, viewer, postId);
      if (hasTarget) {
        const [target] = (await m.query(`SELECT ${POST_WRITE_COLUMNS} FROM posts p WHERE p.id = $1`, [
          targetPostId,
        ])) as Post[];
        if (!target || !canSeePost(viewer, target)) throw new NotFoundError('Target post');
        if (targetPostId === post.id)
          throw new BadUserInputError('A post cannot be related to itself.', 'targetPostId');
      }
      const existing = await linksOf(m, post.id);
      if (hasTarget && existing.some((link) => link.targetPostId === targetPostId)) {
        throw new BadUserInputError('That post is already linked.', 'targetPostId');
      }
      if (existing.length >= MAX_LINKS_PER_POST)
        throw new BadUserInputError(`A post has at most ${MAX_LINKS_PER_POST} related links.`, 'postId');
      // `existing` is in order; insert before the link now at the asked place (its sort key), or after the last.
      const place = Math.min(input.position ?? existing.length, existing.length);
      const key =
        place < existing.length ? existing[place].sortKey : (existing[existing.length - 1]?.sortKey ?? -1) + 1;
      await m.query('UPDATE related_links SET position = position + 1 WHERE post_id = $1 AND position >= $2', [
        post.id,
        key,
      ]);
      const [link]: RelatedLink[] = await m.query(
        `INSERT INTO related_links AS l (post_id, kind, target_post_id, url, title, position)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${selectList(RelatedLink, 'l')}`,
        [
          post.id,
          hasTarget ? RelatedLinkKind.POST : RelatedLinkKind.EXTERNAL,
          targetPostId ?? null,
          input.url ?? null,
          input.title?.trim() ?? null,
          key,
        ],
      );
      await recordEvents(m, [relatedLinksChangedEvent(post)]);
      // Served as its rank: exactly the links before it in `existing` come before it now.
      return { ...link, position: place };
    });
  }

  async remove(viewer: Viewer, linkId: string): Promise<boolean> {
    return inTransaction(this.db, async (m) => {
      const [found]: Array<{ postId: string }> = await m.query(
        'SELECT post_id AS "postId" FROM related_links WHERE id = $1',
        [linkId],
      );
      if (!found) throw new NotFoundError('Related link');
      const { post } = await lockEditablePost(m, viewer, found.postId);
      await m.query('DELETE FROM related_links WHERE id = $1', [linkId]);
      await recordEvents(m, [relatedLinksChangedEvent(post)]);
      return true;
    });
  }

  /** `linkIds` must be exactly the post's links, each once, in the new order. */
  async reorder(viewer: Viewer, postId: string, linkIds: string[]): Promise<RelatedLink[]> {
    return inTransaction(this.db, async (m) => {
      const { post } = await lockEditablePost(m, viewer, postId);
      const current = new Set((await linksOf(m, post.id)).map((link) => link.id));
      const given = new Set(linkIds);
      if (given.size !== linkIds.length || given.size !== current.size || linkIds.some((id) => !current.has(id))) {
        throw wrongLinkIdsError();
      }
      await m.query(
        `UPDATE related_links l SET position = o.ordinality - 1
         FROM unnest($2::uuid[]) WITH ORDINALITY AS o(id, ordinality)
         WHERE l.id = o.id AND l.post_id = $1`,
        [post.id, linkIds],
      );
      await recordEvents(m, [relatedLinksChangedEvent(post)]);
      return linksOf(m, post.id);
    });
  }
}
