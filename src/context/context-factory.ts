import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { bearerToken } from '../auth/bearer-token';
import { SessionAuthenticator } from '../auth/session-authenticator';
import { Viewer } from '../auth/viewer';
import { Queryable } from '../db/queryable';
import { ReadRouting } from '../db/read-routing';
import { SitePaths } from '../domain/site-paths';
import { Readers, createReaders } from '../readers';
import { Services } from '../services';
import { Context } from './context';
import { RequestFacts, factsOf } from './request-facts';

/** The same queries, each counted in the request's facts. */
function countedIn(facts: RequestFacts, db: Queryable): Queryable {
  return {
    query(sql, params) {
      facts.statements += 1;
      return db.query(sql, params);
    },
  };
}

export interface ContextDeps {
  /** Where the readers' statements go: the primary, or a replica (src/db/read-routing.ts). */
  db: ReadRouting;
  services: Services;
  sessions: SessionAuthenticator;
  /** POST_URL_TEMPLATE: where the front end shows a post. */
  postUrlTemplate: string;
  /** The public site's paths (POST_URL_TEMPLATE, PUBLIC_BASE_URL), for resolveUrl. */
  sitePaths: SitePaths;
  /** Where a stored media file is served (src/media). */
  mediaUrl: (key: string) => string;
}

/** Builds contexts for who asks: one per HTTP request, one per live subscription. */
export function createContextBuilder(deps: ContextDeps) {
  return function contextFor(viewer: Viewer | null, facts: RequestFacts, clientIp: string): Context {
    // Apollo hands resolvers a shallow copy of the context, so the readers follow this shared
    // session rather than the `viewer` property of whichever copy they were made with.
    const session = { viewer };
    const cacheKeys = (facts.cacheKeys ??= new Set());
    const readers = (): Readers =>
      createReaders({
        db: countedIn(facts, deps.db.readsFor(facts, session.viewer !== null)),
        viewer: () => session.viewer,
        postUrlTemplate: deps.postUrlTemplate,
        sitePaths: deps.sitePaths,
        mediaUrl: deps.mediaUrl,
        cacheKeys,
      });
    return {
      viewer,
      readers: readers(),
      freshReaders(this: Context) {
        this.readers = readers();
        return this.readers;
      },
      facts,
      services: deps.services,
      clientIp,
      signIn(this: Context, signedIn: Viewer) {
        this.viewer = signedIn;
        session.viewer = signedIn;
      },
    };
  };
}

export type ContextBuilder = ReturnType<typeof createContextBuilder>;

/**
 * Builds the context of one HTTP request. A token that is present but bad, expired or no
 * longer current is UNAUTHENTICATED (HTTP 401) rather than silently anonymous.
 */
export function createContextFactory(contextFor: ContextBuilder, sessions: SessionAuthenticator) {
  return async function createContext({ req, res }: { req: Request; res?: Response }): Promise<Context> {
    // Requests over HTTP come with theirs (src/observability/request-id.ts); executeOperation without.
    const facts: RequestFacts = res ? factsOf(res) : { requestId: randomUUID(), statements: 0, errorCodes: [] };
    const token = bearerToken(req.headers);
    const viewer = token === null ? null : (await sessions.authenticate(token, facts.requestId)).viewer;
    return contextFor(viewer, facts, req.ip ?? req.socket.remoteAddress ?? 'unknown');
  };
}
