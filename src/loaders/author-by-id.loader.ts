import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { AUTHOR_COLUMNS, Author } from '../entities/author.entity';
import { inKeyOrder } from './rows-by-id';

/** Authors by id, one `= ANY($1)` query per batch. */
export function createAuthorByIdLoader(db: DataSource): DataLoader<string, Author | null> {
  return new DataLoader(async (ids) => {
    const rows: Author[] = await db.query(`SELECT ${AUTHOR_COLUMNS} FROM authors a WHERE a.id = ANY($1::uuid[])`, [ids]);
    return inKeyOrder(ids, rows);
  });
}
