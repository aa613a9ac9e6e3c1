import type { Response } from 'express';

/**
 * What one request did, gathered as it runs and written into its log line and metrics when the
 * answer is sent: the operation, its cost estimate, how many SQL statements its reads sent, and
 * the error codes it answered with.
 */
export interface RequestFacts {
  requestId: string;
  /** The OpenTelemetry trace the request is part of, when tracing is on (OTEL_EXPORTER_OTLP_ENDPOINT). */
  traceId?: string;
  operationName?: string;
  cost?: number;
  statements: number;
  errorCodes: string[];
  /** What executed it (GRAPHQL_EXECUTION): compiled by graphql-jit, or graphql-js with the resolvers. */
  execution?: 'compiled' | 'resolvers';
  /**
   * What lists of posts read with their posts for the fields asked of each (compiled path,
   * src/schema/post-list-prefetch.ts), e.g. `comments(3),replies,commentCount,relatedLinks`.
   */
  prefetch?: string;
  /** The cache keys of what its reads returned (src/domain/cache-keys.ts), for its cache tags. */
  cacheKeys?: Set<string>;
}

/** The facts of the request whose response this is (made by the request-id middleware). */
export function factsOf(res: Response): RequestFacts {
  return res.locals.facts as RequestFacts;
}
