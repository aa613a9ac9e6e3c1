import { Role } from '../../src/domain/enums';
import { fromGlobalId } from '../../src/schema/global-id';
import {
  CreatePostDocument,
  LoginDocument,
  LogoutDocument,
  MeDocument,
  ModerationQueueDocument,
  UpdateAuthorDocument,
} from '../generated/operations';
import { TestServer, errorCode, startTestServer } from '../helpers/test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer({ loginMaxFailuresPerAccount: 3, loginMaxFailuresPerIp: 5 });
});
afterAll(() => api.close());

const fromIp = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });

describe('signing in', () => {
  it('login returns a token that identifies the author in later requests', async () => {
    const admin = await api.signUp(Role.ADMIN, 'Ada Admin');
    const login = await api.gql(
      LoginDocument,
      { email: admin.email, password: 'correct horse battery' },
      fromIp('10.0.0.1'),
    );
    expect(login.errors).toBeUndefined();
    expect(login.data?.login.author).toMatchObject({
      id: admin.id,
      name: 'Ada Admin',
      role: 'ADMIN',
      email: admin.email,
    });

    const me = await api.gql(MeDocument, {}, { token: login.data!.login.token });
    expect(me.data?.me).toMatchObject({ id: admin.id, name: 'Ada Admin' });
  });

  it('me is null for an anonymous reader', async () => {
    const me = await api.gql(MeDocument, {});
    expect(me.errors).toBeUndefined();
    expect(me.data?.me).toBeNull();
  });

  it('an unknown email and a wrong password get the same UNAUTHENTICATED answer', async () => {
    const author = await api.signUp(Role.AUTHOR);
    const unknown = await api.gql(
      LoginDocument,
      { email: 'nobody@example.com', password: 'whatever-it-is' },
      fromIp('10.0.0.2'),
    );
    const wrong = await api.gql(
      LoginDocument,
      { email: author.email, password: 'not the password' },
      fromIp('10.0.0.2'),
    );
    expect(errorCode(unknown)).toBe('UNAUTHENTICATED');
    expect(errorCode(wrong)).toBe('UNAUTHENTICATED');
    expect(unknown.errors![0].message).toBe(wrong.errors![0].message);
  });

  it('a forged or garbled token is UNAUTHENTICATED, not anonymous', async () => {
    const author = await api.signUp(Role.AUTHOR);
    const forged = `${author.token.slice(0, -4)}AAAA`;
    for (const token of [forged, 'not-a-jwt']) {
      const me = await api.gql(MeDocument, {}, { token });
      expect(me.status).toBe(401);
      expect(errorCode(me)).toBe('UNAUTHENTICATED');
    }
  });

  it('after 3 failed logins for one account from one IP, even the right password is RATE_LIMITED there, but not from another IP', async () => {
    const author = await api.signUp(Role.AUTHOR);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect(
        errorCode(await api.gql(LoginDocument, { email: author.email, password: 'guess' }, fromIp('10.0.1.1'))),
      ).toBe('UNAUTHENTICATED');
    }
    const limited = await api.gql(
      LoginDocument,
      { email: author.email, password: 'correct horse battery' },
      fromIp('10.0.1.1'),
    );
    expect(errorCode(limited)).toBe('RATE_LIMITED');
    expect(limited.errors![0].extensions?.retryAfterSeconds).toBeGreaterThan(0);

    const elsewhere = await api.gql(
      LoginDocument,
      { email: author.email, password: 'correct horse battery' },
      fromIp('10.0.1.2'),
    );
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data?.login.token).toEqual(expect.any(String));
  });

  it('a burst of parallel guesses is held to the limit too', async () => {
    const author = await api.signUp(Role.AUTHOR);
    const burst = await Promise.all(
      Array.from({ length: 20 }, () =>
        api.gql(LoginDocument, { email: author.email, password: 'parallel guess' }, fromIp('10.0.1.9')),
      ),
    );
    expect(burst.filter((response) => errorCode(response) === 'UNAUTHENTICATED')).toHaveLength(3);
    expect(burst.filter((response) => errorCode(response) === 'RATE_LIMITED')).toHaveLength(17);
  });

  it('one IP failing across many accounts is held back after its own limit', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      await api.gql(LoginDocument, { email: `someone${attempt}@example.com`, password: 'guess' }, fromIp('10.0.2.1'));
    }
    const author = await api.signUp(Role.AUTHOR);
    const limited = await api.gql(
      LoginDocument,
      { email: author.email, password: 'correct horse battery' },
      fromIp('10.0.2.1'),
    );
    expect(errorCode(limited)).toBe('RATE_LIMITED');
  });
});

