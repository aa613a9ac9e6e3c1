import DataLoader from 'dataloader';
import { Queryable } from '../db/queryable';
import { Role } from '../domain/enums';
import { UUID } from '../domain/uuid';
import { TokenClaims } from './tokens';
import { Viewer } from './viewer';

interface SessionRow {
  id: string;
  role: Role;
  tokenVersion: number;
}

/**
 * Whether a verified token still stands for someone, checked on every signed-in request: the
 * author must exist and the token must carry their current token version (sign-out and a
 * password change raise it); the role is the current one, not the one at sign-in. Requests that
 * arrive together share one statement; nothing is cached between ticks, so a change counts from
 * the very next request.
 */
export function createSessionCheck(db: Queryable): (claims: TokenClaims) => Promise<Viewer | null> {
  const authors = new DataLoader<string, SessionRow | null>(
    async (ids) => {
      // One id that is not a uuid would fail the statement for every request in the batch.
      // Verified tokens carry none (TokenService.verify); this keeps it so for any claims.
      const rows = (await db.query(
        `SELECT id, role, token_version AS "tokenVersion" FROM authors WHERE id = ANY($1::uuid[])`,
        [ids.filter((id) => UUID.test(id))],
      )) as SessionRow[];
      const byId = new Map(rows.map((row) => [row.id, row]));
      return ids.map((id) => byId.get(id) ?? null);
    },
    { cache: false },
  );
  return async ({ authorId, tokenVersion }) => {
    const author = await authors.load(authorId);
    return author && author.tokenVersion === tokenVersion ? { id: author.id, role: author.role } : null;
  };
}
