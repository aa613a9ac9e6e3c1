import { DataSource } from 'typeorm';
import { AUTHOR_COLUMNS, Author } from '../entities/author.entity';
import { ConnectionValue } from '../schema/connection.types';
import { KeysetOrder, PageRequest, keysetPage } from './keyset-page';
import { Viewer } from '../auth/viewer';
import { visibleAuthorSql } from '../policy/author-visibility';

const BY_NAME: KeysetOrder = { name: 'name', column: 'a.name', type: 'text', direction: 'ASC', idColumn: 'a.id' };

/** Query.authors: the authors the viewer may see, by name. */
export function listAuthors(db: DataSource, viewer: Viewer | null, page: PageRequest): Promise<ConnectionValue<Author>> {
  return keysetPage<Author>(
    db,
    { select: `SELECT ${AUTHOR_COLUMNS}`, from: 'FROM authors a', where: [visibleAuthorSql(viewer)], params: [], order: BY_NAME },
    page,
  );
}

/** One author by id or slug, when the viewer may see them. */
export async function findVisibleAuthor(db: DataSource, viewer: Viewer | null, by: { id: string } | { slug: string }): Promise<Author | null> {
  const [column, value] = 'id' in by ? ['a.id', by.id] : ['a.slug', by.slug];
  const rows: Author[] = await db.query(`SELECT ${AUTHOR_COLUMNS} FROM authors a WHERE ${column} = $1 AND ${visibleAuthorSql(viewer)}`, [value]);
  return rows[0] ?? null;
}
