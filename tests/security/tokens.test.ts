import jwt from 'jsonwebtoken';
import { Role } from '../../src/domain/enums';
import { MeDocument } from '../generated/operations';
import { TestServer, errorCode, startTestServer } from '../helpers/test-server';

/** The secret startTestServer gives the server: these tokens are signed as the server signs its own. */
const SECRET = 'test-secret-for-broadsheet-at-least-32-bytes';

/**
 * Issue 16: tokens that are correctly signed but that the server would never have issued. Each
 * is refused as a bad token is, 401 UNAUTHENTICATED, never read as valid and never a 503.
 */
describe('correctly signed tokens the server would not issue', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(() => api.close());

  /** The claims of a real sign-in: the author's row id (`sub`) and token version (`ver`). */
  const claimsOf = (token: string) => {
    const { sub, ver } = jwt.decode(token) as { sub: string; ver: number };
    return { sub, ver };
  };
  const sign = (payload: object) => jwt.sign(payload, SECRET, { algorithm: 'HS256' });
  const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;
  const me = (token: string) => api.gql(MeDocument, {}, { token });
  const expectRefused = async (token: string) => {
    const answer = await me(token);
    expect(answer.status).toBe(401);
    expect(errorCode(answer)).toBe('UNAUTHENTICATED');
    expect(answer.data ?? null).toBeNull();
  };

  it('a token without exp is 401 UNAUTHENTICATED; the same claims with exp sign in', async () => {
    const author = await api.signUp(Role.AUTHOR);
    const claims = claimsOf(author.token);

    // The control: this test signs tokens the server accepts.
    const withExp = await me(sign({ ...claims, exp: inAnHour() }));
    expect(withExp.status).toBe(200);
    expect(withExp.data?.me?.id).toBe(author.id);

    await expectRefused(sign(claims));
  });

  it('a token whose sub is not a UUID is 401 UNAUTHENTICATED, not 503', async () => {
    for (const sub of ['not-a-uuid', '', "1' OR '1'='1", 'x'.repeat(10_000), '123']) {
      await expectRefused(sign({ sub, ver: 0, exp: inAnHour() }));
    }
  });

  it('requests with such a sub, arriving with good ones, leave the good ones signed in', async () => {
    const author = await api.signUp(Role.AUTHOR);
    const bad = sign({ sub: 'not-a-uuid', ver: 0, exp: inAnHour() });
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? me(author.token) : me(bad))));
    answers.forEach((answer, i) => {
      if (i % 2 === 0) expect(answer.data?.me?.id).toBe(author.id);
      else expect(answer.status).toBe(401);
    });
  });
});
