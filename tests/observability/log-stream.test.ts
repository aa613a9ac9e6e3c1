import { spawnSync } from 'node:child_process';
import { stripVTControlCharacters } from 'node:util';
import { duplicateKeys } from '../helpers/json-lines';
import { Running, serverDataDir, startServer } from '../helpers/server-process';

/** `script` (util-linux; Debian's bsdutils, always installed) gives the server a terminal. */
const hasScript = spawnSync('script', ['--version']).status === 0;
if (!hasScript) console.log('log-stream: no `script` command (util-linux): the terminal test is skipped');

/**
 * The log as a collector reads it from a real process's stdout: one JSON object per line, each
 * key once, nothing else (no npm banner); and on a developer's terminal, readable lines.
 */
describe('the log stream of a running server', () => {
  const dataDir = serverDataDir('broadsheet-logs-');
  const production = {
    NODE_ENV: 'production',
    JWT_SECRET: 'a-production-secret-of-at-least-32-bytes!',
    SEED_DEMO: 'false',
  };

  it('the duplicate check catches what request lines used to hold', () => {
    const before =
      '{"level":30,"reqId":"r1","req":{"method":"POST"},"requestId":"r1","statements":0,"requestId":"r1","statements":2,"res":{"status":200}}';
    expect(duplicateKeys(before)).toEqual(['requestId', 'statements']);
    expect(duplicateKeys('{"a":{"b":1},"c":[{"b":1},{"b":2}],"d":"{\\"a\\":1,\\"a\\":2}"}')).toEqual([]);
  });

  it('`node dist/main.js` in production: every stdout line one JSON object, each key once, a line per request', async () => {
    const server = await startServer(dataDir, production);
    const ids = await makeRequests(server.url);
    const lines = jsonLines(await stopAndDrain(server));

    const requestLines = lines.filter((line) => line.msg === 'request' || line.msg === 'request failed');
    expect(requestLines.map((line) => line.requestId).sort()).toEqual([...ids].sort());
    expect(requestLines.find((line) => line.operationName === 'LogStreamFeed')).toMatchObject({
      req: { method: 'POST', url: '/graphql' },
      res: { status: 200 },
      statements: 2,
    });
    expect(lines.at(-1)?.msg).toBe('stopped');
  }, 60_000);

  it('`npm start --silent`: the same, and no npm banner', async () => {
    const server = await startServer(dataDir, { SEED_DEMO: 'false' }, 'npm');
    await makeRequests(server.url);
    const lines = jsonLines(await stopAndDrain(server));
    expect(lines.some((line) => String(line.msg).startsWith('GraphQL at'))).toBe(true);
  }, 60_000);

  (hasScript ? it : it.skip)(
    'on a terminal in development: one readable line per event (pino-pretty), not JSON',
    async () => {
      const server = await startServer(dataDir, { SEED_DEMO: 'false' }, 'terminal');
      await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: 'query OnTheTerminal { tags { tag } }' }),
      });
      const deadline = Date.now() + 10_000;
      while (!server.stdout().includes('OnTheTerminal') && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      server.child.kill('SIGTERM');
      await server.exited;
      const lines = stripVTControlCharacters(server.stdout()).split(/\r?\n/).filter(Boolean);
      expect(lines.find((line) => line.includes('GraphQL at'))).toMatch(
        /^\[\d\d:\d\d:\d\d\.\d{3}\] INFO: GraphQL at http/,
      );
      expect(lines.find((line) => line.includes('OnTheTerminal'))).toMatch(
        /^\[[\d:.]+\] INFO: request \{"requestId":"[0-9a-f-]{36}",.*"operationName":"OnTheTerminal"/,
      );
      expect(lines.filter((line) => line.startsWith('{'))).toEqual([]);
    },
    60_000,
  );
});

/** The requests whose lines the test reads: answered, refused, unknown; the probes are not logged. Their ids. */
async function makeRequests(url: string): Promise<string[]> {
  const base = url.replace(/\/graphql$/, '');
  const post = (body: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const answers = [
    await post(JSON.stringify({ query: 'query LogStreamFeed { posts(first: 2) { totalCount nodes { id } } }' })),
    await fetch(`${url}?query=${encodeURIComponent('{ tags { tag } }')}`),
    await post(JSON.stringify({ query: '{ posts(first: 2) { noSuchField } }' })),
    await post(
      JSON.stringify({ query: 'mutation { login(email: "nobody@example.com", password: "wrong one") { token } }' }),
    ),
    await post('{"query": '),
    await fetch(`${base}/no-such-page`),
    await fetch(url, {
      method: 'OPTIONS',
      headers: { origin: 'https://news.example', 'access-control-request-method': 'POST' },
    }),
  ];
  for (const probe of ['/healthz', '/readyz', '/metrics']) await (await fetch(`${base}${probe}`)).text();
  await Promise.all(answers.map((answer) => answer.text()));
  return answers.map((answer) => answer.headers.get('x-request-id')!);
}

/** SIGTERM, and stdout once the process (and, through npm, its children) closed it. */
async function stopAndDrain(server: Running): Promise<string> {
  const closed = new Promise((resolve) => server.child.once('close', resolve));
  server.child.kill('SIGTERM');
  await closed;
  return server.stdout();
}

/** Each line of stdout parsed, after checking it is one JSON object with each key once. */
function jsonLines(stdout: string): Array<Record<string, unknown>> {
  expect(stdout.endsWith('\n')).toBe(true);
  const lines = stdout.slice(0, -1).split('\n');
  const notJson = lines.filter((line) => {
    try {
      return typeof JSON.parse(line) !== 'object';
    } catch {
      return true;
    }
  });
  expect(notJson).toEqual([]);
  expect(lines.flatMap((line) => duplicateKeys(line).map((key) => `${key} in ${line}`))).toEqual([]);
  return lines.map((line) => JSON.parse(line) as Record<string, unknown>);
}
