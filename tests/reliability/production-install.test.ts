import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { PostsDocument } from '../generated/operations';
import { query, serverDataDir, startServer } from '../helpers/server-process';

const root = path.resolve(__dirname, '..', '..');
const run = promisify(execFile);

/**
 * `npm ci --omit=dev && npm start` on a built tree, as a deploy without Docker does it: the
 * build (made in CI, or here by `pretest`) with its sources, and only the production
 * dependencies, so no TypeScript. It must start from dist/ as it is, and a tree with no build
 * must say what to do. The install is real (about a minute, from npm's cache).
 */
describe('a production install of the build', () => {
  const dataDir = serverDataDir('broadsheet-prod-data-');
  const installDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-prod-'));
  let installed = false;

  beforeAll(async () => {
    // The embedded PostgreSQL runs as the postgres user, who must be able to enter the tree.
    fs.chmodSync(installDir, 0o755);
    for (const entry of ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json']) {
      fs.copyFileSync(path.join(root, entry), path.join(installDir, entry));
    }
    for (const entry of ['scripts', 'src', 'dist']) {
      fs.cpSync(path.join(root, entry), path.join(installDir, entry), { recursive: true });
    }
    // Sources newer than the build (a checkout's mtimes say little): only a compiler could rebuild.
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(installDir, 'src', 'main.ts'), later, later);
    await run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], {
      cwd: installDir,
      maxBuffer: 16 * 1024 * 1024,
    });
    installed = true;
  }, 300_000);
  afterAll(() => fs.rmSync(installDir, { recursive: true, force: true }));

  it('has no TypeScript, and `npm start` serves from dist/: /readyz 200, the demo posts', async () => {
    expect(installed).toBe(true);
    expect(fs.existsSync(path.join(installDir, 'node_modules', 'typescript'))).toBe(false);
    const server = await startServer(dataDir, {}, 'npm', installDir);
    try {
      expect((await fetch(server.url.replace(/\/graphql$/, '/readyz'))).status).toBe(200);
      expect((await query(server.url, PostsDocument, { first: 1 })).posts.totalCount).toBeGreaterThanOrEqual(20);
      expect(server.output()).toContain(
        'TypeScript is not installed (a production install): starting the build in dist/',
      );
    } finally {
      server.child.kill('SIGTERM');
    }
    await server.exited;
  }, 120_000);

  it('without a build, `npm start` stops at once and says how to make one', async () => {
    expect(installed).toBe(true);
    fs.rmSync(path.join(installDir, 'dist'), { recursive: true });
    const failed = await run('npm', ['start', '--silent'], {
      cwd: installDir,
      env: { ...process.env, PORT: '0' },
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('no build in dist/ and no TypeScript to make one: run `npm ci && npm run build`');
  }, 60_000);
});
