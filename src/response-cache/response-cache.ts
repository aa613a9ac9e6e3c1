import type { NextFunction, Request, Response } from 'express';
import { RequestFacts, factsOf } from '../context/request-facts';
import { GRAPHQL_VARY, markPublic } from '../http-cache/cache-headers';
import { PublicCacheControl } from '../http-cache/public-cache-control';
import { ScheduleHorizon } from '../http-cache/schedule-horizon';
import { answerKeyOf } from './answer-key';
import { AnswerStore, StoredAnswer } from './answer-store';
import { asksAnonymously } from './public-answer';

/** How long a request waits for the same request's answer in flight before it runs itself. */
const IN_FLIGHT_WAIT_MS = 2000;

/** A request that found nothing: where its answer may be kept, its type, and the store's generation when it looked. */
interface Miss {
  key: string;
  contentType: string;
  generation: number;
}

export interface ResponseCacheOptions {
  store: AnswerStore;
  horizon: ScheduleHorizon;
  publicCacheControl: PublicCacheControl;
  enabled: boolean;
  /** The largest answer kept, in bytes; a larger one is answered and not kept (in memory or in Redis). */
  maxEntryBytes: number;
  onError: (error: unknown) => void;
  /**
   * Requests the cache leaves alone: a client that carries a write no read replica has yet
   * (src/read-replicas), whose answer must be read afresh on the primary. None when omitted.
   */
  passes?: (facts: RequestFacts) => boolean;
}

/**
 * A cache of anonymous answers inside the server, so a burst of readers of one page costs one
 * execution. Requests with a token never touch it. An answer is kept only when it is public
 * (public-answer.ts) and at most `maxEntryBytes`, for `maxAge` seconds, under what Apollo reads
 * of the request and the type it is sent as (answer-key.ts), and dropped as soon as any of its
 * cache keys changes: changes of this process at commit, before the write answers, and every
 * change again when its event comes round from the outbox (committed), until that drop is done.
 */
export class ResponseCache {
  private readonly store: AnswerStore;
  private readonly horizon: ScheduleHorizon;
  private readonly publicCacheControl: PublicCacheControl;
  private readonly enabled: boolean;
  private readonly maxEntryBytes: number;
  private readonly onError: (error: unknown) => void;
  private readonly passes: (facts: RequestFacts) => boolean;

  constructor(options: ResponseCacheOptions) {
    this.store = options.store;
    this.horizon = options.horizon;
    this.publicCacheControl = options.publicCacheControl;
    this.enabled = options.enabled;
    this.maxEntryBytes = options.maxEntryBytes;
    this.onError = options.onError;
    this.passes = options.passes ?? (() => false);
  }

  /** Misses being answered now: readers of the same page meanwhile wait for that answer. */
  private readonly inFlight = new Map<string, Promise<void>>();
  /** This cache's per-request state: the requests that missed, by their facts. */
  private readonly misses = new WeakMap<RequestFacts, Miss>();

  /** Express middleware in front of GraphQL: answers a hit, or notes the miss. */
  readonly middleware = (req: Request, res: Response, next: NextFunction): void => {
    const body = req.body as { query?: unknown; extensions?: unknown } | undefined;
    const isOperation =
      req.method === 'GET' ||
      (req.method === 'POST' && body !== null && typeof body === 'object' && Boolean(body.query || body.extensions));
    const facts = factsOf(res);
    const cacheable = this.enabled && asksAnonymously(req.headers.authorization) && isOperation && !this.passes(facts);
    const answerKey = cacheable ? answerKeyOf(req) : undefined;
    if (!answerKey) {
      next();
      return;
    }
    const { key, contentType } = answerKey;
    // The first reader of a page answers it; a burst of the same request meanwhile waits for that
    // answer instead of running too. GETs only: a POST may be a mutation, which nobody should
    // wait behind (and mutations over GET are refused).
    const running = req.method === 'GET' ? this.inFlight.get(key) : undefined;
    let leading: (() => void) | undefined;
    if (!running && req.method === 'GET') {
      this.inFlight.set(key, new Promise<void>((resolve) => (leading = resolve)));
      res.once('close', () => {
        this.inFlight.delete(key);
        leading!();
      });
    }
    const waited = running
      ? Promise.race([running, new Promise((resolve) => setTimeout(resolve, IN_FLIGHT_WAIT_MS))])
      : Promise.resolve();
    waited
      .then(async () => {
        const hit = await this.store.get(key);
        if (hit) {
          facts.operationName = hit.operationName;
          await this.send(res, hit, contentType);
          return;
        }
        // Read before the answer is computed, and only then: a hit needs no generation.
        this.misses.set(facts, { key, contentType, generation: await this.store.generation() });
        next();
      })
      .catch((error: unknown) => {
        this.onError(error);
        if (!res.headersSent) next();
      });
  };

