import { DataSource } from 'typeorm';
import { Config } from '../config';
import { Logger } from '../logger';
import { createDataSource } from './data-source';
import { EmbeddedDatabase, startEmbeddedPostgres } from './embedded-postgres';

/** A migrated database connection, and the embedded server behind it when there is one. */
export interface Database {
  db: DataSource;
  embedded: EmbeddedDatabase | undefined;
  /** Closes the pool, then stops the embedded server. */
  close(): Promise<void>;
}

/** Connects to DATABASE_URL, or starts the embedded PostgreSQL; applies pending migrations. */
export async function openDatabase(config: Config, logger: Logger): Promise<Database> {
  let embedded: EmbeddedDatabase | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      database: 'broadsheet',
      log: (line) => logger.info(line),
    });
    url = embedded.url;
    logger.info(`embedded PostgreSQL on 127.0.0.1:${embedded.port}, data in ${embedded.clusterDir}`);
  }
  const db = createDataSource({ url });
  try {
    await db.initialize();
    const applied = await db.runMigrations({ transaction: 'each' });
    if (applied.length > 0) logger.info(`applied migrations: ${applied.map((m) => m.name).join(', ')}`);
  } catch (error) {
    if (db.isInitialized) await db.destroy();
    await embedded?.stop();
    throw error;
  }
  return {
    db,
    embedded,
    close: async () => {
      if (db.isInitialized) await db.destroy();
      await embedded?.stop();
    },
  };
}
