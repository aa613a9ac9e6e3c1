import fs from 'node:fs/promises';
import { TEST_ENV, withAdminClient } from './test-database';

/** Drops this run's databases (on a shared server) or stops the embedded one and removes its folder. */
export default async function globalTeardown(): Promise<void> {
  const embedded = (globalThis as Record<string, unknown>).__broadsheetEmbedded as
    { stop(): Promise<void>; dataDir: string } | undefined;
  if (embedded) {
    await embedded.stop();
    await fs.rm(embedded.dataDir, { recursive: true, force: true });
    return;
  }
  const adminUrl = process.env[TEST_ENV.adminUrl];
  const template = process.env[TEST_ENV.template];
  if (!adminUrl || !template) return;
  const prefix = `bs_${template.split('_')[1]}_`;
  await withAdminClient(adminUrl, async (client) => {
    const { rows } = await client.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
      [prefix],
    );
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
