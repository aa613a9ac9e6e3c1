import jwt from 'jsonwebtoken';
import { UUID } from '../domain/uuid';

/** What a valid token says: whose it is and which of their token versions it was issued under. */
export interface TokenClaims {
  authorId: string;
  tokenVersion: number;
  /** When the token stops counting (ms since the epoch); set on verified tokens. */
  expiresAt?: number;
}

/**
 * Signs and verifies the bearer tokens that `login` hands out (HS256 JWTs). A token names the
 * author and their token version only: the role and whether the token still counts are read
 * from the database on each request (src/auth/session-check.ts), so a changed role, a sign-out
 * or a removed author take effect at once.
 */
export class TokenService {
  constructor(
    private readonly secret: string,
    private readonly expiresIn: string,
  ) {}

  sign(claims: TokenClaims): string {
    return jwt.sign({ ver: claims.tokenVersion }, this.secret, {
      algorithm: 'HS256',
      subject: claims.authorId,
      expiresIn: this.expiresIn as jwt.SignOptions['expiresIn'],
    });
  }

  /**
   * The claims of a token, or null when it is forged, expired or malformed, or says what `sign`
   * never writes: jsonwebtoken checks `exp` only when there is one, so a token without it would
   * never expire; and `sub` goes to SQL as a uuid, where anything else fails the statement (a
   * 503, for every request checked in the same batch) instead of being a bad token (issue 16).
   */
  verify(token: string): TokenClaims | null {
    try {
      const claims = jwt.verify(token, this.secret, { algorithms: ['HS256'] });
      if (
        typeof claims !== 'object' ||
        typeof claims.sub !== 'string' ||
        !UUID.test(claims.sub) ||
        !Number.isInteger(claims.ver) ||
        typeof claims.exp !== 'number'
      ) {
        return null;
      }
      return { authorId: claims.sub, tokenVersion: claims.ver as number, expiresAt: claims.exp * 1000 };
    } catch {
      return null;
    }
  }
}
