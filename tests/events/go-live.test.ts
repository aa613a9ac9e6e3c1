import { Role } from '../../src/domain/enums';
import { announceDuePosts } from '../../src/events/go-live';
import { fromGlobalId } from '../../src/schema/global-id';
import { PublishPostDocument, UnpublishPostDocument } from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost } from '../helpers/posts';
import { TestServer } from '../helpers/test-server';

/** A scheduled post's `post.published` event: once, after its time, whoever sweeps and whenever. */
describe('scheduled go-live events', () => {
  let api: TestServer;
  let token: string;
  beforeAll(async () => {
    const newsroom = await startNewsroom({ editor: Role.EDITOR });
    api = newsroom.api;
    token = newsroom.editor.token;
  });
  afterAll(() => api.close());

  const rowId = (globalId: string) => fromGlobalId(globalId, 'id').id;
  const publishedEvents = async (postId: string) =>
    (await api.db.query(`SELECT payload FROM events WHERE post_id = $1 AND type = 'post.published'`, [
      rowId(postId),
    ])) as Array<{
      payload: { publishedAt: string; scheduled?: boolean };
    }>;
  const scheduleIn = async (ms: number) => {
    const draft = await draftPost(api, token);
    const at = new Date(Date.now() + ms).toISOString();
    await api.gql(PublishPostDocument, { id: draft.id, publishAt: at }, { token });
    return { id: draft.id, at };
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('is announced once its time has passed, exactly once, also by a sweep that comes late', async () => {
    const post = await scheduleIn(800);
    await announceDuePosts(api.db.manager);
    expect(await publishedEvents(post.id)).toEqual([]);
    // No sweep runs across the moment (as when the server is down); the next one catches up.
    await sleep(1200);
    await announceDuePosts(api.db.manager);
    await announceDuePosts(api.db.manager);
    expect(await publishedEvents(post.id)).toEqual([{ payload: { publishedAt: post.at, scheduled: true } }]);
  });

  it('is not announced again once old events are removed (the post keeps what was announced)', async () => {
    const post = await scheduleIn(300);
    await sleep(600);
    await announceDuePosts(api.db.manager);
    expect(await publishedEvents(post.id)).toHaveLength(1);
    await api.db.query(`DELETE FROM events WHERE post_id = $1`, [rowId(post.id)]);
    await announceDuePosts(api.db.manager);
    expect(await publishedEvents(post.id)).toEqual([]);
  });

  it('sweeps of several instances at once announce it once', async () => {
    const post = await scheduleIn(300);
    await sleep(600);
    await Promise.all(Array.from({ length: 5 }, () => announceDuePosts(api.db.manager)));
    await announceDuePosts(api.db.manager);
    expect(await publishedEvents(post.id)).toHaveLength(1);
  });

  it('a post unpublished before its time is never announced; a rescheduled one at its new time', async () => {
    const dropped = await scheduleIn(300);
    await api.gql(UnpublishPostDocument, { id: dropped.id }, { token });
    const moved = await scheduleIn(60_000);
    const newTime = new Date(Date.now() + 300).toISOString();
    await api.gql(PublishPostDocument, { id: moved.id, publishAt: newTime }, { token });
    await sleep(600);
    await announceDuePosts(api.db.manager);
    expect(await publishedEvents(dropped.id)).toEqual([]);
    expect(await publishedEvents(moved.id)).toEqual([{ payload: { publishedAt: newTime, scheduled: true } }]);
  });
});
