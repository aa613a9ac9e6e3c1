import 'reflect-metadata';
import { DataSource, Logger } from 'typeorm';
import { Author } from '../entities/author.entity';
import { Comment } from '../entities/comment.entity';
import { PostRevision } from '../entities/post-revision.entity';
import { Post } from '../entities/post.entity';
import { Redirect } from '../entities/redirect.entity';
import { RelatedLink } from '../entities/related-link.entity';
import { migrations } from '../migrations';
import { useFastTimestampParser } from './timestamp-parser';

export interface DataSourceOptions {
  url: string;
  /** Receives every SQL statement; the tests count them. Off (and free) when absent. */
  queryLogger?: Logger;
  poolSize?: number;
}

/** TypeORM over pg. The schema changes only through `src/migrations`; synchronize stays off. */
export function createDataSource(options: DataSourceOptions): DataSource {
  useFastTimestampParser();
  return new DataSource({
    type: 'postgres',
    url: options.url,
    entities: [Author, Post, PostRevision, Comment, RelatedLink, Redirect],
    migrations,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    logging: options.queryLogger ? ['query'] : false,
    logger: options.queryLogger,
    extra: { max: options.poolSize ?? 10 },
  });
}
