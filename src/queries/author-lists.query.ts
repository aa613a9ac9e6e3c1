import { DataSource } from 'typeorm';
import { AUTHOR_COLUMNS, Author } from '../entities/author.entity';
import { ConnectionValue } from '../schema/connection.types';
import { KeysetOrder, PageRequest, keysetPage } from './keyset-page';

const BY_NAME: KeysetOrder = { name: 'name', column: 'a.name', type: 'text', direction: 'ASC', idColumn: 'a.id' };

/** Query.authors: everyone on the masthead, by name. */
export function listAuthors(db: DataSource, page: PageRequest): Promise<ConnectionValue<Author>> {
  return keysetPage<Author>(
    db,
    { select: `SELECT ${AUTHOR_COLUMNS}`, from: 'FROM authors a', where: [], params: [], order: BY_NAME },
    page,
  );
}
