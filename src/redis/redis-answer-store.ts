import { AnswerStore, StoredAnswer } from '../delivery/answer-store';
import { RedisClients } from './redis-clients';

/**
 * The response cache in Redis, shared by every instance: answers under `answer:<key>`, and per
 * cache tag the set of answers carrying it, so a change drops them wherever they were made.
 * While Redis is away it keeps nothing and finds nothing: requests are answered afresh.
 */
export class RedisAnswerStore implements AnswerStore {
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
      const stored = await this.redis.commands.get(this.answerKey(key));
      return stored ? (JSON.parse(stored) as StoredAnswer) : undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, answer: StoredAnswer, ttlSeconds: number, generation: number): Promise<void> {
    try {
      // Not kept when anything was dropped meanwhile: the answer may show what was dropped.
      if ((await this.generation()) !== generation) return;
      const multi = this.redis.commands.multi().set(this.answerKey(key), JSON.stringify(answer), 'EX', ttlSeconds);
      for (const tag of answer.keys) multi.sadd(this.tagKey(tag), key).expire(this.tagKey(tag), ttlSeconds * 2);
      await multi.exec();
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

  async drop(keys: string[]): Promise<void> {
    const { commands } = this.redis;
    await commands.incr(this.generationKey);
    const tagged = await Promise.all(keys.map((tag) => commands.smembers(this.tagKey(tag))));
    const answers = [...new Set(tagged.flat())].map((key) => this.answerKey(key));
    if (answers.length > 0) await commands.del(...answers);
    await commands.del(...keys.map((tag) => this.tagKey(tag)));
  }
}
