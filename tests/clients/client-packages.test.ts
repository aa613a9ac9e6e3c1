import { ApolloClient, HttpLink, InMemoryCache, gql as apolloGql } from '@apollo/client';
import { relayStylePagination } from '@apollo/client/utilities';
import { Client as UrqlClient, cacheExchange, fetchExchange, gql as urqlGql } from '@urql/core';
import { GraphQLClient, gql as requestGql } from 'graphql-request';
import { Environment, GraphQLResponse, Network, RecordSource, Store, fetchQuery } from 'relay-runtime';
import { Role } from '../../src/domain/enums';
import { startNewsroom } from '../helpers/newsroom';
import { publishedPost } from '../helpers/posts';
import { TestServer } from '../helpers/test-server';
import RelayGuideFeedQuery, {
  type RelayGuideFeedQuery as FeedQuery,
} from './relay/__generated__/RelayGuideFeedQuery.graphql';
import RelayGuidePostRefetchQuery, {
  type RelayGuidePostRefetchQuery as RefetchQuery,
} from './relay/__generated__/RelayGuidePostRefetchQuery.graphql';

/**
 * The client packages of the README's "Client setup" against the server, watched from the
 * server's side: Apollo Client and urql send queries by GET and get cacheable answers, pages
 * merge, graphql-request by POST and GET, a Relay @refetchable fragment refetches through
 * node(id:) (its operations compiled from tests/clients/relay/RelayGuide.ts by `npm run
 * codegen`). client-guide.test.ts runs the README's blocks themselves, as written.
 */
describe('client packages', () => {
  let api: TestServer;
  /** Newest first, as the feed lists them. */
  const titles: string[] = [];
  /** Every request the clients sent: method and whether the answer was cacheable. */
  const sent: Array<{ method: string; cacheControl: string | null }> = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    sent.push({ method: init?.method ?? 'GET', cacheControl: response.headers.get('cache-control') });
    return response;
  };

  beforeAll(async () => {
    const newsroom = await startNewsroom({ editor: { role: Role.EDITOR, name: 'Client Guide' } });
    api = newsroom.api;
    const editor = newsroom.editor.token;
    for (let i = 1; i <= 12; i += 1) {
      titles.unshift((await publishedPost(api, editor, { title: `Guide story ${i}`, tags: ['guide'] })).title);
    }
  });
  afterAll(() => api.close());
  beforeEach(() => {
    sent.length = 0;
  });

  it('Apollo Client: queries over GET, and pages merge into one list with relayStylePagination', async () => {
    const client = new ApolloClient({
      link: new HttpLink({ uri: api.url, useGETForQueries: true, fetch: recordingFetch }),
      cache: new InMemoryCache({
        typePolicies: { Query: { fields: { posts: relayStylePagination(['filter']) } } },
      }),
    });
    const FEED = apolloGql`
      query Feed($tag: String, $after: String) {
        posts(first: 5, after: $after, filter: { tag: $tag }) {
          edges { cursor node { id title publishedAt author { id name } } }
          pageInfo { hasNextPage endCursor }
        }
      }
    `;
    const feed = client.watchQuery({ query: FEED, variables: { tag: 'guide' } });
    const pages: string[][] = [];
    const subscription = feed.subscribe(({ data }) => {
      const posts = (data as { posts?: { edges: Array<{ node: { title: string } }> } } | undefined)?.posts;
      if (posts) pages.push(posts.edges.map((edge) => edge.node.title));
    });
    const firstPage = await client.query({ query: FEED, variables: { tag: 'guide' } });
    const { endCursor } = (firstPage.data as { posts: { pageInfo: { endCursor: string } } }).posts.pageInfo;
    await feed.fetchMore({ variables: { after: endCursor } });
    await new Promise((resolve) => setTimeout(resolve, 50));
    subscription.unsubscribe();

    expect(pages.at(-1)).toEqual(titles.slice(0, 10));
    expect(sent.every((request) => request.method === 'GET')).toBe(true);
    expect(sent[0].cacheControl).toMatch(/^public/);
  });

  it('urql with its default settings (GET for queries within the URL limit)', async () => {
    const client = new UrqlClient({ url: api.url, exchanges: [cacheExchange, fetchExchange], fetch: recordingFetch });
    const LATEST = urqlGql`
      query Latest($first: Int!) { posts(first: $first) { nodes { id title } } }
    `;
    const result = await client.query(LATEST, { first: 3 }).toPromise();
    expect(result.error).toBeUndefined();
    expect(
      (result.data as { posts: { nodes: Array<{ title: string }> } }).posts.nodes.map((post) => post.title),
    ).toEqual(titles.slice(0, 3));
    expect(sent.map((request) => request.method)).toEqual(['GET']);
  });

  it('graphql-request, by POST (its default) and by GET', async () => {
    const TAGS = requestGql`
      query Tags { tags(limit: 5) { tag count } }
    `;
    const byPost = new GraphQLClient(api.url, { fetch: recordingFetch });
    const byGet = new GraphQLClient(api.url, { method: 'GET', fetch: recordingFetch });
    const expected = { tags: expect.arrayContaining([{ tag: 'guide', count: 12 }]) };
    expect(await byPost.request(TAGS)).toEqual(expected);
    expect(await byGet.request(TAGS)).toEqual(expected);
    expect(sent.map((request) => request.method)).toEqual(['POST', 'GET']);
  });

  it('Relay: a @connection page, and a @refetchable fragment refetched through node(id:)', async () => {
    const environment = new Environment({
      network: Network.create(async (operation, variables) => {
        const response = await recordingFetch(api.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query: operation.text, variables }),
        });
        return (await response.json()) as GraphQLResponse;
      }),
      store: new Store(new RecordSource()),
    });
    const feed = await fetchQuery<FeedQuery>(environment, RelayGuideFeedQuery, { tag: 'guide' }).toPromise();
    const nodes = feed!.posts.edges.map((edge) => edge.node);
    expect(nodes.map((node) => node.title)).toEqual(titles.slice(0, 3));

    const refetched = await fetchQuery<RefetchQuery>(environment, RelayGuidePostRefetchQuery, {
      id: nodes[0].id,
    }).toPromise();
    expect(refetched!.node).toBeTruthy();
    // The refetch query reads the fragment's fields off `node`; the store now holds them.
    const record = environment.getStore().getSource().get(nodes[0].id);
    expect(record).toMatchObject({ id: nodes[0].id, title: titles[0], tags: ['guide'] });
  });

  it('plain fetch over GET, as a CDN would see it', async () => {
    const query = 'query Latest { posts(first: 2) { nodes { title } } }';
    const response = await fetch(`${api.url}?query=${encodeURIComponent(query)}`);
    expect(response.headers.get('cache-control')).toMatch(/^public/);
    expect(await response.json()).toEqual({
      data: { posts: { nodes: titles.slice(0, 2).map((title) => ({ title })) } },
    });
  });
});
