import jwt from 'jsonwebtoken';

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

  /** The claims of a token, or null when it is forged, expired or malformed. */
  verify(token: string): TokenClaims | null {
    try {
      const claims = jwt.verify(token, this.secret, { algorithms: ['HS256'] });
      if (typeof claims !== 'object' || typeof claims.sub !== 'string' || !Number.isInteger(claims.ver)) return null;
      return {
        authorId: claims.sub,
        tokenVersion: claims.ver as number,
        ...(typeof claims.exp === 'number' ? { expiresAt: claims.exp * 1000 } : {}),
      };
    } catch {
      return null;
    }
  }
}
