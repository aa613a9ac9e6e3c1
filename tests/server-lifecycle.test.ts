import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { LoginDocument, PostsDocument } from './generated/operations';

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

function startServer(dataDir: string): Promise<Running> {
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
  const child = spawn(process.execPath, [mainJs], { env, stdio: ['ignore', 'pipe', 'pipe'] });
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
): Promise<TData> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
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

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  }, 60_000);

  it('a second start reuses the data: no new migrations, no second seeding, same posts', async () => {
    const server = await startServer(dataDir);
    const posts = await query(server.url, PostsDocument, { first: 1 });
    expect(posts.posts.totalCount).toBe(firstCount);
    expect(server.output()).not.toMatch(/applied migrations|seeded demo content|initialising/);
    server.child.kill('SIGINT');
    expect(await server.exited).toBe(0);
  }, 60_000);
});
