import { Role } from '../../src/domain/enums';
import { SignedIn, TestServer, startTestServer } from '../helpers/test-server';

interface Answer {
  data?: { createPost?: { id: string; title: string; body?: string } | null } | null;
  errors?: Array<{ message: string; extensions: { code: string; field?: string; retryAfterSeconds?: number } }>;
}

/**
 * What an Idempotency-Key keeps, and how much (issue 16, item 3): only what a retry needs (the
 * answer of a mutation that wrote), no answer over IDEMPOTENCY_MAX_ANSWER_BYTES, and no more than
 * IDEMPOTENCY_KEYS_PER_CLIENT_PER_HOUR answers per client. An anonymous client used to fill the
 * table with every answer below 500, input echoes of 400s included.
 */
describe('what Idempotency-Key keeps, and how much', () => {
  const MAX_ANSWER_BYTES = 4096;
  const KEYS_PER_HOUR = 3;
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer({
      idempotencyMaxAnswerBytes: MAX_ANSWER_BYTES,
      idempotencyKeysPerClientPerHour: KEYS_PER_HOUR,
    });
  });
  afterAll(() => api.close());

  const CREATE = 'mutation($input: CreatePostInput!) { createPost(input: $input) { id title } }';
  const CREATE_WITH_BODY = 'mutation($input: CreatePostInput!) { createPost(input: $input) { id title body } }';
  const send = (query: string, variables: unknown, headers: Record<string, string>) =>
    api.post(JSON.stringify({ query, variables }), headers);
  const signedIn = (writer: SignedIn, key: string) => ({
    authorization: `Bearer ${writer.token}`,
    'idempotency-key': key,
  });
  /** What the operator finds in the table for a client. */
  const keptFor = async (principalPrefix: string) =>
    (
      await api.db.query(
        `SELECT count(*)::int AS rows, coalesce(sum(octet_length(response_body)), 0)::int AS bytes
         FROM idempotency_keys WHERE principal LIKE $1 || '%'`,
        [principalPrefix],
      )
    )[0] as { rows: number; bytes: number };
  const postsTitled = async (title: string) =>
    (await api.db.query('SELECT count(*)::int AS n FROM posts WHERE title = $1', [title]))[0].n as number;

  it('a refused request is not kept, however much of its input the error echoes: the retry is judged again', async () => {
    // No title: the variable's coercion error quotes the whole 780 KB value back.
    const huge = { input: { body: `<p>${'x'.repeat(780_000)}</p>` } };
    const headers = { 'idempotency-key': 'echo-key-1', 'x-forwarded-for': '203.0.113.5' };
    const first = await send(CREATE, huge, headers);
    expect(first.status).toBe(400);
    expect((await first.text()).length).toBeGreaterThan(780_000);
    expect(await keptFor('ip:203.0.113.5')).toEqual({ rows: 0, bytes: 0 });
    const again = await send(CREATE, huge, headers);
    expect(again.status).toBe(400);
    expect(again.headers.get('idempotent-replayed')).toBeNull();
  });

  it('a flood of keys from one address whose mutations write nothing leaves no rows', async () => {
    const headers = (n: number) => ({ 'idempotency-key': `flood-key-${n}`, 'x-forwarded-for': '203.0.113.6' });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, n) =>
        send('mutation($id: ID!) { deletePost(id: $id) }', { id: 'UG9zdDox' }, headers(n)).then(
          (answer) => answer.json() as Promise<Answer>,
        ),
      ),
    );
    for (const answer of answers) expect(answer.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await keptFor('ip:203.0.113.6')).toEqual({ rows: 0, bytes: 0 });
  });

  it('an answer over IDEMPOTENCY_MAX_ANSWER_BYTES is refused and undone: nothing written, nothing kept', async () => {
    const writer = await api.signUp(Role.AUTHOR);
    const input = { title: 'Too long to keep', body: `<p>${'Long read. '.repeat(600)}</p>` };
    const refused = await send(CREATE_WITH_BODY, { input }, signedIn(writer, 'big-answer-key'));
    expect(refused.status).toBe(422);
    const body = (await refused.json()) as Answer;
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'Idempotency-Key' });
    expect(body.errors?.[0].message).toContain(`${MAX_ANSWER_BYTES.toLocaleString('en')} bytes`);
    expect(await postsTitled('Too long to keep')).toBe(0);
    const [row] = await api.db.query(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'big-answer-key'`);
    expect(row.n).toBe(0);

    // Asking for less is kept; so is the same answer sent without a key, which nothing keeps.
    const small = await send(CREATE, { input }, signedIn(writer, 'small-answer-key'));
    expect(small.status).toBe(200);
    expect(((await small.json()) as Answer).data?.createPost?.title).toBe('Too long to keep');
    const unkeyed = await send(CREATE_WITH_BODY, { input }, { authorization: `Bearer ${writer.token}` });
    expect(((await unkeyed.json()) as Answer).data?.createPost?.body).toContain('Long read.');
    expect(await postsTitled('Too long to keep')).toBe(2);
  });

  it('past IDEMPOTENCY_KEYS_PER_CLIENT_PER_HOUR a client is refused (RATE_LIMITED) and nothing is written', async () => {
    const writer = await api.signUp(Role.AUTHOR);
    const create = (n: number) =>
      send(CREATE, { input: { title: `Capped ${n}`, body: '<p>Hi</p>' } }, signedIn(writer, `cap-${n}`));
    for (let n = 1; n <= KEYS_PER_HOUR; n += 1) expect((await create(n)).status).toBe(200);

    const over = await create(KEYS_PER_HOUR + 1);
    expect(over.status).toBe(429);
    const body = (await over.json()) as Answer;
    expect(body.errors?.[0].extensions.code).toBe('RATE_LIMITED');
    expect(body.errors?.[0].extensions.retryAfterSeconds).toBeGreaterThan(0);
    expect(await postsTitled(`Capped ${KEYS_PER_HOUR + 1}`)).toBe(0);

    // What was kept still answers retries; another client has its own allowance.
    const replay = await create(1);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    const other = await api.signUp(Role.AUTHOR);
    const theirs = await send(CREATE, { input: { title: 'Not capped', body: '<p>Hi</p>' } }, signedIn(other, 'cap-1'));
    expect(theirs.status).toBe(200);
    const [kept] = await api.db.query(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key LIKE 'cap-%'`);
    expect(kept.n).toBe(KEYS_PER_HOUR + 1); // the first client's three, the other's one
  });
});
