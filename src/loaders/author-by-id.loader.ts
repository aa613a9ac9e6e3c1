import DataLoader from 'dataloader';
import { Queryable } from '../db/queryable';
import { AUTHOR_READ, Author } from '../entities/author.entity';
import { selectList } from '../entities/columns';
import { inKeyOrder } from './rows-by-id';

/** What reads of authors select: everything but the password hash, which only sign-in needs. */
export const AUTHOR_READ_COLUMNS = selectList(Author, 'a', AUTHOR_READ);

/** Authors by id, one `= ANY($1)` query per batch; callers apply the author policy. */
export function createAuthorByIdLoader(db: Queryable): DataLoader<string, Author | null> {
  return new DataLoader(async (ids) => {
    const rows = (await db.query(`SELECT ${AUTHOR_READ_COLUMNS} FROM authors a WHERE a.id = ANY($1::uuid[])`, [
      ids,
    ])) as Author[];
    return inKeyOrder(ids, rows);
  });
}
