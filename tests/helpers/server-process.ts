import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';

/**
 * `npm start` as a user runs it: the compiled server (built by `pretest`) on the embedded
 * PostgreSQL in a fresh DATA_DIR, whatever database the rest of the suite uses.
 */
const projectRoot = path.resolve(__dirname, '..', '..');

/** Servers started and not yet exited: a failed test must not leave one (and Jest) running. */
const started = new Set<ChildProcess>();

/** Stops whatever a test file's servers left running (SIGTERM, so they stop their PostgreSQL too); for `afterAll`. */
async function stopLeftoverServers(): Promise<void> {
  await Promise.all(
    [...started].map(
      (child) =>
        new Promise<void>((resolve) => {
          const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
          child.once('exit', () => {
            clearTimeout(force);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

export interface Running {
  child: ChildProcess;
  url: string;
  /** stdout and stderr as they came. */
  output: () => string;
  /** stdout alone: the log stream a collector reads. */
  stdout: () => string;
  exited: Promise<number | null>;
}

/**
 * How the server is started: `node` runs dist/main.js (as in production); `npm` the README's
 * `npm start --silent`, whose npm process is what a process manager signals; `terminal` runs
 * node under `script`, so its stdout is a terminal (a pty) as on a developer's screen.
 */
type Launcher = 'node' | 'npm' | 'terminal';

function spawnServer(launcher: Launcher, env: NodeJS.ProcessEnv, root: string): ChildProcess {
  const mainJs = path.join(root, 'dist', 'main.js');
  const stdio: ['ignore', 'pipe', 'pipe'] = ['ignore', 'pipe', 'pipe'];
  if (launcher === 'npm') return spawn('npm', ['start', '--silent'], { cwd: root, env, stdio });
  if (launcher === 'node') return spawn(process.execPath, [mainJs], { env, stdio });
  // `exec`: node is script's own child, so script's SIGTERM reaches it and it stops its PostgreSQL.
  const command = `exec '${process.execPath}' '${mainJs}'`;
  return spawn('script', ['--quiet', '--return', '--flush', '--command', command, '/dev/null'], { env, stdio });
}

export function startServer(
  dataDir: string,
  overrides: NodeJS.ProcessEnv = {},
  launcher: Launcher = 'node',
  /** Another installation of the project (a production install of the build, say). */
  root = projectRoot,
): Promise<Running> {
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
  const child = spawnServer(launcher, env, root);
  let output = '';
  let stdout = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  started.add(child);
  const exited = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      started.delete(child);
      resolve(code);
    }),
  );
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /GraphQL at (http:\/\/\S+\/graphql)/.exec(output);
      if (match) resolve({ child, url: match[1], output: () => output, stdout: () => stdout, exited });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)));
  });
}

export async function query<TData, TVars>(
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

/**
 * A DATA_DIR for the servers a test file starts: one the postgres system user can enter, removed
 * after the file's tests together with any server still running on it.
 */
export function serverDataDir(prefix: string): string {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  beforeAll(() => fs.chmodSync(dataDir, 0o755));
  afterAll(async () => {
    await stopLeftoverServers();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);
  return dataDir;
}
