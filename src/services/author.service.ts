import { DataSource } from 'typeorm';
import { AUTHOR_COLUMNS, Author } from '../entities/author.entity';
import { BadUserInputError, ConflictError, ForbiddenError, NotFoundError } from '../errors/api-errors';
import { CreateAuthorInput, UpdateAuthorInput } from '../schema/author.inputs';
import { Role } from '../schema/enums';
import { Viewer } from '../auth/viewer';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { violatedUniqueIndex } from '../db/unique-violation';
import { returningRows } from '../db/returning-rows';
import { claimSlug, slugForNewRow } from './slug';

function rethrowUniqueViolation(error: unknown): never {
  const index = violatedUniqueIndex(error);
  if (index === 'authors_email_key') throw new ConflictError('That email already belongs to an author.', 'email');
  if (index === 'authors_slug_key') throw new ConflictError('That slug is taken.', 'slug');
  throw error;
}

/** Creating authors and editing profiles. */
export class AuthorService {
  constructor(private readonly db: DataSource) {}

  async create(input: CreateAuthorInput): Promise<Author> {
    return this.db
      .transaction(async (m) => {
        const email = input.email.trim();
        const taken: unknown[] = await m.query('SELECT 1 FROM authors WHERE lower(email) = lower($1)', [email]);
        if (taken.length > 0) throw new ConflictError('That email already belongs to an author.', 'email');
        const slug = await slugForNewRow(m, 'authors', input.slug, input.name, 'author');
        const [author]: Author[] = await m.query(
          `INSERT INTO authors AS a (slug, name, email, password_hash, role, bio, avatar_url)
           VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${AUTHOR_COLUMNS}`,
          [slug, input.name.trim(), email, await hashPassword(input.password), input.role, input.bio ?? null, input.avatarUrl ?? null],
        );
        return author;
      })
      .catch(rethrowUniqueViolation);
  }

  /** Admins edit anyone; everyone else only themself. */
  async update(viewer: Viewer, authorId: string | null, input: UpdateAuthorInput): Promise<Author> {
    if (authorId === null) throw new NotFoundError('Author');
    if (authorId !== viewer.id && viewer.role !== Role.ADMIN) {
      throw new ForbiddenError('Only admins may edit another author’s profile.');
    }
    return this.db
      .transaction(async (m) => {
        const [current]: Author[] = await m.query(`SELECT ${AUTHOR_COLUMNS} FROM authors a WHERE a.id = $1 FOR UPDATE`, [authorId]);
        if (!current) throw new NotFoundError('Author');
        if (input.password != null && authorId === viewer.id && !(await verifyPassword(current.passwordHash, input.currentPassword ?? ''))) {
          throw new BadUserInputError('Give your current password to set a new one.', 'currentPassword');
        }
        let slug = current.slug;
        if (input.slug != null && input.slug !== current.slug) {
          slug = await claimSlug(m, 'authors', input.slug, authorId);
        }
        const [author] = returningRows<Author>(await m.query(
          `UPDATE authors AS a SET slug = $2, name = $3, bio = $4, avatar_url = $5, password_hash = $6, updated_at = now()
           WHERE id = $1 RETURNING ${AUTHOR_COLUMNS}`,
          [
            authorId,
            slug,
            input.name != null ? input.name.trim() : current.name,
            input.bio !== undefined ? input.bio : current.bio,
            input.avatarUrl !== undefined ? input.avatarUrl : current.avatarUrl,
            input.password != null ? await hashPassword(input.password) : current.passwordHash,
          ],
        ));
        return author;
      })
      .catch(rethrowUniqueViolation);
  }

  /** Creates the ADMIN named by ADMIN_EMAIL/ADMIN_PASSWORD unless an author has that email. */
  async ensureAdmin(email: string, password: string): Promise<'created' | 'exists'> {
    const existing: unknown[] = await this.db.query('SELECT 1 FROM authors WHERE lower(email) = lower($1)', [email]);
    if (existing.length > 0) return 'exists';
    await this.create(Object.assign(new CreateAuthorInput(), { name: 'Administrator', email, password, role: Role.ADMIN }));
    return 'created';
  }
}
