import { print } from 'graphql';
import { Role } from '../../src/domain/enums';
import { PostsDocument, PublishPostDocument } from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost, publishedPost } from '../helpers/posts';
import { TestServer } from '../helpers/test-server';

interface Answer {
  cache: string | null;
  cacheControl: string | null;
  ids: string[];
}

/** The response cache as readers meet it: fast for the crowd, never stale, never someone else's. */
describe('response cache for anonymous reads', () => {
  let api: TestServer;
  let editor: string;
  beforeAll(async () => {
    const newsroom = await startNewsroom({ editor: Role.EDITOR });
    api = newsroom.api;
    editor = newsroom.editor.token;
    for (let i = 0; i < 3; i += 1) await publishedPost(api, editor, { tags: ['cached'] });
  });
  afterAll(() => api.close());

  /** The feed of a tag, as a reader (or, with `token`, an editor) asks for it over GET. */
  const feed = async (variables: Record<string, unknown>, token?: string): Promise<Answer> => {
    const params = new URLSearchParams({ query: print(PostsDocument), variables: JSON.stringify(variables) });
    const response = await fetch(`${api.url}?${params}`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    const body = (await response.json()) as { data: { posts: { edges: Array<{ node: { id: string } }> } } };
    return {
      cache: response.headers.get('x-broadsheet-cache'),
      cacheControl: response.headers.get('cache-control'),
      ids: body.data.posts.edges.map(({ node }) => node.id),
    };
  };

  it('answers a burst of readers of one page with one execution', async () => {
    const variables = { first: 10, filter: { tag: 'cached' } };
    // The cache reads when the next scheduled post goes live once after each change; not counted here.
    await feed({ first: 8, filter: { tag: 'cached' } });
    api.statements.reset();
    const burst = await Promise.all(Array.from({ length: 20 }, () => feed(variables)));
    const executed = api.statements.count;
    api.statements.reset();
    await feed({ first: 9, filter: { tag: 'cached' } }); // another page: one execution, for comparison
    expect(executed).toBe(api.statements.count);
    expect(burst.filter((answer) => answer.cache === 'miss')).toHaveLength(1);
    expect(burst.filter((answer) => answer.cache === 'hit')).toHaveLength(19);
    expect(new Set(burst.map((answer) => answer.ids.join()))).toEqual(new Set([burst[0].ids.join()]));
    expect(burst[0].ids).toHaveLength(3);
  });

  it('never answers stale after a change: a post published now is in the next read', async () => {
    const variables = { first: 20, filter: { tag: 'cached' } };
    const before = await feed(variables);
    expect((await feed(variables)).cache).toBe('hit');
    const draft = await draftPost(api, editor, { tags: ['cached'] });
    await api.gql(PublishPostDocument, { id: draft.id }, { token: editor });
    const after = await feed(variables);
    expect(after.cache).toBe('miss');
    expect(after.ids).toEqual([draft.id, ...before.ids]);
  });

  it('shows a scheduled post from its moment on, though nothing was written then', async () => {
    const variables = { first: 30, filter: { tag: 'cached' } };
    const publishAt = new Date(Date.now() + 1500);
    const scheduled = await publishedPost(api, editor, { tags: ['cached'] }, publishAt.toISOString());
    expect((await feed(variables)).ids).not.toContain(scheduled.id);
    expect((await feed(variables)).cache).toBe('hit');
    await new Promise((resolve) => setTimeout(resolve, publishAt.getTime() - Date.now() + 50));
    expect((await feed(variables)).ids[0]).toBe(scheduled.id);
  });

  it("never serves one viewer's answer to another: signed-in requests bypass it", async () => {
    const drafts = { first: 10, filter: { status: 'DRAFT' } };
    const draft = await draftPost(api, editor, { tags: ['cached'] });
    const anonymous = await feed(drafts);
    expect(anonymous.ids).toEqual([]);
    expect((await feed(drafts)).cache).toBe('hit');
    const signedIn = await feed(drafts, editor);
    expect(signedIn.cache).toBeNull();
    expect(signedIn.cacheControl).toBe('private, no-store');
    expect(signedIn.ids).toContain(draft.id);
  });
});
