import { Role } from '../../src/domain/enums';
import {
  ArchivePostDocument,
  CreatePreviewLinkDocument,
  PostByIdDocument,
  PreviewBesidePostDocument,
  PreviewPostDocument,
  RevokePreviewLinksDocument,
  UpdatePostDocument,
} from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost, publishedPost } from '../helpers/posts';
import { previewLink, previewRowsOf } from '../helpers/previews';
import { SignedIn, TestServer, errorCode } from '../helpers/test-server';

let api: TestServer;
let owner: SignedIn;
let otherAuthor: SignedIn;
let editor: SignedIn;
let admin: SignedIn;
beforeAll(async () => {
  ({ api, owner, otherAuthor, editor, admin } = await startNewsroom(
    { owner: Role.AUTHOR, otherAuthor: Role.AUTHOR, editor: Role.EDITOR, admin: Role.ADMIN },
    { publicBaseUrl: 'https://news.example.com' },
  ));
});
afterAll(() => api.close());

const preview = (token: string, as?: string) => api.gql(PreviewPostDocument, { token }, { token: as });

describe('making a preview link and reading through it', () => {
  it('opens a draft to anyone holding the token, as the post is now', async () => {
    const draft = await draftPost(api, owner.token, { title: 'Night buses return', tags: ['transport'] });
    const link = await previewLink(api, owner.token, draft.id);
    expect(link.token).toMatch(/^bsp_[A-Za-z0-9_-]{43}$/);
    expect(link.url).toBe(`https://news.example.com/preview/${link.token}`);
    expect(link.post).toEqual({ id: draft.id, title: 'Night buses return' });
    expect(link.revision).toBeNull();

    // Readers cannot see the draft; with the token, anyone can, signed in as someone else too.
    expect((await api.gql(PostByIdDocument, { id: draft.id })).data?.post).toBeNull();
    for (const as of [undefined, otherAuthor.token]) {
      const seen = await preview(link.token, as);
      expect(seen.errors).toBeUndefined();
      expect(seen.data?.previewPost).toMatchObject({
        id: draft.id,
        title: 'Night buses return',
        body: draft.body,
        status: 'DRAFT',
        tags: ['transport'],
        author: { id: owner.id },
      });
    }
  });

  it('shows later edits, whatever the status (archived, scheduled)', async () => {
    const post = await publishedPost(api, owner.token);
    const link = await previewLink(api, owner.token, post.id);
    const edited = await api.gql(
      UpdatePostDocument,
      { id: post.id, expectedVersion: post.version, input: { title: 'Corrected headline' } },
      { token: owner.token },
    );
    await api.gql(ArchivePostDocument, { id: post.id }, { token: owner.token });
    expect((await preview(link.token)).data?.previewPost).toMatchObject({
      title: 'Corrected headline',
      status: 'ARCHIVED',
      version: edited.data!.updatePost.version + 1,
    });
    const scheduled = await publishedPost(api, owner.token, {}, '2099-01-01T09:00:00Z');
    const scheduledLink = await previewLink(api, owner.token, scheduled.id);
    expect((await preview(scheduledLink.token)).data?.previewPost).toMatchObject({ status: 'SCHEDULED' });
  });

  it("with a revision, shows that revision's title, body, excerpt and tags", async () => {
    const draft = await draftPost(api, owner.token, {
      title: 'First take',
      body: '<p>The first version of the story.</p>',
      excerpt: 'First excerpt',
      tags: ['early'],
    });
    await api.gql(
      UpdatePostDocument,
      {
        id: draft.id,
        expectedVersion: draft.version,
        input: { title: 'Second take', body: '<p>Rewritten.</p>', excerpt: 'Second excerpt', tags: ['late'] },
      },
      { token: owner.token },
    );
    const revisions = await api.db.query('SELECT id FROM post_revisions WHERE version = 1 AND title = $1', [
      'First take',
    ]);
    const revisionId = Buffer.from(`PostRevision:${revisions[0].id}`).toString('base64url');
    const link = await previewLink(api, editor.token, draft.id, { revisionId });
    expect(link.revision).toEqual({ id: revisionId, version: 1, title: 'First take' });
    expect((await preview(link.token)).data?.previewPost).toMatchObject({
      id: draft.id,
      title: 'First take',
      body: '<p>The first version of the story.</p>',
      excerpt: 'First excerpt',
      tags: ['early'],
    });
    // The post itself is unchanged, and a link without a revision shows it as it is now.
    const current = await previewLink(api, owner.token, draft.id);
    expect((await preview(current.token)).data?.previewPost).toMatchObject({
      title: 'Second take',
      excerpt: 'Second excerpt',
      tags: ['late'],
    });
  });

  it('opens only previewPost: the same post read by id in the same request stays hidden', async () => {
    const draft = await draftPost(api, owner.token);
    const link = await previewLink(api, owner.token, draft.id);
    const both = await api.gql(PreviewBesidePostDocument, { token: link.token, id: draft.id });
    expect(both.data).toEqual({ previewPost: { id: draft.id }, post: null });
  });

  it('gives a path when PUBLIC_BASE_URL is unset, and follows PREVIEW_URL_TEMPLATE', async () => {
    const { api: bare, owner: author } = await startNewsroom(
      { owner: Role.AUTHOR },
      { publicBaseUrl: undefined, previewUrlTemplate: '/api/draft?secret={token}' },
    );
    try {
      const link = await previewLink(bare, author.token, (await draftPost(bare, author.token)).id);
      expect(link.url).toBe(`/api/draft?secret=${link.token}`);
    } finally {
      await bare.close();
    }
  });
});

