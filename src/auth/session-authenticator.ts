import { Queryable } from '../db/queryable';
import { UnauthenticatedError, UnavailableError } from '../errors/api-errors';
import { createSessionCheck } from './session-check';
import { TokenClaims, TokenService } from './tokens';
import { Viewer } from './viewer';

/** A signed-in session: who, and the claims to check again later (a long-lived socket). */
export interface Session {
  viewer: Viewer;
  claims: TokenClaims;
}

export interface SessionAuthenticator {
  /**
   * The session a bearer token stands for. A token that is bad, expired or no longer current
   * is UNAUTHENTICATED (so a client learns to sign in again, rather than silently reading as
   * anonymous); a failure to check is UNAVAILABLE.
   */
  authenticate(token: string, requestId: string): Promise<Session>;
  /** Whether a session still stands (not signed out, password unchanged, author not removed). */
  stillValid(claims: TokenClaims): Promise<Viewer | null>;
}

export function createSessionAuthenticator(deps: {
  db: Queryable;
  tokens: TokenService;
  /** Where a failure while checking goes (Apollo's plugins do not see it). */
  logUnexpected: (error: unknown, fields: Record<string, unknown>) => void;
}): SessionAuthenticator {
  const sessionCheck = createSessionCheck(deps.db);
  return {
    async authenticate(token, requestId) {
      const claims = token ? deps.tokens.verify(token) : null;
      let viewer: Viewer | null;
      try {
        viewer = claims && (await sessionCheck(claims));
      } catch (error) {
        deps.logUnexpected(error, { requestId });
        throw new UnavailableError(requestId);
      }
      if (!claims || !viewer) {
        throw new UnauthenticatedError(
          claims
            ? 'This sign-in has ended (signed out, password changed or account removed); sign in again.'
            : 'The sign-in token is invalid or expired; sign in again.',
          { status: 401 },
        );
      }
      return { viewer, claims };
    },
    stillValid: sessionCheck,
  };
}
