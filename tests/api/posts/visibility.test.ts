import { Role } from '../../../src/domain/enums';
import {
  ArchivePostDocument,
  AuthorPostsDocument,
  FeaturedPostsDocument,
  NodeDocument,
  PostByIdDocument,
  PostBySlugDocument,
  PostsDocument,
  SearchDocument,
  SetFeaturedDocument,
  TagsDocument,
  AuthorLookupDocument,
} from '../../generated/operations';
import { startNewsroom } from '../../helpers/newsroom';
import { draftPost, publishedPost } from '../../helpers/posts';
import { SignedIn, TestServer } from '../../helpers/test-server';

let api: TestServer;
let owner: SignedIn;
let otherAuthor: SignedIn;
let editor: SignedIn;
let ownerSlug: string;
const hidden: Record<'draft' | 'archived' | 'scheduled', { id: string; slug: string }> = {} as never;
let live: { id: string; slug: string };

const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();

beforeAll(async () => {
  ({ api, owner, otherAuthor, editor } = await startNewsroom({
    owner: { role: Role.AUTHOR, name: 'Visibility Owner' },
    otherAuthor: Role.AUTHOR,
    editor: Role.EDITOR,
  }));
  ownerSlug = (await api.gql(AuthorLookupDocument, { id: owner.id }, { token: owner.token })).data!.author!.slug;
  // Every post carries the word "lighthouse" and the tag "zebra" so search and tag paths can find them.
  const common = { body: '<p>The lighthouse keeper retires.</p>', tags: ['zebra'] };
  live = await publishedPost(api, owner.token, { ...common, title: 'Live lighthouse story' });
  hidden.draft = await draftPost(api, owner.token, { ...common, title: 'Draft lighthouse story' });
  hidden.scheduled = await publishedPost(
    api,
    owner.token,
    { ...common, title: 'Scheduled lighthouse story' },
    inAnHour(),
  );
  hidden.archived = await publishedPost(api, owner.token, { ...common, title: 'Archived lighthouse story' });
  await api.gql(ArchivePostDocument, { id: hidden.archived.id }, { token: owner.token });
  for (const post of [live, hidden.draft, hidden.scheduled, hidden.archived]) {
    await api.gql(SetFeaturedDocument, { id: post.id, featured: true }, { token: editor.token });
  }
});
afterAll(() => api.close());

type Viewer = 'reader' | 'otherAuthor' | 'owner' | 'editor';
const tokenOf = (viewer: Viewer) =>
  ({ reader: undefined, otherAuthor: otherAuthor.token, owner: owner.token, editor: editor.token })[viewer];
const canSeeHidden = (viewer: Viewer) => viewer === 'owner' || viewer === 'editor';

/** Looks up every post of the test, one by one, and returns the ids found. */
async function lookUpEach(
  find: (post: { id: string; slug: string }) => Promise<{ id: string } | null | undefined>,
): Promise<string[]> {
  const ids = [];
  for (const post of [live, ...Object.values(hidden)]) {
    const found = await find(post);
    if (found) ids.push(found.id);
  }
  return ids;
}

/** Every path that can reach a post, as the ids of the posts it returns. */
const paths: Record<string, (token?: string) => Promise<string[]>> = {
  'post(id)': (token) =>
    lookUpEach(async (post) => (await api.gql(PostByIdDocument, { id: post.id }, { token })).data?.post),
  'post(slug)': (token) =>
    lookUpEach(async (post) => (await api.gql(PostBySlugDocument, { slug: post.slug }, { token })).data?.post),
  'node(id)': (token) =>
    lookUpEach(async (post) => (await api.gql(NodeDocument, { id: post.id }, { token })).data?.node),
  posts: async (token) =>
    (await api.gql(PostsDocument, { first: 100 }, { token })).data!.posts.edges.map((edge) => edge.node.id),
  'posts(tag)': async (token) =>
    (await api.gql(PostsDocument, { first: 100, filter: { tag: 'Zebra' } }, { token })).data!.posts.edges.map(
      (edge) => edge.node.id,
    ),
  search: async (token) =>
    (await api.gql(SearchDocument, { query: 'lighthouse' }, { token })).data!.search.nodes.map((node) => node.id),
  featuredPosts: async (token) =>
    (await api.gql(FeaturedPostsDocument, { limit: 50 }, { token })).data!.featuredPosts.map((post) => post.id),
  'Author.posts': async (token) =>
    (await api.gql(AuthorPostsDocument, { slug: ownerSlug }, { token })).data!.author!.posts.nodes.map(
      (node) => node.id,
    ),
};

describe.each(Object.keys(paths))('%s', (path) => {
  it.each<Viewer>(['reader', 'otherAuthor', 'owner', 'editor'])('as %s', async (viewer) => {
    const ids = await paths[path](tokenOf(viewer));
    expect(ids).toContain(live.id);
    const singleLookup = path.startsWith('post(') || path.startsWith('node');
    for (const post of Object.values(hidden)) {
      // Lists are the public feed for everyone; single lookups let the owner and editors preview.
      if (singleLookup && canSeeHidden(viewer)) expect(ids).toContain(post.id);
      else expect(ids).not.toContain(post.id);
    }
  });
});

describe('staff lists by status', () => {
  it('readers asking for drafts get an empty list, not an error', async () => {
    const response = await api.gql(PostsDocument, { filter: { status: 'DRAFT' } });
    expect(response.errors).toBeUndefined();
    expect(response.data!.posts).toMatchObject({ totalCount: 0, edges: [] });
  });

  it.each<[string, 'DRAFT' | 'SCHEDULED' | 'ARCHIVED']>([
    ['draft', 'DRAFT'],
    ['scheduled', 'SCHEDULED'],
    ['archived', 'ARCHIVED'],
  ])('%s posts: the owner and editors see them, another author does not', async (kind, status) => {
    const list = async (token?: string) =>
      (await api.gql(PostsDocument, { filter: { status } }, { token })).data!.posts.edges.map((edge) => edge.node.id);
    const post = hidden[kind as keyof typeof hidden];
    expect(await list(owner.token)).toContain(post.id);
    expect(await list(editor.token)).toContain(post.id);
    expect(await list(otherAuthor.token)).not.toContain(post.id);
  });

  it('a scheduled post shows as SCHEDULED to its author before its moment', async () => {
    const post = (await api.gql(PostByIdDocument, { id: hidden.scheduled.id }, { token: owner.token })).data!.post!;
    expect(post.status).toBe('SCHEDULED');
  });
});

describe('tag counts', () => {
  it('count live posts only', async () => {
    const tags = (await api.gql(TagsDocument, {})).data!.tags;
    expect(tags.find((tag) => tag.tag === 'zebra')).toEqual({ tag: 'zebra', count: 1 });
  });
});
