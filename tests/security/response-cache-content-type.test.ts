import { randomBytes } from 'node:crypto';
import { Config } from '../../src/config';
import { Role } from '../../src/domain/enums';
import { publishedPost } from '../helpers/posts';
import { REDIS_ENV } from '../helpers/redis-probe';
import { TestServer, startTestServer } from '../helpers/test-server';

const redisUrl = process.env[REDIS_ENV];
if (!redisUrl)
  console.warn('[tests] no Redis answers: the Redis store case of response-cache-content-type.test.ts is SKIPPED');

const GRAPHQL_RESPONSE = 'application/graphql-response+json; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

const stores: Array<[string, Partial<Config>]> = [['in memory', {}]];
if (redisUrl) stores.push(['in Redis', { redisUrl }]);

/**
 * Issue 16, item 11: a miss asked for as `application/graphql-response+json` was sent as that
 * type, and every later hit of the same URL as `application/json`, whatever it asked for, with
 * nothing telling a shared cache that the answer depends on Accept.
 */
describe.each(stores)('response cache and Accept (issue 16), %s', (_store, overrides) => {
  let api: TestServer;
  let url: string;
  beforeAll(async () => {
    api = await startTestServer({
      ...overrides,
      redisKeyPrefix: `broadsheet-test-${randomBytes(4).toString('hex')}:`,
    });
    const editor = (await api.signUp(Role.EDITOR)).token;
    const post = await publishedPost(api, editor, { tags: ['accept'] });
    url = `${api.url}?${new URLSearchParams({ query: `{ post(id: "${post.id}") { id title } }` })}`;
  });
  afterAll(() => api.close());

  const get = async (accept: string) => {
    const response = await fetch(url, { headers: { accept } });
    expect(response.status).toBe(200);
    return {
      cache: response.headers.get('x-broadsheet-cache'),
      type: response.headers.get('content-type'),
      vary: (response.headers.get('vary') ?? '').split(/\s*,\s*/).map((name) => name.toLowerCase()),
      data: ((await response.json()) as { data: unknown }).data,
    };
  };

  it('sends a hit as the type the client asked for, as a miss is sent, and varies on Accept', async () => {
    const answers = [
      await get('application/graphql-response+json'),
      await get('application/graphql-response+json'),
      await get('application/json'),
      await get('application/json'),
      await get('application/graphql-response+json, application/json;q=0.9'),
    ];
    expect(answers.map(({ cache, type }) => [cache, type])).toEqual([
      ['miss', GRAPHQL_RESPONSE],
      ['hit', GRAPHQL_RESPONSE],
      ['miss', JSON_TYPE],
      ['hit', JSON_TYPE],
      ['hit', GRAPHQL_RESPONSE],
    ]);
    for (const { vary } of answers) expect(vary).toEqual(expect.arrayContaining(['accept', 'authorization']));
    for (const { data } of answers) expect(data).toEqual(answers[0].data);
  });
});
