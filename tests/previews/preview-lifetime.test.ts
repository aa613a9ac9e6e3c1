import { randomBytes } from 'node:crypto';
import { Role } from '../../src/domain/enums';
import { DeletePostDocument, PreviewPostDocument, RevokePreviewLinksDocument } from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost } from '../helpers/posts';
import { previewLink, previewRowsOf, tokenHash } from '../helpers/previews';
import { SignedIn, TestServer } from '../helpers/test-server';

const LINKS_PER_POST = 3;

let api: TestServer;
let owner: SignedIn;
beforeAll(async () => {
  ({ api, owner } = await startNewsroom({ owner: Role.AUTHOR }, { previewLinksPerPost: LINKS_PER_POST }));
});
afterAll(() => api.close());

const preview = (token: string) => api.gql(PreviewPostDocument, { token });
const revoke = async (postId: string) =>
  (await api.gql(RevokePreviewLinksDocument, { postId }, { token: owner.token })).data?.revokePreviewLinks;

/** What previewPost answers to a token that opens nothing: null, and the contract's one error. */
async function expectClosed(token: string) {
  const answer = await preview(token);
  expect(answer.data).toEqual({ previewPost: null });
  expect(answer.errors).toEqual([
    expect.objectContaining({
      message: 'The preview link has expired or was revoked',
      extensions: { code: 'UNAUTHENTICATED' },
      path: ['previewPost'],
    }),
  ]);
}
const opens = async (token: string) => (await preview(token)).data?.previewPost != null;

describe('how long a preview link works', () => {
  it('stops at its expiry, and an expired link no longer counts as live', async () => {
    const draft = await draftPost(api, owner.token);
    const link = await previewLink(api, owner.token, draft.id, { expiresInSeconds: 1 });
    const deadline = Date.now() + 15_000;
    while ((await opens(link.token)) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(Date.now()).toBeGreaterThanOrEqual(Date.parse(link.expiresAt));
    await expectClosed(link.token);
    expect(await revoke(draft.id)).toBe(0);
  });

  it('revokePreviewLinks ends every live link of the post, answers how many; links made later work', async () => {
    const draft = await draftPost(api, owner.token);
    const other = await draftPost(api, owner.token);
    const [a, b] = [await previewLink(api, owner.token, draft.id), await previewLink(api, owner.token, draft.id)];
    const elsewhere = await previewLink(api, owner.token, other.id);
    expect(await revoke(draft.id)).toBe(2);
    await expectClosed(a.token);
    await expectClosed(b.token);
    expect(await opens(elsewhere.token)).toBe(true);
    expect(await revoke(draft.id)).toBe(0);
    const later = await previewLink(api, owner.token, draft.id);
    expect(await opens(later.token)).toBe(true);
    expect(await revoke(draft.id)).toBe(1);
  });

  it('deleting the post ends its links (and takes its rows)', async () => {
    const draft = await draftPost(api, owner.token);
    const link = await previewLink(api, owner.token, draft.id);
    await api.gql(DeletePostDocument, { id: draft.id }, { token: owner.token });
    await expectClosed(link.token);
    expect(await previewRowsOf(api, draft.id)).toBe(0);
  });

  it(`past ${LINKS_PER_POST} live links of a post, making one more revokes the oldest`, async () => {
    const draft = await draftPost(api, owner.token);
    const links = [];
    for (let i = 0; i <= LINKS_PER_POST; i += 1) links.push(await previewLink(api, owner.token, draft.id));
    await expectClosed(links[0].token);
    for (const link of links.slice(1)) expect(await opens(link.token)).toBe(true);
    expect(await revoke(draft.id)).toBe(LINKS_PER_POST);
  });

  it('the prune job removes links that open nothing any more, and only those', async () => {
    const draft = await draftPost(api, owner.token);
    await previewLink(api, owner.token, draft.id);
    await revoke(draft.id);
    const live = await previewLink(api, owner.token, draft.id);
    expect(await previewRowsOf(api, draft.id)).toBe(2);
    await api.server.services.previewLinks.prune();
    expect(await previewRowsOf(api, draft.id)).toBe(1);
    expect(await opens(live.token)).toBe(true);
  });
});

describe('tokens cannot be forged or altered', () => {
  it('a token with one character changed, a random one, and other strings open nothing', async () => {
    const draft = await draftPost(api, owner.token);
    const { token } = await previewLink(api, owner.token, draft.id);
    const last = token.at(-1) === 'A' ? 'B' : 'A';
    const altered = [
      token.slice(0, -1) + last,
      token.slice(0, 10) + (token[10] === 'x' ? 'y' : 'x') + token.slice(11),
      token.toUpperCase() === token ? token.toLowerCase() : token.toUpperCase(),
      `bsp_${randomBytes(32).toString('base64url')}`,
      token + 'A',
      token.slice(0, -1),
      tokenHash(token).toString('hex'),
      tokenHash(token).toString('base64url'),
      '',
      'x'.repeat(10_000),
    ];
    for (const forged of altered) await expectClosed(forged);
    expect(await opens(token)).toBe(true);
  });

  it('the database keeps only the hash of a token, never the token', async () => {
    const draft = await draftPost(api, owner.token);
    const { token } = await previewLink(api, owner.token, draft.id);
    const rows = await api.db.query('SELECT token_hash FROM preview_links WHERE token_hash = $1', [tokenHash(token)]);
    expect(rows).toHaveLength(1);
    const [{ n }] = await api.db.query(
      `SELECT count(*)::int AS n FROM preview_links l WHERE l::text LIKE '%' || $1 || '%'`,
      [token.slice(4)],
    );
    expect(n).toBe(0);
  });

  it('an Idempotency-Key does not keep the answer (the token): a retry makes a new link', async () => {
    const draft = await draftPost(api, owner.token);
    const body = JSON.stringify({
      query: 'mutation($id: ID!) { createPreviewLink(postId: $id) { token } }',
      variables: { id: draft.id },
    });
    const send = () => api.post(body, { authorization: `Bearer ${owner.token}`, 'idempotency-key': 'preview-key-1' });
    const [first, retry] = [await send(), await send()];
    expect(retry.headers.get('idempotent-replayed')).toBeNull();
    const tokens = [first, retry].map(
      async (answer) =>
        ((await answer.json()) as { data: { createPreviewLink: { token: string } } }).data.createPreviewLink.token,
    );
    const [a, b] = await Promise.all(tokens);
    expect(a).not.toBe(b);
    const [{ n }] = await api.db.query(`SELECT count(*)::int AS n FROM idempotency_keys WHERE key = 'preview-key-1'`);
    expect(n).toBe(0);
  });
});
