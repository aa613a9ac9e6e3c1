import { EntityManager } from 'typeorm';
import { Viewer } from '../auth/viewer';
import { returningRows } from '../db/returning-rows';
import { inTransaction } from '../db/transaction';
import { PREVIEW_EXPIRY_SECONDS, newPreviewToken, previewTokenHash, previewUrl } from '../domain/preview-token';
import { selectList } from '../entities/columns';
import { PostRevision } from '../entities/post-revision.entity';
import { NotFoundError } from '../errors/api-errors';
import { lockEditablePost } from './post-versioning';
import { IssuedPreviewLink, NewPreviewLink, PreviewLinkSettings } from './preview-link.commands';

const REVISION_COLUMNS = selectList(PostRevision, 'r');

/** Rows the prune job removes per round; a full round asks for another at once. */
const PRUNE_BATCH = 1000;

/** SQL: the link aliased `alias` still opens its post. */
const liveLinkSql = (alias: string) => `(${alias}.revoked_at IS NULL AND ${alias}.expires_at > now())`;

/**
 * Preview links (CONTRACT.md "Previews"): made and revoked by the post's author, editors and
 * admins. Each change locks the post row, so the cap of live links per post holds under
 * concurrent requests, and a link is never made for a post being deleted.
 */
export class PreviewLinkService {
  constructor(
    private readonly db: EntityManager,
    private readonly settings: PreviewLinkSettings,
  ) {}

  /**
   * A new link to `postId` (or one of its revisions). Past PREVIEW_LINKS_PER_POST live links,
   * the oldest are revoked: a newsroom tool that makes a link per click of "Preview" keeps
   * working, and the link given up is the one least likely still to be read.
   */
  async create(viewer: Viewer, postId: string, input: NewPreviewLink): Promise<IssuedPreviewLink> {
    const token = newPreviewToken();
    return inTransaction(this.db, async (m) => {
      const { post } = await lockEditablePost(m, viewer, postId);
      let revision: PostRevision | null = null;
      if (input.revisionId != null) {
        // A revision of another post names nothing here, as restoreRevision answers it.
        [revision = null] = (await m.query(
          `SELECT ${REVISION_COLUMNS} FROM post_revisions r WHERE r.id = $1 AND r.post_id = $2`,
          [input.revisionId, post.id],
        )) as PostRevision[];
        if (!revision) throw new NotFoundError('Revision');
      }
      // Keep the newest linksPerPost - 1 live links, so with the new one there are linksPerPost.
      await m.query(
        `UPDATE preview_links SET revoked_at = now() WHERE id IN (
           SELECT l.id FROM preview_links l WHERE l.post_id = $1 AND ${liveLinkSql('l')}
           ORDER BY l.created_at DESC, l.id DESC OFFSET $2)`,
        [post.id, this.settings.linksPerPost - 1],
      );
      const [{ expiresAt }] = (await m.query(
        `INSERT INTO preview_links (post_id, revision_id, token_hash, expires_at, created_by)
         VALUES ($1, $2, $3, now() + make_interval(secs => $4), $5) RETURNING expires_at AS "expiresAt"`,
        [
          post.id,
          revision?.id ?? null,
          previewTokenHash(token),
          input.expiresInSeconds ?? PREVIEW_EXPIRY_SECONDS.default,
          viewer.id,
        ],
      )) as Array<{ expiresAt: Date }>;
      const url = previewUrl(this.settings.urlTemplate, this.settings.publicBaseUrl, token);
      return { token, url, expiresAt, post, revision };
    });
  }

  /** Every live link of the post stops working; answers how many there were. Links made later work. */
  async revokeAll(viewer: Viewer, postId: string): Promise<number> {
    return inTransaction(this.db, async (m) => {
      const { post } = await lockEditablePost(m, viewer, postId);
      const revoked = returningRows<{ id: string }>(
        await m.query(
          `UPDATE preview_links l SET revoked_at = now() WHERE l.post_id = $1 AND ${liveLinkSql('l')} RETURNING l.id`,
          [post.id],
        ),
      );
      return revoked.length;
    });
  }

  /**
   * Removes links that open nothing any more (expired or revoked), a batch at a time: the table
   * holds at most PREVIEW_LINKS_PER_POST live links per post, plus those that ended since the
   * last round. Answers whether a full batch went (more may be waiting).
   */
  async prune(): Promise<boolean> {
    const removed = returningRows<{ id: string }>(
      await this.db.query(
        `DELETE FROM preview_links WHERE id IN (
           SELECT l.id FROM preview_links l WHERE NOT ${liveLinkSql('l')} LIMIT $1) RETURNING id`,
        [PRUNE_BATCH],
      ),
    );
    return removed.length === PRUNE_BATCH;
  }
}
