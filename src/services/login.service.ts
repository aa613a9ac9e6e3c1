import { EntityManager } from 'typeorm';
import { verifyPassword } from '../auth/passwords';
import { TokenService } from '../auth/tokens';
import { inTransaction } from '../db/transaction';
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
    // The limiters keep a digest of each key (src/limits/rate-limiter.ts), not the email or the
    // address as sent. Case and surrounding spaces do not make another account.
    const counters: Array<[RateLimiter, string]> = [
      [this.limiters.perAccountAndIp, JSON.stringify([email.trim().toLowerCase(), clientIp])],
      [this.limiters.perIp, clientIp],
    ];
    const refuse = (waits: number[]) =>
      new RateLimitedError('Too many failed sign-in attempts.', Math.ceil(Math.max(...waits) / 1000));

    // Only attempts whose password gets checked are counted. One refused is looked up, not
    // counted: it tells a guesser nothing, so it should cost nothing, and counting it would let
    // a client held back by one limiter keep filling the other (a new per-account counter for
    // every email it names while its IP is held back; the IP's allowance used up by attempts on
    // one locked account, shutting out everyone behind the same address). The window is fixed
    // from the first failure, so the wait a refused client is told is the same either way.
    const held = await Promise.all(counters.map(([limiter, key]) => limiter.blockedForMs(key)));
    if (held.some((wait) => wait > 0)) throw refuse(held);
    // Then every attempt is counted before the password is checked, in one atomic step per
    // limiter, so parallel guesses cannot all slip in under the limit. One that went over (it
    // raced others past the look-up) is refused and takes its counts back, as refused above;
    // a good password takes them back too. Past the limit even the right password is refused,
    // so a guesser learns nothing.
    const waits = await Promise.all(counters.map(([limiter, key]) => limiter.hit(key)));
    const refund = () => Promise.all(counters.map(([limiter, key]) => limiter.refund(key)));
    if (waits.some((wait) => wait > 0)) {
      await refund();
      throw refuse(waits);
    }

    const [author]: Author[] = await this.db.query(
      `SELECT ${AUTHOR_SIGN_IN_COLUMNS} FROM authors a WHERE lower(a.email) = lower($1)`,
      [email.trim()],
    );
    if (!(await verifyPassword(author?.passwordHash, password))) {
      // One message for an unknown email and a wrong password.
      throw new UnauthenticatedError('Wrong email or password.');
    }
    await refund();
    const { passwordHash: _hash, ...signedIn } = author;
    const { tokenVersion, ...authorRow } = signedIn;
    return { token: this.tokens.sign({ authorId: author.id, tokenVersion: tokenVersion! }), author: authorRow };
  }

  /** Ends every session of the author: the tokens issued so far stop working. */
  async logout(authorId: string): Promise<void> {
    // A write like any other: with an Idempotency-Key it commits with the kept answer.
    await inTransaction(this.db, (m) =>
      m.query('UPDATE authors SET token_version = token_version + 1 WHERE id = $1', [authorId]),
    );
  }
}
