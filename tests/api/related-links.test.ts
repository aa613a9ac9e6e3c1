import { Role } from '../../src/domain/enums';
import {
  UnpublishPostDocument,
  UpdatePostDocument,
  AddRelatedLinkDocument,
  ArchivePostDocument,
  DeletePostDocument,
  LinkNodeDocument,
  PostLinksDocument,
  RelatedPostsDocument,
  RemoveRelatedLinkDocument,
  ReorderRelatedLinksDocument,
  type RelatedLinkInput,
} from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost, publishedPost } from '../helpers/posts';
import { SignedIn, TestServer, errorCode } from '../helpers/test-server';

let api: TestServer;
let owner: SignedIn;
let otherAuthor: SignedIn;
let editor: SignedIn;
beforeAll(async () => {
  ({ api, owner, otherAuthor, editor } = await startNewsroom({
    owner: Role.AUTHOR,
    otherAuthor: Role.AUTHOR,
    editor: Role.EDITOR,
  }));
});
afterAll(() => api.close());

async function link(postId: string, input: RelatedLinkInput, token = owner.token) {
  const response = await api.gql(AddRelatedLinkDocument, { postId, input }, { token });
  if (!response.data?.addRelatedLink) throw new Error(JSON.stringify(response.errors));
  return response.data.addRelatedLink;
}
const linksOf = async (postId: string, token?: string) =>
  (await api.gql(PostLinksDocument, { id: postId }, { token })).data!.post!.relatedLinks;

