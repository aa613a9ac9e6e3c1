import { Role } from '../../src/domain/enums';
import { liveClient, untilListening } from '../helpers/live-client';
import { TestServer, startTestServer } from '../helpers/test-server';

/** Posts with related posts with theirs: 100 x 20, about 2,100 objects at each event. */
const WIDE = 'relatedPosts(limit: 100) { relatedPosts(limit: 20) { id } }';

/**
 * Issue 16, item 8: a subscription's selection runs at every event for every subscriber, so a
 * budget made for one query let 100 anonymous subscriptions turn one publish into seconds of
 * work. Subscriptions have a budget of their own (LIVE_MAX_COST).
 */
describe('live subscriptions and the work one event starts', () => {
  let api: TestServer;
  beforeAll(async () => {
    // Only the commit's NOTIFY wakes the dispatcher, so nothing else runs SQL during a count.
    const hour = 60 * 60 * 1000;
    api = await startTestServer({ goLiveIntervalMs: hour, eventsPollIntervalMs: hour }, { liveEvents: true });
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
});
