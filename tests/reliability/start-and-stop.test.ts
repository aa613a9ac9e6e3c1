import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LoginDocument, PostByIdDocument, PostRevisionsDocument, PostsDocument } from '../generated/operations';
import { query, serverDataDir, startServer } from '../helpers/server-process';

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
    const server = await startServer(dataDir, {}, 'npm');
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

/**
 * SIGTERM while mutations pour in, as a deploy does: every write the server acknowledged is
 * there after a restart, whole, and the process exits 0.
 */
describe('SIGTERM during a burst of mutations', () => {
  const dataDir = serverDataDir('broadsheet-burst-');
  const env = { SEED_DEMO: 'false' };
  const admin = { email: 'boss@example.com', password: 'boss password 1' };

  it('keeps every acknowledged write, whole, and exits 0', async () => {
    const server = await startServer(dataDir, env);
    const { token } = (await query(server.url, LoginDocument, admin)).login;

    const create = async (n: number) => {
      try {
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: 'mutation($input: CreatePostInput!) { createPost(input: $input) { id title } }',
            variables: { input: { title: `Burst ${n}`, body: `<p>Body of burst ${n}.</p>`, tags: ['burst'] } },
          }),
        });
        const body = (await response.json()) as { data?: { createPost: { id: string; title: string } } };
        return body.data?.createPost;
      } catch {
        return undefined; // refused or cut off by the stopping server: not acknowledged
      }
    };
    const sent: Array<Promise<{ id: string; title: string } | undefined>> = [];
    for (let n = 0; n < 60; n += 1) {
      sent.push(create(n));
      if (n === 20) server.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const acknowledged = (await Promise.all(sent)).filter((post) => post !== undefined);
    expect(await server.exited).toBe(0);
    expect(acknowledged.length).toBeGreaterThanOrEqual(1);

    const again = await startServer(dataDir, env);
    try {
      const fresh = (await query(again.url, LoginDocument, admin)).login.token;
      for (const post of acknowledged) {
        const stored = (await query(again.url, PostByIdDocument, { id: post.id }, fresh)).post;
        expect(stored).toMatchObject({ title: post.title, body: expect.stringContaining('Body of burst'), version: 1 });
        expect(stored!.tags).toEqual(['burst']);
        expect((await query(again.url, PostRevisionsDocument, { id: post.id }, fresh)).post!.revisions).toEqual([]);
      }
    } finally {
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    }
  }, 90_000);
});
