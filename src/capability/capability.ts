import type { ApolloServerPlugin } from '@apollo/server';
import type { Express, RequestHandler } from 'express';
import type { Context } from '../context/context';
import type { EventConsumer } from '../events/dispatcher';
import type { BackgroundJob } from './background-job';

/**
 * What one cross-cutting capability (the response cache, live updates, feeds, idempotency keys,
 * purges, observability, ...) adds to the server, returned by the one factory in its folder's
 * index.ts. server.ts only lists capabilities and wires what they return, in list order:
 *
 * - `mount` runs before the GraphQL endpoint is mounted: its own routes, and middleware for
 *   every request;
 * - `graphql.beforeBody` runs first on `/graphql` (so also for answers refused before GraphQL
 *   runs: a body too large, bad JSON), `graphql.afterBody` once the body is parsed, before Apollo;
 * - `plugins` are Apollo plugins; `consumers` hear the outbox's committed events; `jobs` run on
 *   the one scheduler (src/capability/job-scheduler.ts) once the server starts its jobs;
 * - `stop` runs after the jobs have stopped and before Apollo stops.
 *
 * A capability's per-request state is its own (a WeakMap keyed by the request's facts, say),
 * never a field on another capability's record.
 */
export interface Capability {
  /** Names it in logs. */
  name: string;
  mount?(app: Express): void;
  graphql?: { beforeBody?: RequestHandler[]; afterBody?: RequestHandler[] };
  plugins?: ApolloServerPlugin<Context>[];
  consumers?: EventConsumer[];
  jobs?: BackgroundJob[];
  stop?(): Promise<void>;
}
