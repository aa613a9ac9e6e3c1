import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { bearerToken } from '../auth/bearer-token';
import { createSessionCheck } from '../auth/session-check';
import { TokenService } from '../auth/tokens';
import { Viewer } from '../auth/viewer';
import { Context } from '../context';
import { Queryable } from '../db/queryable';
import { UnauthenticatedError, UnavailableError } from '../errors/api-errors';
import { RequestFacts, factsOf } from '../observability/request-facts';
import { UnexpectedErrorLog } from '../observability/unexpected-error-log';
import { createReaders } from '../readers';
import { Services } from '../services';

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
  db: Queryable;
  services: Services;
  tokens: TokenService;
  /** POST_URL_TEMPLATE: where the front end shows a post. */
  postUrlTemplate: string;
  /** Where a failure while checking the session goes (Apollo's plugins do not see it). */
  logUnexpected: UnexpectedErrorLog;
}

/**
 * Builds the context of one request. A token that is present but bad, expired or
 * no longer current is UNAUTHENTICATED (HTTP 401) rather than silently anonymous, so a client learns to sign in again.
 */
export function createContextFactory(deps: ContextDeps) {
  const sessionCheck = createSessionCheck(deps.db);
  return async function createContext({ req, res }: { req: Request; res?: Response }): Promise<Context> {
    // Requests over HTTP come with theirs (src/observability/request-id.ts); executeOperation without.
    const facts: RequestFacts = res ? factsOf(res) : { requestId: randomUUID(), statements: 0, errorCodes: [] };
    const token = bearerToken(req.headers);
    let viewer: Viewer | null = null;
    if (token !== null) {
      const claims = token ? deps.tokens.verify(token) : null;
      try {
        viewer = claims && (await sessionCheck(claims));
      } catch (error) {
        deps.logUnexpected(error, { requestId: facts.requestId });
        throw new UnavailableError(facts.requestId);
      }
      if (!viewer) {
        throw new UnauthenticatedError(
          claims
            ? 'This sign-in has ended (signed out, password changed or account removed); sign in again.'
            : 'The sign-in token is invalid or expired; sign in again.',
          { status: 401 },
        );
      }
    }
    // Apollo hands resolvers a shallow copy of the context, so the readers follow this shared
    // session rather than the `viewer` property of whichever copy they were made with.
    const session = { viewer };
    return {
      viewer,
      readers: createReaders({
        db: countedIn(facts, deps.db),
        viewer: () => session.viewer,
        postUrlTemplate: deps.postUrlTemplate,
      }),
      facts,
      services: deps.services,
      clientIp: req.ip ?? req.socket.remoteAddress ?? 'unknown',
      signIn(this: Context, signedIn: Viewer) {
        this.viewer = signedIn;
        session.viewer = signedIn;
      },
    };
  };
}
