import { Role } from '../../../src/domain/enums';
import {
  ArchivePostDocument,
  CreatePostDocument,
  DeletePostDocument,
  PostByIdDocument,
  PublishPostDocument,
  RestoreRevisionDocument,
  SetFeaturedDocument,
  UnpublishPostDocument,
  UpdatePostDocument,
  PostRevisionsDocument,
} from '../../generated/operations';
import { startNewsroom } from '../../helpers/newsroom';
import { draftPost, publishedPost } from '../../helpers/posts';
import { SignedIn, TestServer, errorCode } from '../../helpers/test-server';

let api: TestServer;
let admin: SignedIn;
let editor: SignedIn;
let owner: SignedIn;
let otherAuthor: SignedIn;

beforeAll(async () => {
  ({ api, admin, editor, owner, otherAuthor } = await startNewsroom({
    admin: Role.ADMIN,
    editor: Role.EDITOR,
    owner: { role: Role.AUTHOR, name: 'Owner Author' },
    otherAuthor: Role.AUTHOR,
  }));
});
afterAll(() => api.close());

type Actor = 'reader' | 'owner' | 'otherAuthor' | 'editor' | 'admin';
const tokenOf = (actor: Actor) =>
  ({ reader: undefined, owner: owner.token, otherAuthor: otherAuthor.token, editor: editor.token, admin: admin.token })[
    actor
  ];

/**
 * Each mutation on a post by `owner` (an AUTHOR), tried by every kind of caller. The post is
 * published, so another author can see it: they get FORBIDDEN, readers UNAUTHENTICATED.
 */
const mutations: Record<
  string,
  {
    allowed: Actor[];
    run: (id: string, version: number, token?: string) => Promise<{ errors?: unknown[]; data?: unknown }>;
  }
> = {
  updatePost: {
    allowed: ['owner', 'editor', 'admin'],
    run: (id, version, token) =>
      api.gql(UpdatePostDocument, { id, expectedVersion: version, input: { title: 'Changed title' } }, { token }),
  },
  publishPost: {
    allowed: ['owner', 'editor', 'admin'],
    run: (id, _v, token) => api.gql(PublishPostDocument, { id, publishAt: '2001-01-01T00:00:00Z' }, { token }),
  },
  unpublishPost: {
    allowed: ['owner', 'editor', 'admin'],
    run: (id, _v, token) => api.gql(UnpublishPostDocument, { id }, { token }),
  },
  archivePost: {
    allowed: ['owner', 'editor', 'admin'],
    run: (id, _v, token) => api.gql(ArchivePostDocument, { id }, { token }),
  },
  deletePost: {
    allowed: ['owner', 'editor', 'admin'],
    run: (id, _v, token) => api.gql(DeletePostDocument, { id }, { token }),
  },
  setFeatured: {
    allowed: ['editor', 'admin'],
    run: (id, _v, token) => api.gql(SetFeaturedDocument, { id, featured: true }, { token }),
  },
};

