import { RedisClients } from '../redis/redis-clients';
import { AnswerStore, StoredAnswer } from './answer-store';

/**
 * Keeps an answer only if nothing was dropped since its generation was read, in one step (a drop
 * between the check and the write would leave a stale answer kept). Tag sets live as long as their
 * longest-lived answer. KEYS: generation, answer, tag sets; ARGV: generation, answer, ttl, its key.
 */
const STORE = `
if tonumber(redis.call('GET', KEYS[1]) or '0') ~= tonumber(ARGV[1]) then return 0 end
redis.call('SET', KEYS[2], ARGV[2], 'EX', ARGV[3])
local keep = tonumber(ARGV[3]) * 2
for i = 3, #KEYS do
  redis.call('SADD', KEYS[i], ARGV[4])
  if redis.call('TTL', KEYS[i]) < keep then redis.call('EXPIRE', KEYS[i], keep) end
end
return 1`;

/**
 * Drops every answer tagged with the given keys and moves the generation, in one step (a store
 * cannot slip in between). KEYS: generation, tag sets; ARGV: the prefix of answers' keys, the
 * generation's time to live.
 */
const DROP = `
redis.call('INCR', KEYS[1])
redis.call('EXPIRE', KEYS[1], ARGV[2])
for i = 2, #KEYS do
  for _, member in ipairs(redis.call('SMEMBERS', KEYS[i])) do redis.call('DEL', ARGV[1] .. member) end
  redis.call('DEL', KEYS[i])
end
return 1`;

/** Ends the line of an answer's keys and name, before its body (JSON never holds a raw newline). */
const NEWLINE = 0x0a;

/**
 * Every key we write expires, the generation too: a day after the last drop. It only has to
 * outlive the requests that read it; once gone it reads as 0, and an answer is kept only when
 * the generation it read is the one it stores under, which a request would need a day to see
 * come round again.
 */
const GENERATION_TTL_SECONDS = 86_400;

/**
 * The response cache in Redis, shared by every instance: answers under `answer:<key>` (a line of
 * JSON with their tags and operation name, then the body's bytes as sent, so a hit parses one
 * short line), and per cache tag the set of answers carrying it, so a change drops them wherever
 * they were made. While Redis is away it keeps nothing and finds nothing: requests are answered
 * afresh. A drop that fails rejects: the outbox's consumer tries it again until it is done.
 */
export class RedisAnswerStore implements AnswerStore {
  readonly shared = true;

  constructor(private readonly redis: RedisClients) {}

  private answerKey(key: string): string {
    return `${this.redis.prefix}answer:${key}`;
  }

  private tagKey(tag: string): string {
    return `${this.redis.prefix}answers-tagged:${tag}`;
  }

  private get generationKey(): string {
    return `${this.redis.prefix}answers-generation`;
  }

  async get(key: string): Promise<StoredAnswer | undefined> {
    try {
      const stored = await this.redis.commands.getBuffer(this.answerKey(key));
      const end = stored?.indexOf(NEWLINE) ?? -1;
      if (!stored || end < 0) return undefined; // none, or kept by an older release in another shape
      const { keys, operationName } = JSON.parse(stored.subarray(0, end).toString()) as Omit<StoredAnswer, 'body'>;
      return { body: stored.subarray(end + 1), keys, operationName };
    } catch {
      return undefined;
    }
  }

  async set(key: string, answer: StoredAnswer, ttlSeconds: number, generation: number): Promise<void> {
    try {
      await this.redis.commands.eval(
        STORE,
        2 + answer.keys.length,
        this.generationKey,
        this.answerKey(key),
        ...answer.keys.map((tag) => this.tagKey(tag)),
        String(generation),
        Buffer.concat([
          Buffer.from(`${JSON.stringify({ keys: answer.keys, operationName: answer.operationName })}\n`),
          answer.body,
        ]),
        String(ttlSeconds),
        key,
      );
    } catch {
      // Not kept; the next reader computes it again.
    }
  }

  async generation(): Promise<number> {
    try {
      return Number((await this.redis.commands.get(this.generationKey)) ?? 0);
    } catch {
      return -1; // never equal to a later read: nothing is kept while Redis is unsure
    }
  }

  size(): { bytes: number; entries: number } {
    return { bytes: 0, entries: 0 }; // Redis holds them: see its own INFO memory
  }

  async drop(keys: string[]): Promise<void> {
    await this.redis.commands.eval(
      DROP,
      1 + keys.length,
      this.generationKey,
      ...keys.map((tag) => this.tagKey(tag)),
      this.answerKey(''),
      String(GENERATION_TTL_SECONDS),
    );
  }
}