describe('who may make and revoke links', () => {
  it("the post's author, editors and admins", async () => {
    const draft = await draftPost(api, owner.token);
    for (const who of [owner, editor, admin]) {
      const link = await previewLink(api, who.token, draft.id);
      expect((await preview(link.token)).data?.previewPost?.id).toBe(draft.id);
    }
    expect((await api.gql(RevokePreviewLinksDocument, { postId: draft.id }, { token: editor.token })).data).toEqual({
      revokePreviewLinks: 3,
    });
  });

  it('readers are UNAUTHENTICATED; other authors FORBIDDEN on a post they see, NOT_FOUND on a draft they do not', async () => {
    const published = await publishedPost(api, owner.token);
    const draft = await draftPost(api, owner.token);
    const cases: Array<[string, string | undefined, string]> = [
      [published.id, undefined, 'UNAUTHENTICATED'],
      [published.id, otherAuthor.token, 'FORBIDDEN'],
      [draft.id, otherAuthor.token, 'NOT_FOUND'],
    ];
    for (const [postId, token, code] of cases) {
      expect(errorCode(await api.gql(CreatePreviewLinkDocument, { postId }, { token }))).toBe(code);
      expect(errorCode(await api.gql(RevokePreviewLinksDocument, { postId }, { token }))).toBe(code);
      expect(await previewRowsOf(api, postId)).toBe(0);
    }
  });
});

describe('bad input gets its code and changes nothing', () => {
  it.each([0, -1, 604801, 2_147_483_647])('expiresInSeconds %d is BAD_USER_INPUT', async (expiresInSeconds) => {
    const draft = await draftPost(api, owner.token);
    const response = await api.gql(
      CreatePreviewLinkDocument,
      { postId: draft.id, expiresInSeconds },
      { token: owner.token },
    );
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions?.field).toBe('expiresInSeconds');
    expect(await previewRowsOf(api, draft.id)).toBe(0);
  });

  it('expiresInSeconds 1 and 604800 are accepted; without it a link lasts a day', async () => {
    const draft = await draftPost(api, owner.token);
    const before = Date.now();
    const week = await previewLink(api, owner.token, draft.id, { expiresInSeconds: 604800 });
    const day = await previewLink(api, owner.token, draft.id);
    const second = await previewLink(api, owner.token, draft.id, { expiresInSeconds: 1 });
    const after = Date.now();
    const lasts = (link: { expiresAt: string }, seconds: number) => {
      const at = Date.parse(link.expiresAt);
      // The database's clock, within the time the requests took (and a second of clock rounding).
      expect(at).toBeGreaterThanOrEqual(before + seconds * 1000 - 1000);
      expect(at).toBeLessThanOrEqual(after + seconds * 1000 + 1000);
    };
    lasts(week, 604800);
    lasts(day, 86400);
    lasts(second, 1);
  });

  it('a revision of another post, or none, is NOT_FOUND; malformed ids are BAD_USER_INPUT', async () => {
    const mine = await draftPost(api, owner.token);
    const other = await draftPost(api, owner.token);
    await api.gql(
      UpdatePostDocument,
      { id: other.id, expectedVersion: other.version, input: { title: 'Changed' } },
      { token: owner.token },
    );
    const [{ id }] = await api.db.query(
      `SELECT r.id FROM post_revisions r JOIN posts p ON p.id = r.post_id WHERE p.title = 'Changed' LIMIT 1`,
    );
    const cases: Array<[Record<string, unknown>, string, string | undefined]> = [
      [{ revisionId: Buffer.from(`PostRevision:${id}`).toString('base64url') }, 'NOT_FOUND', undefined],
      [
        { revisionId: Buffer.from('PostRevision:00000000-0000-4000-8000-000000000000').toString('base64url') },
        'NOT_FOUND',
        undefined,
      ],
      [{ revisionId: 'not-an-id' }, 'BAD_USER_INPUT', 'revisionId'],
      [{ postId: 'not-an-id' }, 'BAD_USER_INPUT', 'postId'],
      [{ postId: owner.id }, 'NOT_FOUND', undefined],
    ];
    for (const [variables, code, field] of cases) {
      const response = await api.gql(
        CreatePreviewLinkDocument,
        { postId: mine.id, ...variables },
        { token: owner.token },
      );
      expect([errorCode(response), response.errors![0].extensions?.field]).toEqual([code, field]);
    }
    expect(await previewRowsOf(api, mine.id)).toBe(0);
    expect(await previewRowsOf(api, other.id)).toBe(0);
  });
});