describe.each(Object.keys(mutations))('%s by role', (name) => {
  it.each<Actor>(['reader', 'otherAuthor', 'owner', 'editor', 'admin'])('%s', async (actor) => {
    const post = await publishedPost(api, owner.token);
    const { allowed, run } = mutations[name];
    const response = await run(post.id, post.version, tokenOf(actor));
    if (allowed.includes(actor)) {
      expect(response.errors).toBeUndefined();
    } else {
      expect(errorCode(response as never)).toBe(actor === 'reader' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
      // Nothing changed.
      const after = await api.gql(PostByIdDocument, { id: post.id }, { token: owner.token });
      expect(after.data?.post).toMatchObject({
        version: post.version,
        title: post.title,
        featured: false,
        status: 'PUBLISHED',
      });
    }
  });
});

describe('restoreRevision by role', () => {
  it.each<Actor>(['reader', 'otherAuthor', 'owner', 'editor', 'admin'])('%s', async (actor) => {
    const post = await publishedPost(api, owner.token, { title: 'First title' });
    const edited = await api.gql(
      UpdatePostDocument,
      { id: post.id, expectedVersion: post.version, input: { title: 'Second title' } },
      { token: owner.token },
    );
    const revisions = await api.gql(PostRevisionsDocument, { id: post.id }, { token: owner.token });
    const firstTitled = revisions.data!.post!.revisions.find((revision) => revision.title === 'First title')!;
    const response = await api.gql(
      RestoreRevisionDocument,
      { postId: post.id, revisionId: firstTitled.id, expectedVersion: edited.data!.updatePost.version },
      { token: tokenOf(actor) },
    );
    if (['owner', 'editor', 'admin'].includes(actor)) {
      expect(response.data?.restoreRevision.title).toBe('First title');
    } else {
      expect(errorCode(response)).toBe(actor === 'reader' ? 'UNAUTHENTICATED' : 'FORBIDDEN');
    }
  });
});

describe('createPost', () => {
  it('readers cannot write; an author writes as themself, as a DRAFT at version 1', async () => {
    expect(errorCode(await api.gql(CreatePostDocument, { input: { title: 'x', body: 'y' } }))).toBe('UNAUTHENTICATED');
    const post = await draftPost(api, owner.token, {
      title: 'Harbour dues rise',
      source: ' Coastal Wire ',
      coverImageUrl: 'https://img.example.com/a.jpg',
    });
    expect(post).toMatchObject({
      status: 'DRAFT',
      version: 1,
      publishedAt: null,
      featured: false,
      source: 'Coastal Wire',
      coverImageUrl: 'https://img.example.com/a.jpg',
    });
    expect(post.author.id).toBe(owner.id);
  });

  it('editors and admins may write on behalf of another author; authors may not', async () => {
    const forOwner = await draftPost(api, editor.token, { authorId: owner.id });
    expect(forOwner.author.id).toBe(owner.id);
    expect(
      errorCode(
        await api.gql(
          CreatePostDocument,
          { input: { title: 't', body: 'b', authorId: owner.id } },
          { token: otherAuthor.token },
        ),
      ),
    ).toBe('FORBIDDEN');
    // Naming oneself is fine.
    expect((await draftPost(api, otherAuthor.token, { authorId: otherAuthor.id })).author.id).toBe(otherAuthor.id);
  });

  it('an authorId that names nobody is NOT_FOUND, a malformed one BAD_USER_INPUT', async () => {
    const ghost = Buffer.from('Author:00000000-0000-4000-8000-000000000000').toString('base64url');
    expect(
      errorCode(
        await api.gql(
          CreatePostDocument,
          { input: { title: 't', body: 'b', authorId: ghost } },
          { token: admin.token },
        ),
      ),
    ).toBe('NOT_FOUND');
    expect(
      errorCode(
        await api.gql(
          CreatePostDocument,
          { input: { title: 't', body: 'b', authorId: 'nope' } },
          { token: admin.token },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });
});

describe('the publishing workflow', () => {
  it('publish, unpublish, archive and feature each raise the version by one and keep a revision', async () => {
    const draft = await draftPost(api, owner.token);
    const published = (await api.gql(PublishPostDocument, { id: draft.id }, { token: owner.token })).data!.publishPost;
    expect(published).toMatchObject({ status: 'PUBLISHED', version: 2 });
    expect(Date.parse(published.publishedAt!)).toBeLessThanOrEqual(Date.now() + 1000);

    const featured = (await api.gql(SetFeaturedDocument, { id: draft.id, featured: true }, { token: editor.token }))
      .data!.setFeatured;
    expect(featured).toMatchObject({ featured: true, version: 3 });

    const unpublished = (await api.gql(UnpublishPostDocument, { id: draft.id }, { token: owner.token })).data!
      .unpublishPost;
    expect(unpublished).toMatchObject({ status: 'DRAFT', version: 4, publishedAt: null });

    const archived = (await api.gql(ArchivePostDocument, { id: draft.id }, { token: owner.token })).data!.archivePost;
    expect(archived).toMatchObject({ status: 'ARCHIVED', version: 5 });

    const revisions = (await api.gql(PostRevisionsDocument, { id: draft.id }, { token: owner.token })).data!.post!
      .revisions;
    expect(revisions.map((revision) => revision.version)).toEqual([4, 3, 2, 1]);
  });

  it('publishing a live post again changes nothing', async () => {
    const post = await publishedPost(api, owner.token);
    const again = (await api.gql(PublishPostDocument, { id: post.id }, { token: owner.token })).data!.publishPost;
    expect(again).toMatchObject({ version: post.version, publishedAt: post.publishedAt });
  });

  it('deleting a post makes it gone for everyone, and a second delete is NOT_FOUND', async () => {
    const post = await publishedPost(api, owner.token);
    expect((await api.gql(DeletePostDocument, { id: post.id }, { token: owner.token })).data?.deletePost).toBe(true);
    expect((await api.gql(PostByIdDocument, { id: post.id }, { token: admin.token })).data?.post).toBeNull();
    expect(errorCode(await api.gql(DeletePostDocument, { id: post.id }, { token: admin.token }))).toBe('NOT_FOUND');
  });

  it("another author's draft is NOT_FOUND to them, not FORBIDDEN: they may not learn it exists", async () => {
    const draft = await draftPost(api, owner.token);
    for (const run of [
      mutations.updatePost.run,
      mutations.publishPost.run,
      mutations.deletePost.run,
      mutations.archivePost.run,
    ]) {
      expect(errorCode((await run(draft.id, draft.version, otherAuthor.token)) as never)).toBe('NOT_FOUND');
    }
  });

  it('restoreRevision brings back the content and records what it replaced', async () => {
    const post = await draftPost(api, owner.token, { title: 'Original', body: '<p>Original body</p>', tags: ['a'] });
    const v2 = (
      await api.gql(
        UpdatePostDocument,
        { id: post.id, expectedVersion: 1, input: { title: 'Rewritten', body: '<p>New body</p>', tags: ['b'] } },
        { token: owner.token },
      )
    ).data!.updatePost;
    const [original] = (await api.gql(PostRevisionsDocument, { id: post.id }, { token: owner.token })).data!.post!
      .revisions;
    expect(original).toMatchObject({ version: 1, title: 'Original', body: '<p>Original body</p>', tags: ['a'] });
    expect(original.editor.id).toBe(owner.id);

    const stale = await api.gql(
      RestoreRevisionDocument,
      { postId: post.id, revisionId: original.id, expectedVersion: 1 },
      { token: editor.token },
    );
    expect(errorCode(stale)).toBe('CONFLICT');

    const restored = (
      await api.gql(
        RestoreRevisionDocument,
        { postId: post.id, revisionId: original.id, expectedVersion: v2.version },
        { token: editor.token },
      )
    ).data!.restoreRevision;
    expect(restored).toMatchObject({ title: 'Original', body: '<p>Original body</p>', tags: ['a'], version: 3 });
    const revisions = (await api.gql(PostRevisionsDocument, { id: post.id }, { token: owner.token })).data!.post!
      .revisions;
    expect(revisions.map((revision) => [revision.version, revision.title])).toEqual([
      [2, 'Rewritten'],
      [1, 'Original'],
    ]);
    expect(revisions[0].editor.id).toBe(owner.id);
  });

  it('a revision of another post is NOT_FOUND', async () => {
    const a = await draftPost(api, owner.token);
    const b = await draftPost(api, owner.token);
    await api.gql(UpdatePostDocument, { id: a.id, expectedVersion: 1, input: { title: 'A2' } }, { token: owner.token });
    const [revisionOfA] = (await api.gql(PostRevisionsDocument, { id: a.id }, { token: owner.token })).data!.post!
      .revisions;
    const response = await api.gql(
      RestoreRevisionDocument,
      { postId: b.id, revisionId: revisionOfA.id, expectedVersion: 1 },
      { token: owner.token },
    );
    expect(errorCode(response)).toBe('NOT_FOUND');
  });

  it('revisions are for the author, editors and admins; others see an empty list', async () => {
    const post = await publishedPost(api, owner.token);
    const read = async (token?: string) =>
      (await api.gql(PostRevisionsDocument, { id: post.id }, { token })).data!.post!.revisions.length;
    expect(await read(owner.token)).toBe(1);
    expect(await read(editor.token)).toBe(1);
    expect(await read(otherAuthor.token)).toBe(0);
    expect(await read()).toBe(0);
  });
});
