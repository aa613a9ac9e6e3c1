import { EntityManager } from 'typeorm';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { Viewer } from '../auth/viewer';
import { returningRows } from '../db/returning-rows';
import { inTransaction } from '../db/transaction';
import { violatedUniqueIndex } from '../db/unique-violation';
import { CacheKey } from '../domain/cache-keys';
import { AUTHOR_READ, Author } from '../entities/author.entity';
import { selectList } from '../entities/columns';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors/api-errors';
import { recordEvents } from '../events/outbox';
import { canEditAuthor } from '../policy/author.policy';
import { AuthorChanges, NewAuthor } from './author.commands';
import { claimSlug, slugForNewRow } from './slug';

/** What writes hand back: what reads select. */
const AUTHOR_RETURN_COLUMNS = selectList(Author, 'a', AUTHOR_READ);

function rethrowUniqueViolation(error: unknown): never {
  const index = violatedUniqueIndex(error);
  if (index === 'authors_email_key') throw new ConflictError('That email already belongs to an author.', 'email');
  if (index === 'authors_slug_key') throw new ConflictError('That slug is taken.', 'slug');
  throw error;
}

/** Creating authors and editing profiles. */
export class AuthorService {
  constructor(private readonly db: EntityManager) {}

  async create(input: NewAuthor): Promise<Author> {
    return inTransaction(this.db, async (m) => {
      const email = input.email.trim();
      const taken: unknown[] = await m.query('SELECT 1 FROM authors WHERE lower(email) = lower($1)', [email]);
      if (taken.length > 0) throw new ConflictError('That email already belongs to an author.', 'email');
      const slug = await slugForNewRow(m, 'authors', input.slug, input.name, 'author');
      const [author]: Author[] = await m.query(
        `INSERT INTO authors AS a (slug, name, email, password_hash, role, bio, avatar_url)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${AUTHOR_RETURN_COLUMNS}`,
        [
          slug,
          input.name.trim(),
          email,
          await hashPassword(input.password),
          input.role,
          input.bio ?? null,
          input.avatarUrl ?? null,
        ],
      );
      return author;
    }).catch(rethrowUniqueViolation);
  }

  /** Admins edit anyone; everyone else only themself. */
  async update(viewer: Viewer, authorId: string, input: AuthorChanges): Promise<Author> {
    if (!canEditAuthor(viewer, authorId)) throw new ForbiddenError('Only admins may edit another author’s profile.');
    return inTransaction(this.db, async (m) => {
      const [current]: Array<Author & { passwordHash: string }> = await m.query(
        `SELECT ${selectList(Author, 'a')} FROM authors a WHERE a.id = $1 FOR UPDATE`,
        [authorId],
      );
      if (!current) throw new NotFoundError('Author');
      if (
        input.password != null &&
        authorId === viewer.id &&
        !(await verifyPassword(current.passwordHash, input.currentPassword ?? ''))
      ) {
        throw new BadUserInputError('Give your current password to set a new one.', 'currentPassword');
      }
      let slug = current.slug;
      if (input.slug != null && input.slug !== current.slug) {
        slug = await claimSlug(m, 'authors', input.slug, authorId);
      }
      const [author] = returningRows<Author>(
        await m.query(
          `UPDATE authors AS a SET slug = $2, name = $3, bio = $4, avatar_url = $5, password_hash = $6,
               token_version = token_version + $7, updated_at = now()
             WHERE id = $1 RETURNING ${AUTHOR_RETURN_COLUMNS}`,
          [
            authorId,
            slug,
            input.name != null ? input.name.trim() : current.name,
            input.bio !== undefined ? input.bio : current.bio,
            input.avatarUrl !== undefined ? input.avatarUrl : current.avatarUrl,
            input.password != null ? await hashPassword(input.password) : current.passwordHash,
            // A new password ends the sessions signed in with the old one.
            input.password != null ? 1 : 0,
          ],
        ),
      );
      // Bylines are in lists too: an answer too big to name its authors is tagged list:post.
      const cacheKeys = [CacheKey.author(authorId), CacheKey.postLists];
      await recordEvents(m, [{ type: 'author.updated', authorId, cacheKeys }]);
      return author;
    }).catch(rethrowUniqueViolation);
  }

  /** Whether an author has this email (the bootstrap admin is created only when none has). */
  async emailExists(email: string): Promise<boolean> {
    const existing: unknown[] = await this.db.query('SELECT 1 FROM authors WHERE lower(email) = lower($1)', [
      email.trim(),
    ]);
    return existing.length > 0;
  }
}
