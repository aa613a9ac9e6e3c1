import { Role } from '../../src/domain/enums';
import { publishedPost } from '../helpers/posts';
import { TestServer, startTestServer } from '../helpers/test-server';

/** Retries of a mutation with an Idempotency-Key write once (CONTRACT.md "Sessions and retries"). */
describe('Idempotency-Key', () => {
  let api: TestServer;
  let writer: { token: string; email: string };
  let writerEmail: string;
  beforeAll(async () => {
    api = await startTestServer();
    writer = await api.signUp(Role.AUTHOR);
    writerEmail = writer.email;
  });
  afterAll(() => api.close());

  const createPost = (title: string, key: string | undefined, token = writer.token, signal?: AbortSignal) =>
    fetch(api.url, {
      method: 'POST',
      signal,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        ...(key === undefined ? {} : { 'idempotency-key': key }),
      },
      body: JSON.stringify({
        query: 'mutation Create($input: CreatePostInput!) { createPost(input: $input) { id title } }',
        variables: { input: { title, body: '<p>Once only.</p>' } },
      }),
    });
  const storedWithTitle = async (title: string) =>
    (await api.db.query('SELECT count(*)::int AS n FROM posts WHERE title = $1', [title]))[0].n as number;

  it('the same key and body get the first answer again, and the post is stored once', async () => {
    const first = await createPost('Retried story', 'key-retried-1');
    const firstBody = await first.json();
    const again = await createPost('Retried story', 'key-retried-1');
    expect(again.status).toBe(first.status);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await again.json()).toEqual(firstBody);
    expect(await storedWithTitle('Retried story')).toBe(1);
  });

  it('a client that lost the answer to a dropped connection retries and gets it, stored once', async () => {
    const aborted = new AbortController();
    const lost = createPost('Dropped connection story', 'key-dropped-1', writer.token, aborted.signal);
    setTimeout(() => aborted.abort(), 1);
    await expect(lost).rejects.toThrow();
    let answer: Response;
    for (;;) {
      answer = await createPost('Dropped connection story', 'key-dropped-1');
      if (answer.status !== 409) break; // the first is still running: the contract's "retry shortly"
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const body = (await answer.json()) as { data: { createPost: { title: string } } };
    expect(body.data.createPost.title).toBe('Dropped connection story');
    expect(await storedWithTitle('Dropped connection story')).toBe(1);
  });

  it('the same key with another body is 422 BAD_USER_INPUT, and changes nothing', async () => {
    await createPost('Original story', 'key-reused-1');
    const reused = await createPost('Another story', 'key-reused-1');
    expect(reused.status).toBe(422);
    const body = (await reused.json()) as { errors: Array<{ extensions: { code: string; field: string } }> };
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(await storedWithTitle('Another story')).toBe(0);
  });

  it('ten requests at once with one key store one post', async () => {
    const answers = await Promise.all(Array.from({ length: 10 }, () => createPost('Stampede story', 'key-stampede-1')));
    for (const answer of answers) expect([200, 409]).toContain(answer.status);
    expect(answers.some((answer) => answer.status === 200)).toBe(true);
    expect(await storedWithTitle('Stampede story')).toBe(1);
  });

  it('keys are per client: another author with the same key writes their own post', async () => {
    const other = await api.signUp(Role.AUTHOR);
    await createPost('Shared key story', 'key-shared-1');
    const theirs = await createPost('Shared key story', 'key-shared-1', other.token);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(await storedWithTitle('Shared key story')).toBe(2);
  });

  it('anonymous comments are keyed by client address', async () => {
    const editor = await api.signUp(Role.EDITOR);
    const post = await publishedPost(api, editor.token);
    const comment = () =>
      api.post(
        JSON.stringify({
          query: 'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }',
          variables: { input: { postId: post.id, authorName: 'Reader', body: 'Said once, sent twice.' } },
        }),
        { 'idempotency-key': 'comment-key-1', 'x-forwarded-for': '203.0.113.77' },
      );
    const first = (await (await comment()).json()) as { data: { addComment: { id: string } } };
    const second = (await (await comment()).json()) as { data: { addComment: { id: string } } };
    expect(second.data.addComment.id).toBe(first.data.addComment.id);
    const [row] = await api.db.query(`SELECT count(*)::int AS n FROM comments WHERE body = 'Said once, sent twice.'`);
    expect(row.n).toBe(1);
  });

  it('a RATE_LIMITED answer is not kept: the retry is judged again', async () => {
    const editor = await api.signUp(Role.EDITOR);
    const post = await publishedPost(api, editor.token);
    const comment = (key: string) =>
      api.post(
        JSON.stringify({
          query: 'mutation($input: AddCommentInput!) { addComment(input: $input) { id } }',
          variables: { input: { postId: post.id, authorName: 'Flood', body: `Comment ${key}` } },
        }),
        { 'idempotency-key': key, 'x-forwarded-for': '203.0.113.99' },
      );
    for (let i = 0; i < 5; i += 1) await comment(`flood-${i}`);
    const limited = (await (await comment('flood-5')).json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(limited.errors[0].extensions.code).toBe('RATE_LIMITED');
    const retried = await comment('flood-5');
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
  });

  it('login answers (live tokens) are never kept', async () => {
    const login = () =>
      api.post(
        JSON.stringify({
          query: 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { token } }',
          variables: { e: writerEmail, p: 'correct horse battery' },
        }),
        { 'idempotency-key': 'login-key-1' },
      );
    await login();
    expect((await login()).headers.get('idempotent-replayed')).toBeNull();
    const [kept] = await api.db.query(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'login-key-1'`);
    expect(kept.n).toBe(0);
  });

  it("a keyed mutation's answer shows what it wrote, and readers see the change as soon as it answers", async () => {
    // The write, the reads of its answer and the kept answer share one transaction.
    const editor = await api.signUp(Role.EDITOR);
    const post = await publishedPost(api, editor.token, { title: 'Before the keyed edit', tags: ['keyed-edit'] });
    const feed = async () => {
      const query = encodeURIComponent('{ posts(first: 5, filter: { tag: "keyed-edit" }) { nodes { title } } }');
      const response = await fetch(`${api.url}?query=${query}`);
      const body = (await response.json()) as { data: { posts: { nodes: Array<{ title: string }> } } };
      return {
        titles: body.data.posts.nodes.map(({ title }) => title),
        cache: response.headers.get('x-broadsheet-cache'),
      };
    };
    await feed();
    expect((await feed()).cache).toBe('hit');
    const revisionCount = async () =>
      (
        await api.db.query(
          `SELECT count(*)::int AS n FROM post_revisions r JOIN posts p ON p.id = r.post_id WHERE 'keyed-edit' = ANY(p.tags)`,
        )
      )[0].n as number;
    const revisionsBefore = await revisionCount();

    const edit = await api.post(
      JSON.stringify({
        query: `mutation($id: ID!, $v: Int!) {
          updatePost(id: $id, expectedVersion: $v, input: { title: "After the keyed edit" }) { title version revisions { title } }
        }`,
        variables: { id: post.id, v: post.version },
      }),
      { authorization: `Bearer ${editor.token}`, 'idempotency-key': 'keyed-edit-1' },
    );
    const body = (await edit.json()) as {
      data: { updatePost: { title: string; version: number; revisions: Array<{ title: string }> } };
    };
    expect(body.data.updatePost).toMatchObject({ title: 'After the keyed edit', version: post.version + 1 });
    // The revision this edit wrote, not yet committed when the answer read it, is in the answer.
    expect(body.data.updatePost.revisions).toHaveLength(revisionsBefore + 1);
    expect(await revisionCount()).toBe(revisionsBefore + 1);
    expect((await feed()).titles).toEqual(['After the keyed edit']);
  });

  describe('login reached through fragments or aliases (issue 16, item 6)', () => {
    const credentials = () => ({ e: writerEmail, p: 'correct horse battery' });
    const rowsHolding = async (token: string) =>
      (
        await api.db.query(
          'SELECT count(*)::int AS n FROM idempotency_keys WHERE strpos(response_body, $1) > 0 OR strpos(key, $1) > 0',
          [token],
        )
      )[0].n as number;
    const tokenIn = (body: unknown): string | undefined => /"token":"([^"]+)"/.exec(JSON.stringify(body))?.[1];

    it.each([
      ['an alias', 'mutation($e: String!, $p: String!) { session: login(email: $e, password: $p) { token } }'],
      [
        'an inline fragment',
        'mutation($e: String!, $p: String!) { ...on Mutation { login(email: $e, password: $p) { token } } }',
      ],
      [
        'a named fragment under an alias',
        'mutation($e: String!, $p: String!) { ...SignIn } fragment SignIn on Mutation { session: login(email: $e, password: $p) { token } }',
      ],
    ])('through %s: no row holds the token and nothing is replayed', async (how, query) => {
      const key = `login-${how.replace(/\W+/g, '-')}`;
      const signIn = () => api.post(JSON.stringify({ query, variables: credentials() }), { 'idempotency-key': key });
      const first = await signIn();
      const token = tokenIn(await first.json());
      expect(token).toEqual(expect.any(String));
      expect(await rowsHolding(token!)).toBe(0);
      const again = await signIn();
      expect(again.headers.get('idempotent-replayed')).toBeNull();
      expect(tokenIn(await again.json())).toEqual(expect.any(String)); // a sign-in of its own
      expect(await rowsHolding(token!)).toBe(0);
    });

    it('beside another mutation under one key, it is refused and nothing is written or kept', async () => {
      const query = `mutation($e: String!, $p: String!, $input: CreatePostInput!) {
        ...on Mutation { login(email: $e, password: $p) { token } }
        createPost(input: $input) { id }
      }`;
      const variables = { ...credentials(), input: { title: 'Signed in and written', body: '<p>Hi</p>' } };
      const answer = await api.post(JSON.stringify({ query, variables }), { 'idempotency-key': 'login-and-write' });
      const body = (await answer.json()) as { errors?: Array<{ extensions: { code: string; field?: string } }> };
      expect(answer.status).toBe(422);
      expect(tokenIn(body)).toBeUndefined();
      expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
      expect(await storedWithTitle('Signed in and written')).toBe(0);
      const [kept] = await api.db.query(
        `SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'login-and-write'`,
      );
      expect(kept.n).toBe(0);
    });
  });

  it('a malformed key is 400, and queries ignore keys', async () => {
    const tooLong = await createPost('Never stored', 'k'.repeat(256));
    expect(tooLong.status).toBe(400);
    expect(await storedWithTitle('Never stored')).toBe(0);
    const query = () => api.post(JSON.stringify({ query: '{ tags { tag } }' }), { 'idempotency-key': 'query-key' });
    expect((await query()).headers.get('idempotent-replayed')).toBeNull();
    expect((await query()).headers.get('idempotent-replayed')).toBeNull();
  });
});
