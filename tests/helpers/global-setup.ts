import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import 'reflect-metadata';
import { createDataSource } from '../../src/db/data-source';
import { startEmbeddedPostgres } from '../../src/db/embedded-postgres';
import { REDIS_ENV, TEST_REDIS_URL, redisAnswers } from './redis-probe';
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

  // The tests of several instances need a real Redis; without one they are skipped, and say so.
  const redisUp = await redisAnswers(TEST_REDIS_URL);
  if (!redisUp) {
    console.warn(
      `\n[tests] no Redis answers at ${TEST_REDIS_URL}: the tests of several instances sharing Redis ` +
        '(tests/live/several-instances.test.ts, tests/live/redis-outage.test.ts) are SKIPPED. Set TEST_REDIS_URL to run them.',
    );
  }
  process.env[REDIS_ENV] = redisUp ? TEST_REDIS_URL : '';
  process.env[TEST_ENV.adminUrl] = adminUrl;
  process.env[TEST_ENV.template] = template;
}
