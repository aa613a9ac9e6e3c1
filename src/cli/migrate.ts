import 'reflect-metadata';
import { loadConfig } from '../config';
import { openDatabase } from '../db/database';
import { createLogger } from '../logger';

/** `npm run migrate`: applies pending migrations (to the embedded database unless DATABASE_URL). */
async function migrate(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config, createLogger('info'));
  console.log('[broadsheet] migrations are up to date');
  await database.close();
}

migrate().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error('[broadsheet] migration failed:', error);
    process.exit(1);
  },
);
