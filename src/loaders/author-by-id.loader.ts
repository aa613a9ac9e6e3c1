import DataLoader from 'dataloader';
import { Queryable } from '../db/queryable';
import { AUTHOR_READ, Author } from '../entities/author.entity';
import { selectList } from '../entities/columns';
import { createRowsByIdLoader } from './rows-by-id';

/** What reads of authors select: everything but the password hash, which only sign-in needs. */
export const AUTHOR_READ_COLUMNS = selectList(Author, 'a', AUTHOR_READ);

/** Authors by id, one `= ANY($1)` query per batch; callers apply the author policy. */
export function createAuthorByIdLoader(db: Queryable): DataLoader<string, Author | null> {
  return createRowsByIdLoader<Author>(db, { table: 'authors', alias: 'a', columns: AUTHOR_READ_COLUMNS, json: true });
}
