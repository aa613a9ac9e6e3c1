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
import { TestServer, startTestServer } from '../helpers/test-server';

/** A token stands for the author as they are now, not as they were when it was issued. */
describe('sessions', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(() => api.close());

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
