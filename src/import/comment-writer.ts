import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CacheKey } from '../domain/cache-keys';
import { CommentStatus } from '../domain/enums';
import { commentText } from './comment-text';
import { Tally } from './import-report';
import { withoutNul } from './post-mapping';
import { KnownSource, SourceIds, SourceRow, contentHash } from './source-ids';
import { SourceComment, SourceCommentStatus } from './source-records';

/** The old site's moderation states as ours: a comment in the trash was rejected there. */
const STATUSES: Record<SourceCommentStatus, CommentStatus> = {
  approved: CommentStatus.APPROVED,
  pending: CommentStatus.PENDING,
  spam: CommentStatus.SPAM,
  trash: CommentStatus.REJECTED,
};

/** A name as addComment takes it. */
const AUTHOR_NAME_MAX = 100;

/** A comment to write, on the post (ours) it belongs to. */
export interface CommentToWrite {
  postId: string;
  comment: SourceComment;
  line: number;
}

/** A reply written top-level because what it answers was not here yet: threaded at the end of the run. */
export interface Orphan {
  commentId: string;
  postId: string;
  sourceId: string;
  parentSourceId: string;
  line: number;
}

type KnownComment = KnownSource & { postId: string | null; status: CommentStatus | null };
const COMMENT_FACTS = 't.post_id AS "postId", t.status';

interface CommentRow {
  id: string;
  post_id: string;
  parent_id: string | null;
  author_name: string;
  body: string;
  status: CommentStatus;
  created_at: Date;
}

function authorNameOf(comment: SourceComment): string {
  const name = withoutNul(comment.authorName).replace(/\s+/g, ' ').trim() || 'Anonymous';
  return name.length > AUTHOR_NAME_MAX ? name.slice(0, AUTHOR_NAME_MAX).trimEnd() : name;
}

/**
 * Writes comments in `m`: new ones in one statement (ids made here, so replies name their
 * parents in the same statement; oldest first, as a reply comes after what it answers), changed
 * ones (a newer export: text, name, moderation state) in another, and their source ids. A reply
 * whose parent is on another post is kept top-level and noted; one whose parent is not known yet
 * is kept top-level and answered as an orphan, to be threaded at the end. The pages of posts
 * whose readers see a change go into `keys`.
 */
export async function writeComments(
  m: EntityManager,
  sources: SourceIds,
  given: CommentToWrite[],
  tally: Tally,
  keys: Set<string>,
): Promise<Orphan[]> {
  const seen = new Set<string>();
  const items = given.filter(({ comment, line }) => {
    if (!seen.has(comment.sourceId)) return seen.add(comment.sourceId);
    tally.skip('comment', comment.sourceId, line, 'appears twice in the file; the first is kept');
    return false;
  });
  const ids = items.flatMap(({ comment }) => [
    comment.sourceId,
    ...(comment.parentSourceId ? [comment.parentSourceId] : []),
  ]);
  const known = await sources.find<KnownComment>(m, 'comment', ids, COMMENT_FACTS);
  const ours = new Map<string, { id: string; postId: string }>();
  for (const [sourceId, row] of known)
    if (row.present && row.postId) ours.set(sourceId, { id: row.targetId, postId: row.postId });
  const fresh: CommentRow[] = [];
  const changed: CommentRow[] = [];
  const remembered: SourceRow[] = [];
  const orphans: Orphan[] = [];
  const readersSee = (postId: string) => keys.add(CacheKey.post(postId)).add(CacheKey.postLists);
  items.sort((a, b) => a.comment.createdAt.getTime() - b.comment.createdAt.getTime());
  for (const { postId, comment, line } of items) {
    const { sourceId } = comment;
    const hash = contentHash(comment);
    const earlier = known.get(sourceId);
    if (earlier && !earlier.present) {
      tally.skip('comment', sourceId, line, 'deleted here since an earlier import; left deleted');
      continue;
    }
    if (earlier?.hash === hash) {
      tally.count('comments', 'unchanged');
      continue;
    }
    const { text, cut } = commentText(comment.bodyHtml);
    if (!text) {
      tally.skip('comment', sourceId, line, 'no text once its HTML is removed');
      continue;
    }
    if (cut) tally.note('comment', sourceId, line, 'cut to 5000 characters, the most a comment holds');
    const row: CommentRow = {
      id: earlier?.targetId ?? randomUUID(),
      post_id: earlier?.postId ?? postId,
      parent_id: null,
      author_name: authorNameOf(comment),
      body: text,
      status: STATUSES[comment.status],
      created_at: comment.createdAt,
    };
    remembered.push({ sourceId, targetId: row.id, hash });
    if (row.status === CommentStatus.APPROVED || earlier?.status === CommentStatus.APPROVED) readersSee(row.post_id);
    if (earlier) {
      changed.push(row);
      continue;
    }
    const parentSourceId = comment.parentSourceId;
    const parent = parentSourceId ? ours.get(parentSourceId) : undefined;
    if (parent?.postId === postId) row.parent_id = parent.id;
    else if (parent)
      tally.note('comment', sourceId, line, `answers ${parentSourceId}, a comment on another post: kept top-level`);
    else if (parentSourceId) orphans.push({ commentId: row.id, postId, sourceId, parentSourceId, line });
    ours.set(sourceId, { id: row.id, postId });
    fresh.push(row);
  }
  await insertComments(m, fresh);
  await updateComments(m, changed);
  await sources.record(m, 'comment', remembered);
  tally.count('comments', 'created', fresh.length);
  tally.count('comments', 'updated', changed.length);
  return orphans;
}

