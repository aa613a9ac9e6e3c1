import { loadConfig } from '../../src/config';
import { IDE_ASSETS_PATH } from '../../src/ide';
import { TestServer, startTestServer } from '../helpers/test-server';

/** What a browser's navigation sends; fetch and GraphQL clients send `*\/*` or JSON types. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/** GRAPHQL_IDE over HTTP (the browser test is offline-ide.test.ts): what GET /graphql answers. */
describe('GRAPHQL_IDE', () => {
  const production = { NODE_ENV: 'production', JWT_SECRET: 'a-production-secret-of-at-least-32-bytes!' };

  it('is sandbox outside production, off in it, and GRAPHQL_LANDING_PAGE still says which', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).graphqlIde).toBe('sandbox');
    expect(loadConfig(production).graphqlIde).toBe('off');
    expect(loadConfig({ NODE_ENV: 'test', GRAPHQL_LANDING_PAGE: 'false' }).graphqlIde).toBe('off');
    expect(loadConfig({ ...production, GRAPHQL_LANDING_PAGE: 'true' }).graphqlIde).toBe('sandbox');
    expect(loadConfig({ ...production, GRAPHQL_IDE: 'offline', GRAPHQL_LANDING_PAGE: 'false' }).graphqlIde).toBe(
      'offline',
    );
    expect(() => loadConfig({ NODE_ENV: 'test', GRAPHQL_IDE: 'graphiql' })).toThrow(
      'GRAPHQL_IDE must be sandbox, offline or off; got "graphiql"',
    );
  });

  describe('offline', () => {
    let api: TestServer;
    beforeAll(async () => {
      api = await startTestServer({ graphqlIde: 'offline' });
    });
    afterAll(() => api.close());

    it('serves a browser a page that names no other host, and its assets from this server', async () => {
      const page = await fetch(api.url, { headers: { accept: BROWSER_ACCEPT } });
      expect(page.status).toBe(200);
      expect(page.headers.get('content-type')).toMatch(/^text\/html/);
      const html = await page.text();
      expect(html).not.toMatch(/\/\/[a-z0-9.-]+\.[a-z]{2,}/i);
      expect(html).toContain(`"${IDE_ASSETS_PATH}ruru.js"`);

      const script = await fetch(new URL(`${IDE_ASSETS_PATH}ruru.js`, api.url), {
        headers: { 'accept-encoding': 'br' },
      });
      expect(script.status).toBe(200);
      expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
      expect((await script.arrayBuffer()).byteLength).toBeGreaterThan(100_000);
      expect((await fetch(new URL(`${IDE_ASSETS_PATH}nothing.js`, api.url))).status).toBe(404);
    });

    it('leaves GET queries of clients to Apollo, whose own landing page is off', async () => {
      const answer = await fetch(`${api.url}?query=${encodeURIComponent('{ __typename }')}`, {
        headers: { accept: 'application/json' },
      });
      expect(await answer.json()).toEqual({ data: { __typename: 'Query' } });
      const anything = await fetch(`${api.url}?query=${encodeURIComponent('{ __typename }')}`);
      expect(await anything.json()).toEqual({ data: { __typename: 'Query' } });
    });
  });

  it.each([
    ['sandbox', /apollo/i],
    ['off', null],
  ] as const)('%s: GET /graphql from a browser is Apollo Sandbox, or no page', async (graphqlIde, page) => {
    const api = await startTestServer({ graphqlIde });
    try {
      const answer = await fetch(api.url, { headers: { accept: BROWSER_ACCEPT } });
      const body = await answer.text();
      if (page) expect(body).toMatch(page);
      else expect(answer.headers.get('content-type')).not.toMatch(/^text\/html/);
      expect(body).not.toContain(IDE_ASSETS_PATH);
    } finally {
      await api.close();
    }
  });
});