  private async send(res: Response, answer: StoredAnswer, contentType: string): Promise<void> {
    res.status(200);
    // The type the miss was sent as: it is part of the key.
    res.setHeader('content-type', contentType);
    // Without a length, compression would compress even a tiny answer.
    res.setHeader('content-length', answer.body.length);
    // Kept only when it was public (the cache policy plugin), so it is sent as public again.
    await markPublic(res.setHeader.bind(res), this.publicCacheControl, answer.keys, GRAPHQL_VARY);
    res.setHeader('x-broadsheet-cache', 'hit');
    res.end(answer.body);
  }

  /**
   * When this request looked here and found nothing, so its public answer may be kept: the type
   * its answer is to be sent as (a hit will be sent as that type too).
   */
  missed(facts: RequestFacts): { contentType: string } | undefined {
    return this.misses.get(facts);
  }

  /** Keeps a public answer of a request that missed (called by the cache policy plugin, before it is sent). */
  async remember(facts: RequestFacts, body: unknown, keys: string[], operationName?: string): Promise<void> {
    const miss = this.misses.get(facts);
    if (!miss) return;
    const json = JSON.stringify(body);
    // One character is at least one byte: most answers over the bound are known without encoding them.
    if (json.length > this.maxEntryBytes) return;
    const answer: StoredAnswer = { body: Buffer.from(json), keys, operationName };
    if (answer.body.length > this.maxEntryBytes) return;
    try {
      // Kept as long as a CDN may keep it: never past the next scheduled go-live.
      const { maxAge: ttl } = await this.publicCacheControl.lifetime();
      if (ttl >= 1) await this.store.set(miss.key, answer, ttl, miss.generation);
    } catch (error) {
      this.onError(error);
    }
  }

  /**
   * A committed change, as the outbox's consumer hands it round (on one instance): drops what it
   * replaced from a shared store, and moves its generation, whether or not the instance that made
   * it could at commit (Redis may have been away from it then). Rejects when the drop fails, so
   * the dispatcher hands the event round again. A store in memory is each instance's own: they
   * drop from theirs when the bus tells them (`changedElsewhere`).
   */
  async committed(keys: string[]): Promise<void> {
    if (this.store.shared) await this.store.drop(keys);
  }

  /**
   * A change, as the bus tells every instance: drops what it replaced here, unless the store is
   * shared (the consumer dropped it from the store already); the next go-live may have moved.
   */
  async changedElsewhere(keys: string[]): Promise<void> {
    if (this.store.shared) this.horizon.changed();
    else await this.forget(keys);
  }

  /** What this process holds, for /metrics. */
  size(): { bytes: number; entries: number } {
    return this.store.size();
  }

  /**
   * Drops the answers tagged with `keys` at commit, so the writer's next read is fresh; a failure
   * is logged, never thrown at the write that changed them (the consumer drops them again).
   */
  async forget(keys: string[]): Promise<void> {
    this.horizon.changed();
    try {
      await this.store.drop(keys);
    } catch (error) {
      this.onError(error);
    }
  }
}