const RECORD = `jsonb_to_recordset($1::jsonb) AS r(id uuid, post_id uuid, parent_id uuid, author_name text, body text,
  status text, created_at timestamptz)`;

async function insertComments(m: EntityManager, rows: CommentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await m.query(
    `INSERT INTO comments (id, post_id, parent_id, author_name, body, status, created_at, updated_at)
     SELECT r.id, r.post_id, r.parent_id, r.author_name, r.body, r.status, r.created_at, r.created_at FROM ${RECORD}`,
    [JSON.stringify(rows)],
  );
}

async function updateComments(m: EntityManager, rows: CommentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await m.query(
    `UPDATE comments c SET author_name = r.author_name, body = r.body, status = r.status, updated_at = now()
     FROM ${RECORD} WHERE c.id = r.id`,
    [JSON.stringify(rows)],
  );
}

/**
 * At the end of a run: threads the replies written top-level because what they answer came
 * later in the file (Blogger lists comments newest first); one whose parent never came, or is
 * on another post, stays top-level and is noted.
 */
export async function threadOrphans(
  m: EntityManager,
  sources: SourceIds,
  orphans: Orphan[],
  tally: Tally,
  keys: Set<string>,
): Promise<void> {
  const parents = await sources.find<KnownComment>(
    m,
    'comment',
    orphans.map((o) => o.parentSourceId),
    COMMENT_FACTS,
  );
  const fixes: Array<[string, string]> = [];
  for (const orphan of orphans) {
    const parent = parents.get(orphan.parentSourceId);
    if (parent?.present && parent.postId === orphan.postId) {
      fixes.push([orphan.commentId, parent.targetId]);
      keys.add(CacheKey.post(orphan.postId)).add(CacheKey.postLists);
    } else {
      const why = parent?.present ? 'a comment on another post' : 'not in the import';
      tally.note('comment', orphan.sourceId, orphan.line, `answers ${orphan.parentSourceId}, ${why}: kept top-level`);
    }
  }
  if (fixes.length === 0) return;
  await m.query(
    `UPDATE comments c SET parent_id = f.parent_id FROM unnest($1::uuid[], $2::uuid[]) AS f(id, parent_id) WHERE c.id = f.id`,
    [fixes.map(([id]) => id), fixes.map(([, parentId]) => parentId)],
  );
}
