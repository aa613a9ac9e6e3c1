import { randomBytes } from 'node:crypto';
import { Config } from '../../src/config';
import { Role } from '../../src/domain/enums';
import { publishedPost } from '../helpers/posts';
import { REDIS_ENV } from '../helpers/redis-probe';
import { TestServer, startTestServer } from '../helpers/test-server';

const redisUrl = process.env[REDIS_ENV];
if (!redisUrl)
  console.warn('[tests] no Redis answers: the Redis store bound of response-cache-bounds.test.ts is SKIPPED');

/** Small bounds, so a few posts overflow them; the defaults (1 MiB, a sixteenth of the heap) are the same code. */
const MAX_ENTRY_BYTES = 16 * 1024;
const MAX_BYTES = 64 * 1024;
const bounds: Partial<Config> = { responseCacheMaxEntryBytes: MAX_ENTRY_BYTES, responseCacheMaxBytes: MAX_BYTES };

/** A post whose body is about `bytes` long, and an anonymous reader's GET of it. */
async function postOfSize(api: TestServer, bytes: number): Promise<string> {
  const editor = (await api.signUp(Role.EDITOR)).token;
  const post = await publishedPost(api, editor, { body: `<p>${'harbour '.repeat(bytes / 8)}</p>` });
  return post.id;
}

/** GETs the post's body with `variables` (and any other query-string parameters) as a reader does. */
async function read(api: TestServer, variables: Record<string, unknown>, extra: Record<string, string> = {}) {
  const query = 'query Story($id: ID!) { post(id: $id) { id body } }';
  const params = new URLSearchParams({ query, variables: JSON.stringify(variables), ...extra });
  const response = await fetch(`${api.url}?${params}`);
  const body = (await response.json()) as { data: { post: { id: string; body: string } } };
  expect(body.data.post.id).toBe(variables.id);
  return response.headers.get('x-broadsheet-cache');
}

/** What the response cache holds, as an operator reads it from /metrics. */
async function held(api: TestServer): Promise<{ bytes: number; entries: number }> {
  const text = await (await fetch(api.url.replace(/graphql$/, 'metrics'))).text();
  const gauge = (name: string) => {
    const match = new RegExp(`^${name} (\\d+)$`, 'm').exec(text);
    if (!match) throw new Error(`/metrics has no ${name}`);
    return Number(match[1]);
  };
  return { bytes: gauge('broadsheet_response_cache_bytes'), entries: gauge('broadsheet_response_cache_entries') };
}

/**
 * Issue 16, item 2: the response cache as a memory sink. Tracking parameters made a new key per
 * request, nothing bounded the bytes kept, expired answers stayed, and a 14 MB answer was kept
 * like any other: 69 GETs of one with `utm_source=N` took a 1 GB heap down.
 */
describe('response cache bounds (issue 16)', () => {
  describe('in memory', () => {
    let api: TestServer;
    let small: string;
    let medium: string;
    let large: string;
    beforeAll(async () => {
      api = await startTestServer(bounds);
      [small, medium, large] = [await postOfSize(api, 200), await postOfSize(api, 6000), await postOfSize(api, 40_000)];
    });
    afterAll(() => api.close());

    it('keeps one answer for a query whatever other parameters the URL carries', async () => {
      const verdicts = [];
      for (let n = 0; n < 40; n += 1) verdicts.push(await read(api, { id: small }, { utm_source: `campaign-${n}` }));
      expect(verdicts).toEqual(['miss', ...Array(39).fill('hit')]);
    });

    it('answers an answer larger than RESPONSE_CACHE_MAX_ENTRY_BYTES every time, and never keeps it', async () => {
      const verdicts = [await read(api, { id: large }), await read(api, { id: large }), await read(api, { id: large })];
      expect(verdicts).toEqual(['miss', 'miss', 'miss']);
      expect((await held(api)).bytes).toBeLessThan(MAX_ENTRY_BYTES); // the small answer alone
    });

    it('holds no more than RESPONSE_CACHE_MAX_BYTES, letting the least recently used answers go', async () => {
      expect(await read(api, { id: medium, page: 'front' })).toBe('miss');
      // Thirty distinct answers of about 6 KB (variables the operation does not use still make
      // another request), the front page read again between each: about three times the bound.
      for (let n = 0; n < 30; n += 1) {
        expect(await read(api, { id: medium, page: n })).toBe('miss');
        expect(await read(api, { id: medium, page: 'front' })).toBe('hit');
      }
      expect(await read(api, { id: medium, page: 0 })).toBe('miss'); // the least recently used went first
      expect(await read(api, { id: medium, page: 'front' })).toBe('hit');
      const { bytes, entries } = await held(api);
      expect(bytes).toBeLessThanOrEqual(MAX_BYTES);
      expect(bytes).toBeGreaterThan(MAX_BYTES / 2);
      expect(entries).toBeGreaterThan(1);
    });
  });

  it('removes expired answers nobody asks for again', async () => {
    const api = await startTestServer({ ...bounds, cacheMaxAge: 1 });
    try {
      const id = await postOfSize(api, 1000);
      for (const page of [1, 2, 3]) expect(await read(api, { id, page })).toBe('miss');
      expect((await held(api)).entries).toBe(3);
      await new Promise((resolve) => setTimeout(resolve, 2500)); // past their max-age of one second
      expect(await read(api, { id, page: 4 })).toBe('miss');
      expect((await held(api)).entries).toBe(1);
    } finally {
      await api.close();
    }
  });

  (redisUrl ? it : it.skip)('keeps no answer over RESPONSE_CACHE_MAX_ENTRY_BYTES in Redis either', async () => {
    const api = await startTestServer({
      ...bounds,
      redisUrl,
      redisKeyPrefix: `broadsheet-test-${randomBytes(4).toString('hex')}:`,
    });
    try {
      const [small, large] = [await postOfSize(api, 200), await postOfSize(api, 40_000)];
      expect([await read(api, { id: small }), await read(api, { id: small }, { utm_medium: 'mail' })]).toEqual([
        'miss',
        'hit',
      ]);
      expect([await read(api, { id: large }), await read(api, { id: large }), await read(api, { id: large })]).toEqual([
        'miss',
        'miss',
        'miss',
      ]);
    } finally {
      await api.close();
    }
  });
});