/** A token stands for the author as they are now, not as they were when it was issued. */
describe('sessions', () => {
  const password = 'correct horse battery';
  const signIn = async (email: string, secret = password) =>
    (await api.gql(LoginDocument, { email, password: secret })).data!.login.token;
  const me = (token: string) => api.gql(MeDocument, {}, { token });
  const expectSignedOut = async (token: string) => {
    const answer = await me(token);
    expect(answer.status).toBe(401);
    expect(answer.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(answer.errors![0].message).toMatch(/sign in again/);
  };
  const rowId = (globalId: string) => fromGlobalId(globalId, 'id').id;

  it('logout ends every session of the author, and a new sign-in works', async () => {
    const writer = await api.signUp(Role.AUTHOR);
    const onPhone = await signIn(writer.email);
    expect((await me(onPhone)).data!.me!.id).toBe(writer.id);

    const logout = await api.gql(LogoutDocument, {}, { token: writer.token });
    expect(logout.data).toEqual({ logout: true });

    await expectSignedOut(writer.token);
    await expectSignedOut(onPhone);
    expect((await me(await signIn(writer.email))).data!.me!.id).toBe(writer.id);
  });

  it('logout needs someone signed in', async () => {
    const answer = await api.gql(LogoutDocument, {});
    expect(answer.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('a password change ends the sessions of the old password, the one that changed it included', async () => {
    const writer = await api.signUp(Role.AUTHOR);
    const elsewhere = await signIn(writer.email);
    const changed = await api.gql(
      UpdateAuthorDocument,
      { id: writer.id, input: { password: 'a brand new passphrase', currentPassword: password } },
      { token: writer.token },
    );
    expect(changed.errors).toBeUndefined();

    await expectSignedOut(writer.token);
    await expectSignedOut(elsewhere);
    const fresh = await signIn(writer.email, 'a brand new passphrase');
    expect((await me(fresh)).data!.me!.id).toBe(writer.id);
  });

  it('an author removed from the database can neither read nor write with an old token', async () => {
    const writer = await api.signUp(Role.AUTHOR);
    await api.db.query('DELETE FROM authors WHERE id = $1', [rowId(writer.id)]);

    await expectSignedOut(writer.token);
    const write = await api.gql(
      CreatePostDocument,
      { input: { title: 'Ghost writer', body: '<p>Nobody home.</p>' } },
      { token: writer.token },
    );
    expect(write.status).toBe(401);
    expect(write.errors![0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(write.data ?? null).toBeNull();
    const stored = await api.db.query(`SELECT count(*)::int AS n FROM posts WHERE title = 'Ghost writer'`);
    expect(stored[0].n).toBe(0);
  });

  it('a demoted editor stops moderating on the next request', async () => {
    const editor = await api.signUp(Role.EDITOR);
    expect((await api.gql(ModerationQueueDocument, {}, { token: editor.token })).errors).toBeUndefined();

    await api.db.query(`UPDATE authors SET role = 'AUTHOR' WHERE id = $1`, [rowId(editor.id)]);
    const after = await api.gql(ModerationQueueDocument, {}, { token: editor.token });
    expect(after.errors![0].extensions?.code).toBe('FORBIDDEN');
    expect((await me(editor.token)).data!.me!.role).toBe('AUTHOR');
  });
});
