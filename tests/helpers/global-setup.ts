import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import { createDataSource } from '../../src/db/data-source';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { TEST_ENV, testDatabaseName, withAdminClient, withDatabase } from './test-database';

/**
 * Starts the test PostgreSQL once per run: the embedded server in a temporary folder, or the
 * server of DATABASE_URL when it is set (CI's second pass). Migrates one template database that
 * every test file copies, so files never see each other's rows.
 */
export default async function globalSetup(): Promise<void> {
  const runId = crypto.randomBytes(3).toString('hex');
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'broadsheet-test-'));
    // The postgres system user that runs the server must be able to reach the folder.
    await fs.chmod(dataDir, 0o755);
    const embedded = await startEmbeddedPostgres({ dataDir, database: 'postgres', unsafeFast: true });
    adminUrl = embedded.url;
    (globalThis as Record<string, unknown>).__broadsheetEmbedded = { stop: embedded.stop, dataDir };
  }
  const template = testDatabaseName(runId, 'template');
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE "${template}"`));
  const db = createDataSource({ url: withDatabase(adminUrl, template), poolSize: 1 });
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  await db.destroy();

  process.env[TEST_ENV.adminUrl] = adminUrl;
  process.env[TEST_ENV.template] = template;
}
