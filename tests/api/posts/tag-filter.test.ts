import { Role } from '../../../src/domain/enums';
import { PostsDocument } from '../../generated/operations';
import { startNewsroom } from '../../helpers/newsroom';
import { publishedPost } from '../../helpers/posts';
import { TestServer } from '../../helpers/test-server';

let api: TestServer;

beforeAll(async () => {
  const newsroom = await startNewsroom({ editor: Role.EDITOR });
  api = newsroom.api;
  await publishedPost(api, newsroom.editor.token, {
    title: 'Ferry strike in New York',
    tags: ['New   York', 'Harbour'],
  });
});

afterAll(() => api.close());

describe('a tag filter reads the tag as writes store it', () => {
  it.each(['new york', 'New  York', ' NEW\tYORK '])(
    'posts(filter: { tag: %j }) finds the post tagged "New   York"',
    async (tag) => {
      const response = await api.gql(PostsDocument, { first: 10, filter: { tag } });
      expect(response.errors).toBeUndefined();
      expect(response.data?.posts.edges.map((edge) => edge.node.title)).toEqual(['Ferry strike in New York']);
      expect(response.data?.posts.edges[0].node.tags).toEqual(['new york', 'harbour']);
    },
  );

  it('the RSS feed of ?tag=New%20%20York lists it', async () => {
    const response = await fetch(api.url.replace('/graphql', `/feeds/rss.xml?tag=${encodeURIComponent('New  York')}`));
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title><![CDATA[Ferry strike in New York]]></title>');
  });
});
