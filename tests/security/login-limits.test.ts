import { Role } from '../../src/domain/enums';
import { LoginDocument } from '../generated/operations';
import { TestServer, errorCode, startTestServer } from '../helpers/test-server';

/**
 * Issue 16: failed logins with huge emails pinned memory. The per-account limiter's key was the
 * raw email, both limiters counted attempts they refused, and nothing bounded the email's length:
 * 150 refused logins with ~900 KB unique emails held 185 MB for the whole window.
 */
const password = 'correct horse battery';
const fromIp = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });
/** 300 KB of email, well inside the 1 MB body limit. */
const hugeEmail = (tag: string) => `${tag}${'x'.repeat(300_000)}@example.com`;
const emailOfLength = (length: number) => `${'e'.repeat(length - '@example.com'.length)}@example.com`;

describe('login inputs and counters', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({ loginMaxFailuresPerAccount: 2, loginMaxFailuresPerIp: 5 });
  });
  afterAll(() => api.close());

  it('an email over 254 characters is BAD_USER_INPUT on email, and the answer does not echo it', async () => {
    const answer = await api.gql(LoginDocument, { email: hugeEmail('huge'), password }, fromIp('10.16.0.1'));
    expect(errorCode(answer)).toBe('BAD_USER_INPUT');
    expect(answer.errors![0].extensions?.field).toBe('email');
    expect(answer.data ?? null).toBeNull();
    expect(JSON.stringify(answer).length).toBeLessThan(1000);

    const justOver = await api.gql(LoginDocument, { email: emailOfLength(255), password }, fromIp('10.16.0.1'));
    expect(errorCode(justOver)).toBe('BAD_USER_INPUT');
    expect(justOver.errors![0].extensions?.field).toBe('email');
    // The longest email an author can have is an ordinary failed login.
    const longest = await api.gql(LoginDocument, { email: emailOfLength(254), password }, fromIp('10.16.0.1'));
    expect(errorCode(longest)).toBe('UNAUTHENTICATED');
  });

  it('a password over 200 characters (the most createAuthor takes) is BAD_USER_INPUT on password', async () => {
    const author = await api.signUp(Role.AUTHOR);
    const tooLong = await api.gql(
      LoginDocument,
      { email: author.email, password: 'p'.repeat(201) },
      fromIp('10.16.0.2'),
    );
    expect(errorCode(tooLong)).toBe('BAD_USER_INPUT');
    expect(tooLong.errors![0].extensions?.field).toBe('password');
    const longest = await api.gql(
      LoginDocument,
      { email: author.email, password: 'p'.repeat(200) },
      fromIp('10.16.0.2'),
    );
    expect(errorCode(longest)).toBe('UNAUTHENTICATED');
  });

  it('refused oversized inputs count as no failed attempt: the right password still signs in from there', async () => {
    const author = await api.signUp(Role.AUTHOR);
    for (let attempt = 0; attempt < 8; attempt += 1) {
      const refused = await api.gql(LoginDocument, { email: hugeEmail(`n${attempt}`), password }, fromIp('10.16.0.3'));
      expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    }
    const signIn = await api.gql(LoginDocument, { email: author.email, password }, fromIp('10.16.0.3'));
    expect(signIn.errors).toBeUndefined();
    expect(signIn.data?.login.token).toEqual(expect.any(String));
  });
});
