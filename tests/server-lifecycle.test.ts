import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { LoginDocument, PostRevisionsDocument, PostsDocument } from './generated/operations';

/**
 * `npm start` as a user runs it: the compiled server (built by `pretest`) on the embedded
 * PostgreSQL in a fresh DATA_DIR, whatever database the rest of the suite uses.
 */
const mainJs = path.resolve(__dirname, '..', 'dist', 'main.js');

interface Running {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** `viaNpm`: the README's command, `npm start`, whose npm process is what a process manager signals. */
function startServer(dataDir: string, overrides: NodeJS.ProcessEnv = {}, viaNpm = false): Promise<Running> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATA_DIR: dataDir,
    PORT: '0',
    HOST: '127.0.0.1',
    ADMIN_EMAIL: 'boss@example.com',
    ADMIN_PASSWORD: 'boss password 1',
  };
  delete env.DATABASE_URL;
  delete env.NODE_ENV;
  delete env.SEED_DEMO;
  Object.assign(env, overrides);
  const child = viaNpm
    ? spawn('npm', ['start', '--silent'], {
        cwd: path.dirname(path.dirname(mainJs)),
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
    : spawn(process.execPath, [mainJs], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL at (http:\/\/\S+\/graphql)/.exec(output);
      if (match) resolve({ child, url: match[1], output: () => output, exited });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}

async function query<TData, TVars>(
  url: string,
  document: TypedDocumentNode<TData, TVars>,
  variables: TVars,
  token?: string,
): Promise<TData> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: TData; errors?: unknown[] };
  if (!body.data) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

describe('the server process', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-start-'));
  beforeAll(() => fs.chmodSync(dataDir, 0o755));
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
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
    const posts = await query(server.url, PostsDocument, { first: 1 });
    expect(posts.posts.totalCount).toBe(firstCount);
    expect(server.output()).not.toMatch(/applied migrations|seeded demo content|initialising/);
    server.child.kill('SIGINT');
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
