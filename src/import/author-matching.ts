import { EntityManager } from 'typeorm';
import { Role } from '../domain/enums';
import { AUTHOR_NAME_MAX, EMAIL_MAX } from '../domain/text-size';
import { slugForNewRow } from '../services/slug';
import { Tally } from './import-report';
import { withoutNul } from './post-mapping';
import { SourceIds, contentHash } from './source-ids';
import { SourceAuthor } from './source-records';

/**
 * What no password hash ever is: argon2 cannot verify against it, so nobody signs in as an
 * imported author until an admin sets a password (updateAuthor).
 */
const NO_PASSWORD = '!imported: no password set';

/** Where an author with no real address gets one that can never be delivered to (RFC 2606's .invalid). */
const PLACEHOLDER_DOMAIN = 'import.invalid';

/**
 * Finds our author for each of an export's authors, once per run: by the source id an earlier
 * import recorded; else by a real email address (the export's placeholders are null by then);
 * else by name among the authors this blog's imports brought; else a new AUTHOR with no usable
 * password. What it learned is kept for the run, and forgotten when a transaction rolls back.
 */
export class AuthorMatcher {
  private readonly known = new Map<string, string>();

  constructor(private readonly sources: SourceIds) {}

  /** After a rollback: what was learned inside it may not exist. */
  forget(): void {
    this.known.clear();
  }

  /** Our author id for each source id among `authors`, in `m`; new matches and authors counted in `tally`. */
  async resolve(m: EntityManager, authors: SourceAuthor[], tally: Tally): Promise<Map<string, string>> {
    const wanted = new Map(authors.filter((a) => !this.known.has(a.sourceId)).map((a) => [a.sourceId, a]));
    const recorded = await this.sources.find(m, 'author', [...wanted.keys()]);
    for (const author of wanted.values()) {
      const earlier = recorded.get(author.sourceId);
      if (earlier?.present) {
        this.known.set(author.sourceId, earlier.targetId);
        tally.count('authors', 'unchanged');
        continue;
      }
      const matched = await this.match(m, author);
      const id = matched ?? (await this.create(m, author));
      tally.count('authors', matched ? 'matched' : 'created');
      await this.sources.record(m, 'author', [
        { sourceId: author.sourceId, targetId: id, hash: contentHash([author.name, author.email]) },
      ]);
      this.known.set(author.sourceId, id);
    }
    return new Map(authors.map((a) => [a.sourceId, this.known.get(a.sourceId)!]));
  }

  private async match(m: EntityManager, author: SourceAuthor): Promise<string | null> {
    if (author.email) {
      const [byEmail] = (await m.query('SELECT id FROM authors WHERE lower(email) = lower($1)', [
        author.email.trim(),
      ])) as Array<{ id: string }>;
      if (byEmail) return byEmail.id;
    }
    const [byName] = (await m.query(
      `SELECT a.id FROM import_sources s JOIN authors a ON a.id = s.target_id
       WHERE s.format = $1 AND s.blog = $2 AND s.kind = 'author' AND lower(a.name) = lower($3)
       ORDER BY s.imported_at LIMIT 1`,
      [this.sources.format, this.sources.blog, nameOf(author)],
    )) as Array<{ id: string }>;
    return byName?.id ?? null;
  }

  private async create(m: EntityManager, author: SourceAuthor): Promise<string> {
    const name = nameOf(author);
    const slug = await slugForNewRow(m, 'authors', null, name, 'author');
    const email =
      author.email && author.email.length <= EMAIL_MAX ? author.email.trim() : `${slug}@${PLACEHOLDER_DOMAIN}`;
    const [row] = (await m.query(
      `INSERT INTO authors (slug, name, email, password_hash, role) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [slug, name, email, NO_PASSWORD, Role.AUTHOR],
    )) as Array<{ id: string }>;
    return row.id;
  }
}

function nameOf(author: SourceAuthor): string {
  const name = withoutNul(author.name).replace(/\s+/g, ' ').trim() || 'Unknown author';
  return name.length > AUTHOR_NAME_MAX ? name.slice(0, AUTHOR_NAME_MAX).trimEnd() : name;
}
