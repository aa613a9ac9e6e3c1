import type { KeyValueCache, KeyValueCacheSetOptions } from '@apollo/utils.keyvaluecache';
import { RedisClients } from './redis-clients';

/**
 * Apollo's persisted-query cache in Redis, shared by every instance: a hash registered through
 * one instance is known to all. While Redis is away it answers misses and forgets writes, and
 * clients fall back to sending the full query, as the APQ protocol has them do on a miss.
 */
export class RedisKeyValueCache implements KeyValueCache<string> {
  constructor(
    private readonly redis: RedisClients,
    private readonly namespace: string,
  ) {}

  private key(key: string): string {
    return `${this.redis.prefix}${this.namespace}${key}`;
  }

  async get(key: string): Promise<string | undefined> {
    try {
      return (await this.redis.commands.get(this.key(key))) ?? undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, value: string, options?: KeyValueCacheSetOptions): Promise<void> {
    try {
      if (options?.ttl) await this.redis.commands.set(this.key(key), value, 'EX', options.ttl);
      else await this.redis.commands.set(this.key(key), value);
    } catch {
      // Not kept: the next client to use the hash sends the query again.
    }
  }

  async delete(key: string): Promise<boolean> {
    try {
      return (await this.redis.commands.del(this.key(key))) > 0;
    } catch {
      return false;
    }
  }
}
