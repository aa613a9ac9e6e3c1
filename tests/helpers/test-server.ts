import 'reflect-metadata';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { DataSource } from 'typeorm';
import { TokenService } from '../../src/auth/tokens';
import { Config, loadConfig } from '../../src/config';
import { createDataSource } from '../../src/db/data-source';
import { Role } from '../../src/domain/enums';
import { createLogger } from '../../src/logger';
import { toGlobalId } from '../../src/schema/global-id';
import { BroadsheetServer } from '../../src/server/broadsheet-server';
import { createServer } from '../../src/server/server';
import { StatementCounter } from './statement-counter';
import { createTestDatabase } from './test-database';

interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string; field?: string; [key: string]: unknown };
  path?: Array<string | number>;
}

export interface GraphQLResponse<TData> {
  status: number;
  data?: TData | null;
  errors?: GraphQLErrorBody[];
}

interface RequestOptions {
  token?: string;
  headers?: Record<string, string>;
}

export interface SignedIn {
  /** The author's opaque id, as the API shows it. */
  id: string;
  token: string;
  email: string;
}

/** A real server on a fresh copy of the migrated database, driven over HTTP like a client app. */
export interface TestServer {
  url: string;
  db: DataSource;
  server: BroadsheetServer;
  statements: StatementCounter;
  gql<TData, TVars extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVars>,
    variables?: TVars,
    options?: RequestOptions,
  ): Promise<GraphQLResponse<TData>>;
  /** POSTs `body` as it is, for tests of the HTTP layer itself. */
  post(body: string, headers?: Record<string, string>): Promise<Response>;
  /** Creates an author with `role` (directly through the service) with the token `login` would give them. */
  signUp(role: Role, name?: string): Promise<SignedIn>;
  close(): Promise<void>;
}

let authorCounter = 0;
const JWT_SECRET = 'test-secret-for-broadsheet-at-least-32-bytes';
const testConfig = (overrides: Partial<Config>): Config => ({
  ...loadConfig({ NODE_ENV: 'test' }),
  logLevel: 'silent',
  // TRUST_PROXY lets tests speak for several client IPs through X-Forwarded-For.
  trustProxy: true,
  ...overrides,
});

/** Where a test reads the server's log: each JSON line, parsed. Unset: the server logs nothing. */
export interface TestServerOptions {
  logLines?: Array<Record<string, unknown>>;
  /** Rewrites the server's database URL (to reach it through a fault-injecting proxy). */
  databaseUrl?: (url: string) => string;
  /** Runs the go-live sweep and the event dispatcher, as `npm start` does (for live subscriptions). */
  liveEvents?: boolean;
  /** A migrated database of the test's own (a primary with replicas), used as it is instead of a fresh copy. */
  database?: string;
}

export async function startTestServer(
  overrides: Partial<Config> = {},
  options: TestServerOptions = {},
): Promise<TestServer> {
  const url = options.database ?? (await createTestDatabase(expect.getState().testPath?.split('/').pop() ?? 'test'));
  const statements = new StatementCounter();
  const db = createDataSource({ url: options.databaseUrl?.(url) ?? url, queryLogger: statements, poolSize: 5 });
  await db.initialize();
  const config = testConfig(overrides);
  const tokens = new TokenService(JWT_SECRET, config.jwtExpiresIn);
  const server = await createServer({
    config,
    db,
    jwtSecret: JWT_SECRET,
    logger: options.logLines
      ? createLogger('info', { write: (line: string) => void options.logLines!.push(JSON.parse(line)) })
      : createLogger('silent'),
  });
  if (options.liveEvents) server.startJobs();
  const port = await server.listen(0, '127.0.0.1');
  const endpoint = `http://127.0.0.1:${port}/graphql`;

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(endpoint, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  const gql: TestServer['gql'] = async (document, variables, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const response = await post(JSON.stringify({ query: print(document), variables }), headers);
    const body = (await response.json()) as { data?: unknown; errors?: GraphQLErrorBody[] };
    return { status: response.status, data: body.data as never, errors: body.errors };
  };

  const signUp: TestServer['signUp'] = async (role, name) => {
    authorCounter += 1;
    const email = `${role.toLowerCase()}${authorCounter}-${Date.now()}@example.com`;
    const password = 'correct horse battery';
    const author = await server.services.authors.create({
      name: name ?? `${role} ${authorCounter}`,
      email,
      password,
      role,
    });
    // The token `login` would hand out, without its password check: argon2 takes a fifth of a
    // second of CPU, and a hundred files sign people up. Signing in itself is tested over the API.
    const [{ tokenVersion }]: Array<{ tokenVersion: number }> = await db.query(
      'SELECT token_version AS "tokenVersion" FROM authors WHERE id = $1',
      [author.id],
    );
    const token = tokens.sign({ authorId: author.id, tokenVersion });
    return { id: toGlobalId('Author', author.id), token, email };
  };

  return {
    url: endpoint,
    db,
    server,
    statements,
    gql,
    post,
    signUp,
    close: async () => {
      await server.stop();
      await db.destroy();
    },
  };
}

/**
 * A second server on a test server's database (its tokens valid on both), with other settings:
 * its POST /graphql endpoint, and how to stop it (before the first server's `close`).
 */
export async function startServerBeside(
  api: TestServer,
  overrides: Partial<Config>,
): Promise<{ url: string; close(): Promise<void> }> {
  const server = await createServer({
    config: testConfig(overrides),
    db: api.db,
    jwtSecret: JWT_SECRET,
    logger: createLogger('silent'),
  });
  const port = await server.listen(0, '127.0.0.1');
  return { url: `http://127.0.0.1:${port}/graphql`, close: () => server.stop() };
}

/** The `extensions.code` of the first error, or undefined when there was none. */
export function errorCode(response: GraphQLResponse<unknown>): string | undefined {
  return response.errors?.[0]?.extensions?.code;
}
