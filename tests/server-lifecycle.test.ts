import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LoginDocument, PostRevisionsDocument, PostsDocument } from './generated/operations';
import { query, serverDataDir, startServer } from './helpers/server-process';

/**
 * `npm start` as a user runs it: the compiled server (built by `pretest`) on the embedded
 * PostgreSQL in a fresh DATA_DIR, whatever database the rest of the suite uses.
 */

describe('the server process', () => {
  const dataDir = serverDataDir('broadsheet-start-');
  let firstCount = 0;

  it('starts on the embedded database with demo content and the bootstrap admin, and SIGTERM exits 0 with PostgreSQL stopped', async () => {
    const server = await startServer(dataDir);
    const posts = await query(server.url, PostsDocument, { first: 1 });
    firstCount = posts.posts.totalCount;
    expect(firstCount).toBeGreaterThanOrEqual(20);
    const login = await query(server.url, LoginDocument, { email: 'boss@example.com', password: 'boss password 1' });
    expect(login.login.author.role).toBe('ADMIN');
    expect(server.output()).toMatch(/demo sign-in/);

    // Demo posts were written through the services, as an editor's are: published as a change
    // that left a revision of the draft, with a derived excerpt.
    const demoAdmin = await query(server.url, LoginDocument, {
      email: 'admin@example.com',
      password: 'broadsheet-demo',
    });
    const newest = posts.posts.edges[0].node;
    const { post } = await query(server.url, PostRevisionsDocument, { id: newest.id }, demoAdmin.login.token);
    expect(post!.version).toBeGreaterThanOrEqual(2);
    expect(post!.revisions.length).toBe(post!.version - 1);
    expect(post!.revisions[0].excerpt.length).toBeGreaterThan(0);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 60_000);

  it('an ADMIN_PASSWORD that createAuthor would refuse stops the start with a clear message, PostgreSQL stopped', async () => {
    const otherDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-admin-'));
    fs.chmodSync(otherDir, 0o755);
    try {
      await expect(startServer(otherDir, { ADMIN_PASSWORD: 'short', SEED_DEMO: 'false' })).rejects.toThrow(
        /server exited \(1\)[\s\S]*ADMIN_PASSWORD is not usable: password must be longer than or equal to 8 characters/,
      );
      expect(fs.existsSync(path.join(otherDir, 'pg', 'postmaster.pid'))).toBe(false);
    } finally {
      fs.rmSync(otherDir, { recursive: true, force: true });
    }
  }, 60_000);

  it('a second start reuses the data: no new migrations, no second seeding, same posts', async () => {
    const server = await startServer(dataDir);
    try {
      const posts = await query(server.url, PostsDocument, { first: 1 });
      expect(posts.posts.totalCount).toBe(firstCount);
      expect(server.output()).not.toMatch(/applied migrations|seeded demo content|initialising/);
    } finally {
      // A failed expectation must not leave a server (and Jest) running.
      server.child.kill('SIGINT');
    }
    expect(await server.exited).toBe(0);
  }, 60_000);

  it('SIGTERM to the npm process of `npm start` stops the server and PostgreSQL too', async () => {
    const server = await startServer(dataDir, {}, true);
    expect((await query(server.url, PostsDocument, { first: 1 })).posts.totalCount).toBe(firstCount);
    server.child.kill('SIGTERM');
    await server.exited;
    const deadline = Date.now() + 20_000;
    while (fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid')) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    await expect(fetch(server.url, { method: 'POST' })).rejects.toThrow();
  }, 60_000);
});
