import type { ApolloServerPlugin } from '@apollo/server';
import type { DocumentNode, OperationDefinitionNode } from 'graphql';
import { DataSource } from 'typeorm';
import { Capability } from '../capability/capability';
import { Config } from '../config';
import { RequestFacts } from '../context/request-facts';
import { poolOf, statementLoggerOf } from '../db/prepared-reads';
import { Queryable } from '../db/queryable';
import { ReadReplicas, ReplicaStatus } from '../db/read-replicas';
import { ReadRouting, ReplicaRouting, primaryOnly } from '../db/read-routing';
import { WalPosition, committedWalPosition } from '../db/wal-position';
import { rootFieldNames } from '../limits/root-field-names';
import { Logger } from '../logger';
import { ReadAfterTokens } from './read-after-token';
import { readYourWrites } from './read-your-writes.middleware';

const previews = new WeakMap<OperationDefinitionNode, boolean>();

/**
 * Whether an operation asks for `previewPost`, whose reads go to the primary whoever asks: a
 * preview link is opened the moment it is made (the editor's Preview button), often in a tab
 * that carries no read-after token, and must not be NotFound. Read once per operation (Apollo
 * reuses parsed documents).
 */
function opensPreview(document: DocumentNode, operation: OperationDefinitionNode): boolean {
  let found = previews.get(operation);
  if (found === undefined) {
    found = rootFieldNames(document, operation).has('previewPost');
    previews.set(operation, found);
  }
  return found;
}

/** Connections per replica: as many as the primary's pool (src/db/data-source.ts). */
const REPLICA_POOL_SIZE = 10;

export interface ReadReplicasDeps {
  db: DataSource;
  /** The readers' way to the primary (src/db/prepared-reads.ts). */
  primary: Queryable;
  config: Pick<Config, 'databaseReplicaUrls' | 'replicaMaxLagMs' | 'replicaCheckIntervalMs'>;
  logger: Logger;
  /** Signs read-after tokens. */
  jwtSecret: string;
}

/** What the replicas report, for /readyz and /metrics. */
interface ReplicaReport {
  status(): ReplicaStatus[];
  /** Statements of requests' reads by the server that ran them (`primary`, or a replica's host:port). */
  statements: ReadonlyMap<string, number>;
}

export interface ReadReplicasCapability extends Capability {
  /** Where the readers of each request go (the context builder's). */
  routing: ReadRouting;
  /** Undefined without replicas. */
  report: ReplicaReport | undefined;
  /** The client carries a write no replica in use has yet: the response cache must not answer it. */
  awaitsOwnWrite(facts: RequestFacts): boolean;
  /** Resolves once the replicas in use have replayed `position` (or it took REPLICA_MAX_LAG_MS). */
  waitForReplay(position: WalPosition): Promise<void>;
}

/**
 * Read replicas (DATABASE_REPLICA_URLS): anonymous reads go to replicas, everything else to the
 * primary (src/db/read-routing.ts says which and why), replicas too far behind or gone are
 * skipped and used again when they are back (src/db/read-replicas.ts). What it adds to a
 * request: the read-after token in and out (read-your-writes.middleware.ts), and a plugin that
 * keeps the reads of mutations and of previews on the primary. Without replicas it adds nothing.
 */
export function readReplicas(deps: ReadReplicasDeps): ReadReplicasCapability {
  const { config, logger } = deps;
  const name = 'read replicas';
  if (config.databaseReplicaUrls.length === 0) {
    return {
      name,
      routing: primaryOnly(deps.primary),
      report: undefined,
      awaitsOwnWrite: () => false,
      waitForReplay: async () => undefined,
    };
  }
  const primaryPool = poolOf(deps.db);
  const replicas = new ReadReplicas(
    primaryPool,
    {
      urls: config.databaseReplicaUrls,
      maxLagMs: config.replicaMaxLagMs,
      checkIntervalMs: config.replicaCheckIntervalMs,
      poolSize: REPLICA_POOL_SIZE,
    },
    { info: (message) => logger.info(message), warn: (message) => logger.warn(message) },
    statementLoggerOf(deps.db),
  );
  replicas.start();
  const routing = new ReplicaRouting(deps.primary, replicas);
  const pinToPrimary: ApolloServerPlugin<{ facts: RequestFacts }> = {
    async requestDidStart({ contextValue }) {
      return {
        async didResolveOperation({ document, operation }) {
          if (operation?.operation === 'mutation') routing.noteMutation(contextValue.facts);
          else if (operation && opensPreview(document, operation)) routing.pinToPrimary(contextValue.facts);
        },
      };
    },
  };
  const primaryPosition = { query: async (sql: string) => (await primaryPool.query(sql)).rows };
  return {
    name,
    routing,
    report: { status: () => replicas.status(), statements: routing.statements },
    awaitsOwnWrite: (facts) => routing.awaitsOwnWrite(facts),
    waitForReplay: (position) => replicas.waitForReplay(position),
    mount(app) {
      app.use(
        readYourWrites({
          routing,
          tokens: new ReadAfterTokens(deps.jwtSecret),
          primaryPosition: () => committedWalPosition(primaryPosition),
          // Past this, every replica in use has replayed the token's position: it is at most
          // REPLICA_MAX_LAG_MS behind as of a check, and the write was flushed within a second
          // (wal_writer_delay, with synchronous_commit off).
          cookieSeconds: Math.ceil((config.replicaMaxLagMs + 2 * config.replicaCheckIntervalMs + 1000) / 1000),
          onError: (error) =>
            logger.warn('could not read the primary WAL position for a read-after token', { cause: String(error) }),
        }),
      );
    },
    plugins: [pinToPrimary],
    stop: () => replicas.close(),
  };
}
