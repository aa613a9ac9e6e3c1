import jwt from 'jsonwebtoken';
import { Role } from '../domain/enums';
import { Viewer } from './viewer';

const ROLES = new Set<string>(Object.values(Role));

/** Signs and verifies the bearer tokens that `login` hands out (HS256 JWTs). */
export class TokenService {
  constructor(
    private readonly secret: string,
    private readonly expiresIn: string,
  ) {}

  sign(viewer: Viewer): string {
    return jwt.sign({ role: viewer.role }, this.secret, {
      algorithm: 'HS256',
      subject: viewer.id,
      expiresIn: this.expiresIn as jwt.SignOptions['expiresIn'],
    });
  }

  /** The viewer a token names, or null when it is forged, expired or malformed. */
  verify(token: string): Viewer | null {
    try {
      const claims = jwt.verify(token, this.secret, { algorithms: ['HS256'] });
      if (typeof claims !== 'object' || typeof claims.sub !== 'string' || !ROLES.has(claims.role)) return null;
      return { id: claims.sub, role: claims.role as Role };
    } catch {
      return null;
    }
  }
}
