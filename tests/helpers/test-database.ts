import crypto from 'node:crypto';
import { Client } from 'pg';

/** Set by global-setup for every test worker. */
export const TEST_ENV = {
  /** A database on the test server that may create and drop databases. */
  adminUrl: 'BROADSHEET_TEST_ADMIN_URL',
  /** A migrated, empty database that each test file copies. */
  template: 'BROADSHEET_TEST_TEMPLATE',
} as const;

/** Every database the tests make carries this prefix and the run's id, so teardown finds them. */
export function testDatabaseName(runId: string, label: string): string {
  return `bs_${runId}_${label}_${crypto.randomBytes(4).toString('hex')}`;
}

/** The URL of `database` on the same server as `url`. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export async function withAdminClient<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A fresh database, copied from the migrated template (FILE_COPY: fastest for small databases). */
export async function createTestDatabase(label: string): Promise<string> {
  const adminUrl = process.env[TEST_ENV.adminUrl];
  const template = process.env[TEST_ENV.template];
  if (!adminUrl || !template) throw new Error('tests/helpers/global-setup.ts did not run');
  const runId = template.split('_')[1];
  const name = testDatabaseName(
    runId,
    label
      .replace(/[^a-z0-9]/gi, '')
      .toLowerCase()
      .slice(0, 20),
  );
  await withAdminClient(adminUrl, (client) =>
    client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}" STRATEGY FILE_COPY`),
  );
  return withDatabase(adminUrl, name);
}
