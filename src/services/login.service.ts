import { EntityManager } from 'typeorm';
import { verifyPassword } from '../auth/passwords';
import { TokenService } from '../auth/tokens';
import { Author } from '../entities/author.entity';
import { selectList } from '../entities/columns';
import { RateLimitedError, UnauthenticatedError } from '../errors/api-errors';
import { RateLimiter } from '../limits/rate-limiter';

/** Sign-in is the one read that needs the password hash. */
const AUTHOR_SIGN_IN_COLUMNS = selectList(Author, 'a');

export interface LoginLimiters {
  /** Failed logins for one account from one client IP. */
  perAccountAndIp: RateLimiter;
  /** Failed logins from one client IP, whatever the account. */
  perIp: RateLimiter;
}

/** Email and password to a token, holding back clients that guess. */
export class LoginService {
  constructor(
    private readonly db: EntityManager,
    private readonly tokens: TokenService,
    private readonly limiters: LoginLimiters,
  ) {}

  async login(email: string, password: string, clientIp: string): Promise<{ token: string; author: Author }> {
    const accountKey = `${email.trim().toLowerCase()}|${clientIp}`;
    // Every attempt is counted before the password is checked, in one atomic step per limiter,
    // so parallel guesses cannot all slip in under the limit; a good password takes its count
    // back. Past the limit even the right password is refused, so a guesser learns nothing.
    const waits = await Promise.all([this.limiters.perAccountAndIp.hit(accountKey), this.limiters.perIp.hit(clientIp)]);
    if (waits.some((wait) => wait > 0)) {
      throw new RateLimitedError('Too many failed sign-in attempts.', Math.ceil(Math.max(...waits) / 1000));
    }

    const [author]: Author[] = await this.db.query(
      `SELECT ${AUTHOR_SIGN_IN_COLUMNS} FROM authors a WHERE lower(a.email) = lower($1)`,
      [email.trim()],
    );
    if (!(await verifyPassword(author?.passwordHash, password))) {
      // One message for an unknown email and a wrong password.
      throw new UnauthenticatedError('Wrong email or password.');
    }
    await Promise.all([this.limiters.perAccountAndIp.refund(accountKey), this.limiters.perIp.refund(clientIp)]);
    const { passwordHash: _hash, ...signedIn } = author;
    const { tokenVersion, ...authorRow } = signedIn;
    return { token: this.tokens.sign({ authorId: author.id, tokenVersion: tokenVersion! }), author: authorRow };
  }

  /** Ends every session of the author: the tokens issued so far stop working. */
  async logout(authorId: string): Promise<void> {
    await this.db.query('UPDATE authors SET token_version = token_version + 1 WHERE id = $1', [authorId]);
  }
}
