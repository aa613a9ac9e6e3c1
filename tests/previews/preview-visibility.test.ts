import { Role } from '../../src/domain/enums';
import {
  AddCommentDocument,
  AddRelatedLinkDocument,
  PreviewPageDocument,
  UnpublishPostDocument,
} from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost, publishedPost } from '../helpers/posts';
import { previewLink } from '../helpers/previews';
import { SignedIn, TestServer } from '../helpers/test-server';

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

/**
 * A story that was live (so it has comments), links to a live story, to an unpublished one and
 * to a page elsewhere, shares a tag with both stories, and is back in draft.
 */
async function unpublishedStoryWithNeighbours() {
  const live = await publishedPost(api, owner.token, { title: 'Ferry timetable changes', tags: ['harbour'] });
  const secret = await draftPost(api, owner.token, { title: 'Secret merger talks', tags: ['harbour'] });
  const story = await publishedPost(api, owner.token, { title: 'Harbour works begin', tags: ['harbour'] });
  const comment = async (input: { body: string; authorName?: string }, token?: string) => {
    const added = await api.gql(AddCommentDocument, { input: { postId: story.id, ...input } }, { token });
    if (!added.data?.addComment) throw new Error(JSON.stringify(added.errors));
    return added.data.addComment;
  };
  const approved = await comment({ body: 'Noted, thanks.' }, editor.token);
  await comment({ body: 'Waiting for moderation', authorName: 'A reader' });
  for (const input of [
    { targetPostId: live.id },
    { targetPostId: secret.id },
    { url: 'https://port.example.org/works', title: 'Port notice' },
  ]) {
    const linked = await api.gql(AddRelatedLinkDocument, { postId: story.id, input }, { token: owner.token });
    if (!linked.data?.addRelatedLink) throw new Error(JSON.stringify(linked.errors));
  }
  await api.gql(UnpublishPostDocument, { id: story.id }, { token: owner.token });
  return { live, secret, story, approved };
}

describe('nothing but the post opens through a preview', () => {
  it("its comments, links and related posts are what readers would see, and its revisions stay staff's", async () => {
    const { live, secret, story, approved } = await unpublishedStoryWithNeighbours();
    const { token } = await previewLink(api, owner.token, story.id);
    for (const as of [undefined, otherAuthor.token]) {
      const answer = await api.gql(PreviewPageDocument, { token }, { token: as });
      expect(answer.errors).toBeUndefined();
      expect(answer.data?.previewPost).toEqual({
        id: story.id,
        revisions: [],
        commentCount: 1,
        comments: {
          nodes: [
            {
              id: approved.id,
              body: 'Noted, thanks.',
              post: { id: story.id, title: 'Harbour works begin' },
              parent: null,
            },
          ],
        },
        relatedLinks: [
          {
            kind: 'POST',
            title: 'Ferry timetable changes',
            url: `/posts/${live.slug}`,
            targetPost: { id: live.id, title: 'Ferry timetable changes', slug: live.slug },
          },
          { kind: 'EXTERNAL', title: 'Port notice', url: 'https://port.example.org/works', targetPost: null },
        ],
        relatedPosts: [{ id: live.id, title: 'Ferry timetable changes' }],
      });
      const text = JSON.stringify(answer);
      expect(text).not.toContain(secret.id);
      expect(text).not.toContain('Secret merger');
      expect(text).not.toContain('Waiting for moderation');
    }
  });

  it('the post’s author reads the same preview with what they may see anyway', async () => {
    const { secret, story } = await unpublishedStoryWithNeighbours();
    const { token } = await previewLink(api, owner.token, story.id);
    const answer = await api.gql(PreviewPageDocument, { token }, { token: owner.token });
    // Signed in as its author: its revisions, and the link to their own draft.
    expect(answer.data?.previewPost?.revisions.length).toBeGreaterThan(0);
    expect(answer.data?.previewPost?.relatedLinks.map((link) => link.targetPost?.id)).toContain(secret.id);
  });
});
