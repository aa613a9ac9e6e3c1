import { Role } from '../../src/domain/enums';
import { PublishPostDocument } from '../generated/operations';
import { LiveClient, liveClient, untilListening } from '../helpers/live-client';
import { draftPost } from '../helpers/posts';
import { TestServer, startTestServer } from '../helpers/test-server';

/** Posts with related posts with theirs: 100 x 20, about 2,100 objects at each event. */
const WIDE = 'relatedPosts(limit: 100) { relatedPosts(limit: 20) { id } }';

/** A news ticker's heavy but admitted selection (about 100 objects at each event). */
const TICKER = `subscription Ticker($tag: String) {
  postPublished(tag: $tag) {
    id title excerpt body tags
    author { name bio posts(first: 10) { nodes { id title } } }
    relatedPosts(limit: 10) { id title author { name } }
    comments(first: 5) { nodes { body replies { body } } }
  }
}`;

async function answerCounts(api: TestServer): Promise<{ computed: number; shared: number }> {
  const text = await (await fetch(api.url.replace(/\/graphql$/, '/metrics'))).text();
  const count = (source: string) =>
    Number(new RegExp(`^broadsheet_live_answers_total\\{source="${source}"\\} (\\d+)`, 'm').exec(text)?.[1] ?? NaN);
  return { computed: count('computed'), shared: count('shared') };
}

/**
 * Issue 16, item 8: a subscription's selection runs at every event for every subscriber, so a
 * budget made for one query let 100 anonymous subscriptions turn one publish into seconds of
 * work. Subscriptions have a budget of their own (LIVE_MAX_COST).
 */
describe('live subscriptions and the work one event starts', () => {
  let api: TestServer;
  beforeAll(async () => {
    // The go-live sweep stays away from the counts. The dispatcher keeps polling: it holds an
    // event back while any older write runs anywhere on the PostgreSQL server (tx_id below the
    // snapshot's xmin), such as in the database of a test file running beside this one, and the
    // commit's NOTIFY wakes it only once. Its rounds' statements are not counted.
    const hour = 60 * 60 * 1000;
    api = await startTestServer({ goLiveIntervalMs: hour, eventsPollIntervalMs: 100 }, { liveEvents: true });
  });
  afterAll(() => api.close());

  it('refuses over both transports, QUERY_TOO_COMPLEX, a selection a query may have but a subscription may not', async () => {
    // As a query it is within the budget of queries.
    const query = await api.post(JSON.stringify({ query: `{ posts(first: 1) { nodes { ${WIDE} } } }` }));
    expect(query.status).toBe(200);
    expect((await query.json()).errors).toBeUndefined();

    const subscription = `subscription { postPublished { ${WIDE} } }`;
    const client = liveClient(api.url);
    expect(await client.subscribe(subscription, {}).failure()).toEqual([
      expect.objectContaining({
        extensions: { code: 'QUERY_TOO_COMPLEX' },
        message: expect.stringContaining('the limit is 1000'),
      }),
    ]);
    const stream = await fetch(`${api.url}/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: subscription }),
    });
    expect(stream.status).toBe(400);
    expect((await stream.json()).errors[0].extensions.code).toBe('QUERY_TOO_COMPLEX');

    // A ticker's selection, related posts and theirs included, is well within it.
    client.subscribe('subscription { postPublished { id title relatedPosts { id relatedPosts { id } } } }', {});
    await untilListening(api.url, 1);
    await client.dispose();
    await untilListening(api.url, 0);
  });

  it('holds signed-in subscribers to the same budget', async () => {
    const editor = (await api.signUp(Role.EDITOR)).token;
    const client = liveClient(api.url, editor);
    expect(await client.subscribe(`subscription { postPublished { ${WIDE} } }`, {}).failure()).toEqual([
      expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX' } }),
    ]);
    await client.dispose();
  });

  describe('anonymous subscribers of one selection', () => {
    let editor: string;
    beforeAll(async () => {
      editor = (await api.signUp(Role.EDITOR)).token;
    });

    /**
     * Publishes a post to `readers` anonymous tickers: what each received, and what it cost:
     * answers computed and shared, and the statements read (the dispatcher's are its own).
     */
    const fanOut = async (readers: number, meanwhile?: () => Promise<void>) => {
      const clients: LiveClient[] = Array.from({ length: readers }, () => liveClient(api.url));
      const tickers = clients.map((client) =>
        client.subscribe<{ postPublished: { id: string; tags: string[] } }, { tag: string }>(TICKER, {
          tag: 'fan-out',
        }),
      );
      await untilListening(api.url, readers);
      const draft = await draftPost(api, editor, { tags: ['fan-out', 'harbour'] });
      const before = await answerCounts(api);
      api.statements.reset();
      await api.gql(PublishPostDocument, { id: draft.id }, { token: editor });
      const first = tickers[0].next(30_000);
      const alongside = first.then(() => meanwhile?.());
      const received = await Promise.all(tickers.map((ticker, i) => (i === 0 ? first : ticker.next(30_000))));
      await alongside;
      // The subscribers' statements: not the dispatcher's rounds (their consumers' included), the sweep's or the webhook sender's.
      const reads = api.statements.countExcept('dispatcher', 'go-live', 'webhooks');
      const after = await answerCounts(api);
      await Promise.all(clients.map((client) => client.dispose()));
      await untilListening(api.url, 0);
      return {
        draft,
        received,
        reads,
        computed: after.computed - before.computed,
        shared: after.shared - before.shared,
      };
    };

    it('are answered by one execution of it at each event, with the statements of one subscriber', async () => {
      await fanOut(1); // so that both counted posts have a related post
      const one = await fanOut(1);
      const many = await fanOut(50);
      expect(many.received).toEqual(many.received.map(() => many.received[0]));
      expect(many.received[0].data?.postPublished).toMatchObject({ id: many.draft.id, tags: ['fan-out', 'harbour'] });
      expect(one).toMatchObject({ computed: 1, shared: 0 });
      expect(many).toMatchObject({ computed: 1, shared: 49, reads: one.reads });
    });

    it('leave requests answered while 100 of them are answered', async () => {
      let answered: unknown;
      await fanOut(100, async () => {
        // Sent once the first ticker has its answer, while the others wait for theirs.
        const response = await api.post(JSON.stringify({ query: '{ posts(first: 3) { nodes { id title } } }' }));
        answered = { status: response.status, body: await response.json() };
      });
      expect(answered).toMatchObject({ status: 200, body: { data: { posts: { nodes: expect.any(Array) } } } });
    });
  });
});
