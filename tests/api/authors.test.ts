import { Role } from '../../src/domain/enums';
import {
  type AuthorsQuery,
  CreateAuthorDocument,
  LoginDocument,
  UpdateAuthorDocument,
  AuthorLookupDocument,
  AuthorsDocument,
} from '../generated/operations';
import { draftPost, publishedPost } from '../helpers/posts';
import { GraphQLResponse, TestServer, errorCode, startTestServer } from '../helpers/test-server';

let api: TestServer;
beforeAll(async () => {
  api = await startTestServer();
});
afterAll(() => api.close());

const fromIp = (ip: string) => ({ headers: { 'x-forwarded-for': ip } });

describe('author accounts', () => {
  const newAuthor = (email: string, role: 'ADMIN' | 'EDITOR' | 'AUTHOR' = 'AUTHOR') => ({
    input: { name: 'Noor Haddad', email, password: 'long enough password', role },
  });

  it('only admins create authors: editors are FORBIDDEN, readers UNAUTHENTICATED', async () => {
    const admin = await api.signUp(Role.ADMIN);
    const editor = await api.signUp(Role.EDITOR);
    expect(errorCode(await api.gql(CreateAuthorDocument, newAuthor('a1@example.com')))).toBe('UNAUTHENTICATED');
    expect(errorCode(await api.gql(CreateAuthorDocument, newAuthor('a1@example.com'), { token: editor.token }))).toBe(
      'FORBIDDEN',
    );

    const created = await api.gql(CreateAuthorDocument, newAuthor('a1@example.com', 'EDITOR'), { token: admin.token });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createAuthor).toMatchObject({
      name: 'Noor Haddad',
      role: 'EDITOR',
      slug: 'noor-haddad',
      email: 'a1@example.com',
    });

    const signIn = await api.gql(
      LoginDocument,
      { email: 'A1@example.com', password: 'long enough password' },
      fromIp('10.0.3.1'),
    );
    expect(signIn.data?.login.author.role).toBe('EDITOR');
  });

  it('a taken email is CONFLICT, a second author of the same name gets the next slug', async () => {
    const admin = await api.signUp(Role.ADMIN);
    await api.gql(CreateAuthorDocument, newAuthor('dup@example.com'), { token: admin.token });
    const again = await api.gql(CreateAuthorDocument, newAuthor('DUP@example.com'), { token: admin.token });
    expect(errorCode(again)).toBe('CONFLICT');
    expect(again.errors![0].extensions?.field).toBe('email');

    const namesake = await api.gql(CreateAuthorDocument, newAuthor('namesake@example.com'), { token: admin.token });
    expect(namesake.data?.createAuthor.slug).toMatch(/^noor-haddad-\d+$/);
  });

  it('bad input names the field: a short password, a bad email, a non-http avatar', async () => {
    const admin = await api.signUp(Role.ADMIN);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ password: 'short' }, 'password'],
      [{ email: 'not-an-email' }, 'email'],
      [{ avatarUrl: 'javascript:alert(1)' }, 'avatarUrl'],
      [{ name: '   ' }, 'name'],
    ];
    for (const [change, field] of cases) {
      const input = { ...newAuthor(`field-${field}@example.com`).input, ...change };
      const response = await api.gql(CreateAuthorDocument, { input: input as never }, { token: admin.token });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0].extensions?.field).toBe(field);
    }
  });

  it('anyone updates their own profile; only admins update someone else', async () => {
    const admin = await api.signUp(Role.ADMIN);
    const author = await api.signUp(Role.AUTHOR);
    const other = await api.signUp(Role.EDITOR);

    const own = await api.gql(
      UpdateAuthorDocument,
      { id: author.id, input: { bio: 'Covers the harbour.', avatarUrl: 'https://example.com/a.png' } },
      { token: author.token },
    );
    expect(own.data?.updateAuthor).toMatchObject({
      bio: 'Covers the harbour.',
      avatarUrl: 'https://example.com/a.png',
    });

    expect(
      errorCode(await api.gql(UpdateAuthorDocument, { id: author.id, input: { bio: 'x' } }, { token: other.token })),
    ).toBe('FORBIDDEN');
    expect(errorCode(await api.gql(UpdateAuthorDocument, { id: author.id, input: { bio: 'x' } }))).toBe(
      'UNAUTHENTICATED',
    );

    const byAdmin = await api.gql(
      UpdateAuthorDocument,
      { id: author.id, input: { name: 'Renamed Reporter', password: 'a brand new password' } },
      { token: admin.token },
    );
    expect(byAdmin.data?.updateAuthor.name).toBe('Renamed Reporter');
    const relogin = await api.gql(
      LoginDocument,
      { email: author.email, password: 'a brand new password' },
      fromIp('10.0.4.1'),
    );
    expect(relogin.errors).toBeUndefined();
  });

  it('emails are visible to the author themself and to admins, to nobody else', async () => {
    const admin = await api.signUp(Role.ADMIN);
    const author = await api.signUp(Role.AUTHOR);
    const editor = await api.signUp(Role.EDITOR);
    await publishedPost(api, author.token);
    const lookup = (token?: string) => api.gql(AuthorLookupDocument, { id: author.id }, { token });
    expect((await lookup()).data?.author?.email).toBeNull();
    expect((await lookup(editor.token)).data?.author?.email).toBeNull();
    expect((await lookup(author.token)).data?.author?.email).toBe(author.email);
    expect((await lookup(admin.token)).data?.author?.email).toBe(author.email);
  });

  it('author(slug) and author(id) find the same author; both or neither is BAD_USER_INPUT', async () => {
    const admin = await api.signUp(Role.ADMIN);
    const created = await api.gql(
      CreateAuthorDocument,
      { input: { name: 'Émile Zoë', email: 'emile@example.com', password: 'long enough password', role: 'AUTHOR' } },
      { token: admin.token },
    );
    const { id, slug } = created.data!.createAuthor;
    expect(slug).toBe('emile-zoe');
    const token = admin.token;
    expect((await api.gql(AuthorLookupDocument, { slug }, { token })).data?.author?.id).toBe(id);
    expect((await api.gql(AuthorLookupDocument, { id }, { token })).data?.author?.slug).toBe(slug);
    expect(errorCode(await api.gql(AuthorLookupDocument, { id, slug }))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(AuthorLookupDocument, {}))).toBe('BAD_USER_INPUT');
    expect(errorCode(await api.gql(AuthorLookupDocument, { id: 'garbage' }))).toBe('BAD_USER_INPUT');
  });

  it('readers see only the authors of published posts, without their roles; staff see everyone', async () => {
    const admin = await api.signUp(Role.ADMIN);
    const published = await api.signUp(Role.AUTHOR, 'Published Person');
    const draftsOnly = await api.signUp(Role.EDITOR, 'Drafts Only');
    await publishedPost(api, published.token);
    await draftPost(api, draftsOnly.token);

    const readerView = (await api.gql(AuthorsDocument, { first: 100 })).data!.authors.edges.map(
      (edge) => edge.node.name,
    );
    expect(readerView).toContain('Published Person');
    expect(readerView).not.toContain('Drafts Only');
    expect((await api.gql(AuthorLookupDocument, { id: draftsOnly.id })).data?.author).toBeNull();
    expect((await api.gql(AuthorLookupDocument, { id: published.id })).data?.author).toMatchObject({
      name: 'Published Person',
      role: null,
    });

    const staffView = (
      await api.gql(AuthorsDocument, { first: 100 }, { token: published.token })
    ).data!.authors.edges.map((edge) => edge.node.name);
    expect(staffView).toEqual(expect.arrayContaining(['Published Person', 'Drafts Only']));
    expect(
      (await api.gql(AuthorLookupDocument, { id: draftsOnly.id }, { token: admin.token })).data?.author?.role,
    ).toBe('EDITOR');
  });

  it('changing your own password needs the current one; an admin resetting someone else’s does not', async () => {
    const author = await api.signUp(Role.AUTHOR);
    const change = (input: { password: string; currentPassword?: string }) =>
      api.gql(UpdateAuthorDocument, { id: author.id, input }, { token: author.token });
    const missing = await change({ password: 'a stolen-token password' });
    expect(errorCode(missing)).toBe('BAD_USER_INPUT');
    expect(missing.errors![0].extensions?.field).toBe('currentPassword');
    expect(errorCode(await change({ password: 'a stolen-token password', currentPassword: 'wrong guess' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      (await change({ password: 'my new password', currentPassword: 'correct horse battery' })).errors,
    ).toBeUndefined();
    expect(
      (await api.gql(LoginDocument, { email: author.email, password: 'my new password' }, fromIp('10.0.5.1'))).errors,
    ).toBeUndefined();
  });

  it('authors pages by name without repeats', async () => {
    const staff = await api.signUp(Role.AUTHOR);
    const seen: string[] = [];
    let after: string | null = null;
    let total: number;
    do {
      const page: GraphQLResponse<AuthorsQuery> = await api.gql(
        AuthorsDocument,
        { first: 2, after },
        { token: staff.token },
      );
      expect(page.errors).toBeUndefined();
      total = page.data!.authors.totalCount;
      seen.push(...page.data!.authors.edges.map((edge) => edge.node.slug));
      after = page.data!.authors.pageInfo.hasNextPage ? page.data!.authors.pageInfo.endCursor! : null;
    } while (after);
    expect(total).toBeGreaterThan(5);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });
});
