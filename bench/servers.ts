import { ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';

/** A server the bench started in a process of its own. */
export interface ServerProcess {
  name: string;
  pid: number;
  /** Its POST /graphql endpoint. */
  url: string;
  /**
   * Broadsheet's request log lines so far, by what served each (their `execution`: `compiled`,
   * `resolvers`; `none` for an answer that ran nothing, such as one from the response cache).
   */
  served: Record<string, number>;
  /** SIGTERM, then waits for the exit (SIGKILL after 15 s). */
  stop(): Promise<void>;
}

const ROOT = path.resolve(__dirname, '..', '..');

/** Only what a service's environment would hold: no developer settings leak into the measured process. */
function baseEnv(): NodeJS.ProcessEnv {
  const { PATH, HOME, LANG, TZ } = process.env;
  return Object.fromEntries(Object.entries({ PATH, HOME, LANG, TZ }).filter(([, value]) => value !== undefined));
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Starts `node <script>` and resolves once a line of its stdout matches `ready` (group 1: the URL). */
function startNode(
  name: string,
  script: string,
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...nodeArgs, path.join(ROOT, script)], {
    cwd: ROOT,
    env: { ...baseEnv(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  const served: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}\n${output.slice(-30).join('\n')}`));
    };
    const timer = setTimeout(() => fail(new Error(`${name} did not start within 60 s`)), 60_000);
    const onLine = (line: string) => {
      if (line.includes('"msg":"request"')) {
        const path = /"execution":"(\w+)"/.exec(line)?.[1] ?? 'none';
        served[path] = (served[path] ?? 0) + 1;
      }
      output.push(line);
      if (output.length > 200) output.shift();
      const match = ready.exec(line);
      if (!match || settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        name,
        pid: child.pid!,
        url: match[1],
        served,
        stop: async () => {
          child.kill('SIGTERM');
          if (!(await waitForExit(child, 15_000))) {
            child.kill('SIGKILL');
            await waitForExit(child, 5_000);
          }
        },
      });
    };
    for (const stream of [child.stdout, child.stderr]) {
      let pending = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (pending + chunk).split('\n');
        pending = lines.pop()!;
        lines.forEach(onLine);
      });
    }
    child.once('exit', (code, signal) => fail(new Error(`${name} exited (${code ?? signal}) before it was ready`)));
  });
}

/** The Broadsheet processes the bench runs: which execution path, and whether its response cache answers. */
type BroadsheetKind = 'Broadsheet' | 'Broadsheet resolvers' | 'Broadsheet cached';

/**
 * Broadsheet exactly as production runs it: `node dist/main.js`, NODE_ENV=production; without
 * its response cache unless `Broadsheet cached`, so the plain runs measure executing the feed
 * every time; `Broadsheet resolvers` with GRAPHQL_EXECUTION=resolvers (the path before compiled
 * execution). `env` adds settings (a DATA_DIR for media files, a bootstrap admin).
 */
export function startBroadsheet(
  databaseUrl: string,
  kind: BroadsheetKind = 'Broadsheet',
  env: NodeJS.ProcessEnv = {},
  nodeArgs: string[] = [],
): Promise<ServerProcess> {
  const cached = kind === 'Broadsheet cached';
  return startNode(
    kind,
    'dist/main.js',
    {
      NODE_ENV: 'production',
      JWT_SECRET: crypto.randomBytes(48).toString('base64url'), // 64 characters
      DATABASE_URL: databaseUrl,
      SEED_DEMO: 'false',
      PORT: '0',
      HOST: '127.0.0.1',
      // The go-live sweep's and the dispatcher's few statements a second are background work,
      // not the requests'; PostgreSQL counts statements per database, so they would add to every
      // row's SQL/req. (The bench writes nothing, so no NOTIFY wakes the dispatcher either.)
      GO_LIVE_INTERVAL_MS: String(24 * 60 * 60 * 1000),
      EVENTS_POLL_INTERVAL_MS: String(24 * 60 * 60 * 1000),
      RESPONSE_CACHE_ENTRIES: cached ? '1000' : '0',
      ...(kind === 'Broadsheet resolvers' ? { GRAPHQL_EXECUTION: 'resolvers' } : {}),
      ...env,
    },
    /GraphQL at (http:\/\/\S+\/graphql)/,
    nodeArgs,
  );
}

/** The hand-written endpoint (bench/hand-written-server.ts), compiled, in its own process too. */
export function startHandWritten(databaseUrl: string): Promise<ServerProcess> {
  return startNode(
    'hand-written',
    'dist-bench/bench/hand-written-server.js',
    { NODE_ENV: 'production', DATABASE_URL: databaseUrl, PORT: '0', HOST: '127.0.0.1' },
    /hand-written endpoint at (http:\/\/\S+\/graphql)/,
  );
}