describe('curating related links', () => {
  it('links to posts and to pages elsewhere, in the editor order, positions 0..n-1', async () => {
    const post = await publishedPost(api, owner.token);
    const target = await publishedPost(api, otherAuthor.token, { title: 'The earlier story' });
    const a = await link(post.id, { targetPostId: target.id });
    const b = await link(post.id, { url: 'https://council.example.org/minutes', title: 'Council minutes' });
    const c = await link(post.id, { url: 'https://example.org/first', title: 'Goes first', position: 0 });
    expect(a).toMatchObject({
      kind: 'POST',
      title: 'The earlier story',
      url: `/posts/${target.slug}`,
      targetPost: { id: target.id },
    });
    expect(b).toMatchObject({ kind: 'EXTERNAL', title: 'Council minutes', targetPost: null });
    expect((await linksOf(post.id)).map((l) => [l.id, l.position])).toEqual([
      [c.id, 0],
      [a.id, 1],
      [b.id, 2],
    ]);
  });

  it('a given title wins over the target title; a position past the end appends', async () => {
    const post = await publishedPost(api, owner.token);
    const target = await publishedPost(api, owner.token);
    const l = await link(post.id, { targetPostId: target.id, title: 'Read the background', position: 99 });
    expect(l).toMatchObject({ title: 'Read the background', position: 0 });
  });

  it.each<[string, (ids: { self: string; target: string }) => RelatedLinkInput, string]>([
    [
      'both a target and a url',
      ({ target }) => ({ targetPostId: target, url: 'https://example.org', title: 't' }),
      'targetPostId',
    ],
    ['neither a target nor a url', () => ({ title: 't' }), 'targetPostId'],
    ['a url without a title', () => ({ url: 'https://example.org' }), 'title'],
    ['a url that is not http(s)', () => ({ url: 'ftp://example.org/x', title: 't' }), 'url'],
    ['a relative url', () => ({ url: '/about', title: 't' }), 'url'],
    ['the post itself', ({ self }) => ({ targetPostId: self }), 'targetPostId'],
    ['a negative position', ({ target }) => ({ targetPostId: target, position: -1 }), 'position'],
  ])('%s is BAD_USER_INPUT and adds nothing', async (_name, input, field) => {
    const post = await publishedPost(api, owner.token);
    const target = await publishedPost(api, owner.token);
    const response = await api.gql(
      AddRelatedLinkDocument,
      { postId: post.id, input: input({ self: post.id, target: target.id }) },
      { token: owner.token },
    );
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions?.field).toBe(field);
    expect(await linksOf(post.id, owner.token)).toEqual([]);
  });

  it('the same post twice is BAD_USER_INPUT', async () => {
    const post = await publishedPost(api, owner.token);
    const target = await publishedPost(api, owner.token);
    await link(post.id, { targetPostId: target.id });
    const again = await api.gql(
      AddRelatedLinkDocument,
      { postId: post.id, input: { targetPostId: target.id } },
      { token: owner.token },
    );
    expect(errorCode(again)).toBe('BAD_USER_INPUT');
    expect(await linksOf(post.id)).toHaveLength(1);
  });

  it('a target that does not exist or that the editor cannot see is NOT_FOUND', async () => {
    const post = await publishedPost(api, owner.token);
    const othersDraft = await draftPost(api, otherAuthor.token);
    const ghost = Buffer.from('Post:00000000-0000-4000-8000-000000000000').toString('base64url');
    for (const targetPostId of [othersDraft.id, ghost]) {
      expect(
        errorCode(
          await api.gql(AddRelatedLinkDocument, { postId: post.id, input: { targetPostId } }, { token: owner.token }),
        ),
      ).toBe('NOT_FOUND');
    }
  });

  it('the owner and editors manage links; other authors are FORBIDDEN, readers UNAUTHENTICATED', async () => {
    const post = await publishedPost(api, owner.token);
    const input = { url: 'https://example.org/x', title: 'X' };
    expect(errorCode(await api.gql(AddRelatedLinkDocument, { postId: post.id, input }))).toBe('UNAUTHENTICATED');
    expect(
      errorCode(await api.gql(AddRelatedLinkDocument, { postId: post.id, input }, { token: otherAuthor.token })),
    ).toBe('FORBIDDEN');
    const byEditor = await link(post.id, input, editor.token);
    expect(errorCode(await api.gql(RemoveRelatedLinkDocument, { id: byEditor.id }, { token: otherAuthor.token }))).toBe(
      'FORBIDDEN',
    );
    expect(
      errorCode(
        await api.gql(
          ReorderRelatedLinksDocument,
          { postId: post.id, linkIds: [byEditor.id] },
          { token: otherAuthor.token },
        ),
      ),
    ).toBe('FORBIDDEN');
    expect(
      (await api.gql(RemoveRelatedLinkDocument, { id: byEditor.id }, { token: owner.token })).data?.removeRelatedLink,
    ).toBe(true);
  });

  it('removing a link closes the gap in positions; removing it again is NOT_FOUND', async () => {
    const post = await publishedPost(api, owner.token);
    const made = [];
    for (let i = 0; i < 3; i += 1) made.push(await link(post.id, { url: `https://example.org/${i}`, title: `L${i}` }));
    await api.gql(RemoveRelatedLinkDocument, { id: made[1].id }, { token: owner.token });
    expect((await linksOf(post.id)).map((l) => [l.title, l.position])).toEqual([
      ['L0', 0],
      ['L2', 1],
    ]);
    expect(errorCode(await api.gql(RemoveRelatedLinkDocument, { id: made[1].id }, { token: owner.token }))).toBe(
      'NOT_FOUND',
    );
  });

  it('reorder takes exactly the post’s link ids; anything else is BAD_USER_INPUT and changes nothing', async () => {
    const post = await publishedPost(api, owner.token);
    const other = await publishedPost(api, owner.token);
    const [a, b, c] = [
      await link(post.id, { url: 'https://example.org/a', title: 'A' }),
      await link(post.id, { url: 'https://example.org/b', title: 'B' }),
      await link(post.id, { url: 'https://example.org/c', title: 'C' }),
    ];
    const foreign = await link(other.id, { url: 'https://example.org/f', title: 'F' });
    for (const linkIds of [
      [a.id, b.id],
      [a.id, b.id, c.id, c.id],
      [a.id, b.id, foreign.id],
      [a.id, b.id, c.id, foreign.id],
    ]) {
      const response = await api.gql(ReorderRelatedLinksDocument, { postId: post.id, linkIds }, { token: owner.token });
      expect(errorCode(response)).toBe('BAD_USER_INPUT');
      expect(response.errors![0].extensions?.field).toBe('linkIds');
    }
    const reordered = (
      await api.gql(
        ReorderRelatedLinksDocument,
        { postId: post.id, linkIds: [c.id, a.id, b.id] },
        { token: owner.token },
      )
    ).data!.reorderRelatedLinks;
    expect(reordered.map((l) => [l.title, l.position])).toEqual([
      ['C', 0],
      ['A', 1],
      ['B', 2],
    ]);
    expect((await linksOf(post.id)).map((l) => l.title)).toEqual(['C', 'A', 'B']);
  });
});

