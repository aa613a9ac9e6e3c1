import { DataSource } from 'typeorm';
import { TokenService } from '../auth/tokens';
import { Capability } from '../capability/capability';
import { Logger } from '../logger';
import { idempotencyKeys } from './idempotency-keys.middleware';
import { IdempotencyStore } from './idempotency-store';
import { IdempotencyLimits } from './keyed-run';

const HOUR_MS = 60 * 60 * 1000;

/**
 * `Idempotency-Key` on mutations: a middleware in front of Apollo that answers a retry with the
 * first answer, kept in PostgreSQL (table idempotency_keys), and an hourly job that removes
 * keys past their 24 hours.
 */
export function idempotency(deps: {
  db: DataSource;
  tokens: TokenService;
  logger: Logger;
  config: IdempotencyLimits;
}): Capability {
  const store = new IdempotencyStore(deps.db, deps.config);
  return {
    name: 'idempotency keys',
    graphql: {
      afterBody: [
        idempotencyKeys(store, deps.tokens, (error) => deps.logger.error('could not keep an idempotent answer', error)),
      ],
    },
    jobs: [
      {
        name: 'idempotency prune',
        everyMs: HOUR_MS,
        firstAfterMs: HOUR_MS,
        run: () => store.prune(),
        failing: 'could not prune idempotency keys; trying again in an hour',
        recovered: 'pruning idempotency keys again',
      },
    ],
  };
}
