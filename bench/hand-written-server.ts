import http from 'node:http';
import { Pool } from 'pg';
import { HandWrittenSqlOptions, SuggestionSource, mobileFeedSql, simpleFeedSql } from './hand-written-sql';
import { FeedName } from './queries';

/**
 * The benchmark's reference: what the two feed pages cost without GraphQL, an ORM or loaders.
 * Plain node:http and a pg Pool; one SQL statement per request builds the whole answer, which is
 * sent as `JSON.stringify(answer) + '\n'`, byte for byte what Apollo sends for the same page
 * (tests/bench/parity.test.ts holds the two to equal answers). It understands only POST bodies
 * `{operationName?, query, variables: {first}}` of the SimpleFeed and MobileFeed operations
 * (bench/queries.ts), for an anonymous reader.
 */

export interface HandWrittenServerOptions {
  /** Connections of the pool it makes from a URL; Broadsheet's pool holds 10. */
  poolSize?: number;
  /** Default: `post_tags` when that table exists, else `posts`. Both give the same answers. */
  suggestionsFrom?: SuggestionSource;
  /** POST_URL_TEMPLATE, as Broadsheet's. */
  postUrlTemplate?: string;
}

export interface HandWrittenServer {
  httpServer: http.Server;
  suggestionsFrom: SuggestionSource;
  listen(port: number, host: string): Promise<number>;
  /** Stops listening; ends the pool when it made it. */
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const MAX_FIRST = 100;

class BadRequest extends Error {}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new BadRequest('body too large'));
      else chunks.push(chunk);
    });
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/** The operation and its `first`, from a GraphQL POST body. */
function parseRequest(text: string): { feed: FeedName; first: number } {
  let body: { operationName?: unknown; query?: unknown; variables?: { first?: unknown } };
  try {
    body = JSON.parse(text) as typeof body;
  } catch {
    throw new BadRequest('The request body is not valid JSON.');
  }
  const name =
    typeof body.operationName === 'string'
      ? body.operationName
      : typeof body.query === 'string'
        ? /^\s*query\s+(\w+)/.exec(body.query)?.[1]
        : undefined;
  if (name !== 'SimpleFeed' && name !== 'MobileFeed') throw new BadRequest(`Unknown operation ${String(name)}.`);
  const first = body.variables?.first;
  if (typeof first !== 'number' || !Number.isInteger(first) || first < 1 || first > MAX_FIRST) {
    throw new BadRequest('first must be an integer from 1 to 100.');
  }
  return { feed: name, first };
}

function send(response: http.ServerResponse, status: number, text: string): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  });
  response.end(text);
}

/** The endpoint over `database` (a URL, or a pool the caller owns and ends). */
export async function createHandWrittenServer(
  database: string | Pool,
  options: HandWrittenServerOptions = {},
): Promise<HandWrittenServer> {
  const ownPool = typeof database === 'string';
  const pool = ownPool ? new Pool({ connectionString: database, max: options.poolSize ?? 10 }) : database;
  const suggestionsFrom =
    options.suggestionsFrom ??
    ((await pool.query<{ exists: boolean }>(`SELECT to_regclass('post_tags') IS NOT NULL AS exists`)).rows[0].exists
      ? 'post_tags'
      : 'posts');
  const sqlOptions: HandWrittenSqlOptions = {
    suggestionsFrom,
    postUrlTemplate: options.postUrlTemplate ?? '/posts/{slug}',
  };
  const statements: Record<FeedName, string> = {
    SimpleFeed: simpleFeedSql(sqlOptions),
    MobileFeed: mobileFeedSql(sqlOptions),
  };

  const httpServer = http.createServer((request, response) => {
    if (request.method !== 'POST') {
      send(response, 405, JSON.stringify({ errors: [{ message: 'POST a GraphQL request.' }] }) + '\n');
      return;
    }
    readBody(request)
      .then(async (text) => {
        const { feed, first } = parseRequest(text);
        // Named, so PostgreSQL plans it once per connection, as Broadsheet's prepared reads are.
        const { rows } = await pool.query<{ body: unknown }>({ name: feed, text: statements[feed], values: [first] });
        send(response, 200, JSON.stringify(rows[0].body) + '\n');
      })
      .catch((error: unknown) => {
        const badRequest = error instanceof BadRequest;
        if (!badRequest) console.error('[hand-written] query failed:', error);
        const message = badRequest ? error.message : 'Unexpected error.';
        if (!response.headersSent)
          send(response, badRequest ? 400 : 500, JSON.stringify({ errors: [{ message }] }) + '\n');
      });
  });
  httpServer.keepAliveTimeout = 65_000;

  return {
    httpServer,
    suggestionsFrom,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => resolve((httpServer.address() as { port: number }).port));
      }),
    close: async () => {
      await new Promise<void>((resolve) => {
        httpServer.close(() => resolve());
        httpServer.closeIdleConnections();
      });
      if (ownPool) await pool.end();
    },
  };
}

/**
 * Run by the benchmark in a process of its own, like Broadsheet: DATABASE_URL, PORT (0: any
 * free port), HOST; prints `hand-written endpoint at http://host:port/graphql`; SIGTERM stops it.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is required');
  const server = await createHandWrittenServer(url);
  const host = process.env.HOST || '127.0.0.1';
  const port = await server.listen(Number(process.env.PORT ?? 0), host);
  console.log(`hand-written endpoint at http://${host}:${port}/graphql (suggestions from ${server.suggestionsFrom})`);
  process.on('SIGTERM', () => {
    server.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('[hand-written] could not start:', error);
    process.exit(1);
  });
}