describe('visibility of links', () => {
  it('readers do not see POST links whose target they cannot see; the owner does', async () => {
    const post = await publishedPost(api, owner.token);
    const draftTarget = await draftPost(api, owner.token, { title: 'Not out yet' });
    const archivedTarget = await publishedPost(api, owner.token);
    await link(post.id, { targetPostId: draftTarget.id });
    const toArchived = await link(post.id, { targetPostId: archivedTarget.id });
    await api.gql(ArchivePostDocument, { id: archivedTarget.id }, { token: owner.token });
    await link(post.id, { url: 'https://example.org/x', title: 'External' });

    expect((await linksOf(post.id)).map((l) => l.title)).toEqual(['External']);
    expect((await linksOf(post.id, otherAuthor.token)).map((l) => l.title)).toEqual(['External']);
    expect((await linksOf(post.id, owner.token)).map((l) => l.title)).toEqual([
      'Not out yet',
      archivedTarget.title,
      'External',
    ]);
    expect((await api.gql(LinkNodeDocument, { id: toArchived.id })).data?.node).toBeNull();
    expect((await api.gql(LinkNodeDocument, { id: toArchived.id }, { token: owner.token })).data?.node).toMatchObject({
      __typename: 'RelatedLink',
    });
  });

  it("a link to a post that was unpublished shows its editor neither the post's new title nor its slug", async () => {
    const post = await publishedPost(api, owner.token);
    const othersStory = await publishedPost(api, otherAuthor.token, { title: 'Public title' });
    const l = await link(post.id, { targetPostId: othersStory.id });
    await api.gql(UnpublishPostDocument, { id: othersStory.id }, { token: otherAuthor.token });
    await api.gql(
      UpdatePostDocument,
      { id: othersStory.id, expectedVersion: othersStory.version + 1, input: { title: 'EMBARGOED: merger talks' } },
      { token: otherAuthor.token },
    );
    const [reordered] = (
      await api.gql(ReorderRelatedLinksDocument, { postId: post.id, linkIds: [l.id] }, { token: owner.token })
    ).data!.reorderRelatedLinks;
    expect(reordered).toMatchObject({ id: l.id, targetPost: null, url: '' });
    expect(reordered.title).not.toMatch(/EMBARGOED|Public title/);
    expect(reordered.url).not.toContain(othersStory.slug);
  });

  it('deleting a post removes its links and every link pointing to it; the others keep positions 0..n-1', async () => {
    const source = await publishedPost(api, owner.token);
    const doomed = await publishedPost(api, owner.token);
    const keep = await publishedPost(api, owner.token);
    await link(source.id, { targetPostId: doomed.id });
    await link(source.id, { targetPostId: keep.id });
    const fromDoomed = await link(doomed.id, { targetPostId: keep.id });
    await api.gql(DeletePostDocument, { id: doomed.id }, { token: owner.token });
    expect((await linksOf(source.id)).map((l) => [l.targetPost?.id, l.position])).toEqual([[keep.id, 0]]);
    // Inserting into the list afterwards still lands where asked.
    await link(source.id, { url: 'https://example.org/new-first', title: 'New first' });
    await link(source.id, { url: 'https://example.org/new-second', title: 'New second', position: 1 });
    expect((await linksOf(source.id)).map((l) => [l.title, l.position])).toEqual([
      [keep.title, 0],
      ['New second', 1],
      ['New first', 2],
    ]);
    expect((await api.gql(LinkNodeDocument, { id: fromDoomed.id }, { token: editor.token })).data?.node).toBeNull();
  });
});

describe('relatedPosts', () => {
  it('curated links first in editor order, then posts sharing the most tags, newer first among equals; live only, never itself, no duplicates', async () => {
    const tags = ['rowing', 'regatta', 'harbour'];
    const post = await publishedPost(api, owner.token, { tags });
    const curatedOld = await publishedPost(api, owner.token, { tags: ['unrelated'] }, '2021-01-01T00:00:00Z');
    const twoShared = await publishedPost(api, owner.token, { tags: ['rowing', 'regatta'] }, '2022-01-01T00:00:00Z');
    const oneSharedOld = await publishedPost(api, owner.token, { tags: ['harbour'] }, '2022-01-01T00:00:00Z');
    const oneSharedNew = await publishedPost(api, owner.token, { tags: ['rowing'] }, '2023-01-01T00:00:00Z');
    const curatedAlsoShared = await publishedPost(api, owner.token, { tags }, '2020-01-01T00:00:00Z');
    await draftPost(api, owner.token, { tags });
    await publishedPost(api, owner.token, { tags }, new Date(Date.now() + 3_600_000).toISOString());
    await link(post.id, { targetPostId: curatedAlsoShared.id });
    await link(post.id, { targetPostId: curatedOld.id });
    await link(post.id, { url: 'https://example.org/ext', title: 'Not a post' });

    const related = (await api.gql(RelatedPostsDocument, { id: post.id, limit: 10 })).data!.post!.relatedPosts.map(
      (p) => p.id,
    );
    expect(related).toEqual([curatedAlsoShared.id, curatedOld.id, twoShared.id, oneSharedNew.id, oneSharedOld.id]);

    const three = (await api.gql(RelatedPostsDocument, { id: post.id, limit: 3 })).data!.post!.relatedPosts.map(
      (p) => p.id,
    );
    expect(three).toEqual(related.slice(0, 3));
  });

  it('a curated link to a post readers cannot see is left out of relatedPosts', async () => {
    const post = await publishedPost(api, owner.token, { tags: ['lonely-tag-x'] });
    const draft = await draftPost(api, owner.token, { tags: ['lonely-tag-x'] });
    await link(post.id, { targetPostId: draft.id });
    expect(
      (await api.gql(RelatedPostsDocument, { id: post.id }, { token: owner.token })).data!.post!.relatedPosts,
    ).toEqual([]);
    expect(errorCode(await api.gql(RelatedPostsDocument, { id: post.id, limit: 0 }))).toBe('BAD_USER_INPUT');
  });
});
