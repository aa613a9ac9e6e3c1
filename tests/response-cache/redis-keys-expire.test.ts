import { randomBytes } from 'node:crypto';
import Redis from 'ioredis';
import { Role } from '../../src/domain/enums';
import { LoginDocument } from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { publishedPost } from '../helpers/posts';
import { REDIS_ENV } from '../helpers/redis-probe';
import { TestServer } from '../helpers/test-server';

const redisUrl = process.env[REDIS_ENV];
// Without Redis (a machine that has none) these are skipped; global setup prints that none answered.
const describeWithRedis = redisUrl ? describe : describe.skip;

/** The README promises that every key Broadsheet writes to Redis expires: a Redis without `maxmemory` does not fill up. */
describeWithRedis('keys in Redis (needs a Redis; skipped without one)', () => {
  const prefix = `broadsheet-test-${randomBytes(4).toString('hex')}:`;
  let api: TestServer;
  let editor: string;
  let redis: Redis;
  beforeAll(async () => {
    const newsroom = await startNewsroom({ editor: Role.EDITOR }, { redisUrl, redisKeyPrefix: prefix });
    ({ api } = newsroom);
    editor = newsroom.editor.token;
    redis = new Redis(redisUrl!);
  });
  afterAll(async () => {
    const keys = await ourKeys();
    if (keys.length > 0) await redis.del(...keys);
    redis.disconnect();
    await api.close();
  });

  async function ourKeys(): Promise<string[]> {
    const keys: string[] = [];
    let cursor = '0';
    do {
      const [next, batch] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000);
      keys.push(...batch);
      cursor = next;
    } while (cursor !== '0');
    return keys;
  }

  /** Repeats `act` until Redis holds a key of ours matching `pattern` (the server reaches Redis in the background). */
  async function until(pattern: RegExp, act: (attempt: number) => Promise<unknown>): Promise<void> {
    for (let attempt = 0; !(await ourKeys()).some((key) => pattern.test(key)); attempt += 1) {
      if (attempt === 100) throw new Error(`no key like ${pattern} in Redis`);
      await act(attempt);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  it('every one has a time to live: answers, their tags, the generation, rate-limit counters', async () => {
    await until(/answer:/, () => fetch(`${api.url}?query=${encodeURIComponent('{ tags { tag count } }')}`));
    // A change drops the answers it touches and moves the generation.
    await until(/answers-generation$/, () => publishedPost(api, editor, { tags: ['expiring'] }));
    await until(/limit:/, (attempt) =>
      api.gql(
        LoginDocument,
        { email: 'nobody@example.com', password: 'not the password' },
        { headers: { 'x-forwarded-for': `10.20.0.${attempt}` } },
      ),
    );

    const keys = await ourKeys();
    expect(keys).toContain(`${prefix}answers-generation`);
    const ttls = await Promise.all(keys.map(async (key) => ({ key, ttl: await redis.ttl(key) })));
    expect(ttls.filter(({ ttl }) => ttl <= 0)).toEqual([]);
    const generation = ttls.find(({ key }) => key === `${prefix}answers-generation`)!;
    expect(generation.ttl).toBeGreaterThan(86_400 - 60);
    expect(generation.ttl).toBeLessThanOrEqual(86_400);
  });
});
