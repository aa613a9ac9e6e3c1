import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { MIN_SECRET_BYTES, loadConfig } from '../../src/config';
import { TestServer, startTestServer } from '../helpers/test-server';

/** What production mode shows a probing client, and what it refuses to start with. */
describe('production mode', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ production: true, introspection: false, graphqlIde: 'off' });
  });
  afterAll(() => api.close());

  it.each([
    ['a misspelt root field', '{ postz(first: 1) { nodes { id } } }'],
    ['a misspelt nested field', '{ posts(first: 1) { nodes { titel } } }'],
    ['a misspelt argument', '{ posts(frist: 1) { nodes { id } } }'],
    ['a misspelt type in a fragment', '{ node(id: "x") { ... on Pots { id } } }'],
  ])('names no schema element in the error for %s', async (_case, query) => {
    const response = await api.post(JSON.stringify({ query }));
    const body = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(response.status).toBe(400);
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
    for (const error of body.errors) expect(error.message).not.toMatch(/Did you mean/i);
  });

  it('refuses introspection', async () => {
    const response = await api.post(JSON.stringify({ query: '{ __schema { types { name } } }' }));
    const body = (await response.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0].message).toMatch(/introspection/i);
  });
});

describe('the signing secret', () => {
  it(`is refused under ${MIN_SECRET_BYTES} bytes, with the way to make one`, () => {
    expect(() => loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'x' })).toThrow(
      /JWT_SECRET is 1 bytes; it must be at least 32\. Generate one with: openssl rand -base64 48/,
    );
    expect(() => loadConfig({ JWT_SECRET: 'é'.repeat(15) })).toThrow(/JWT_SECRET is 30 bytes/);
    expect(loadConfig({ NODE_ENV: 'production', JWT_SECRET: 'k'.repeat(32) }).jwtSecret).toBe('k'.repeat(32));
  });

  it('stops the server at start with that one line, before touching any database', () => {
    const mainJs = path.resolve(__dirname, '..', '..', 'dist', 'main.js');
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, NODE_ENV: 'production', JWT_SECRET: 'short' };
    const run = spawnSync(process.execPath, [mainJs], { env, encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      '[broadsheet] could not start: JWT_SECRET is 5 bytes; it must be at least 32. Generate one with: openssl rand -base64 48',
    ]);
  });
});
