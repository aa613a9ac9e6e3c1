import { Role } from '../../src/domain/enums';
import { PostPublishedDocument, PublishPostDocument } from '../generated/operations';
import { LiveClient, liveClient, untilListening } from '../helpers/live-client';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost } from '../helpers/posts';
import { TestServer } from '../helpers/test-server';

/** A breaking story reaching many readers' tickers must not cost a read per reader. */
describe('live fan-out', () => {
  let api: TestServer;
  let editor: string;
  beforeAll(async () => {
    // The go-live sweep stays away from the counts. The dispatcher keeps polling: it holds an
    // event back while any older write runs anywhere on the PostgreSQL server (tx_id below the
    // snapshot's xmin), such as in the database of a test file running beside this one, and the
    // commit's NOTIFY wakes it only once. Its rounds' statements are not counted.
    const hour = 60 * 60 * 1000;
    const newsroom = await startNewsroom(
      { editor: Role.EDITOR },
      { goLiveIntervalMs: hour, eventsPollIntervalMs: 100 },
      { liveEvents: true },
    );
    api = newsroom.api;
    editor = newsroom.editor.token;
  });
  afterAll(() => api.close());

  /** SQL statements, the dispatcher's aside, from publishing a post until every one of `readers` anonymous tickers has it. */
  const statementsToReach = async (readers: number) => {
    const clients: LiveClient[] = Array.from({ length: readers }, () => liveClient(api.url));
    const tickers = clients.map((client) => client.subscribe(PostPublishedDocument, {}));
    await untilListening(api.url, readers);
    const draft = await draftPost(api, editor);
    api.statements.reset();
    await api.gql(PublishPostDocument, { id: draft.id }, { token: editor });
    const delivered = await Promise.all(tickers.map((ticker) => ticker.next()));
    // The dispatcher's own statements (and a trailing round of it) are not the subscribers'.
    const count = api.statements.countExcept('dispatcher', 'go-live', 'webhooks');
    expect(delivered.map((answer) => answer.data?.postPublished.id)).toEqual(tickers.map(() => draft.id));
    await Promise.all(clients.map((client) => client.dispose()));
    await untilListening(api.url, 0);
    return count;
  };

  it('costs the same statements for 25 anonymous subscribers as for 2', async () => {
    const few = await statementsToReach(2);
    const many = await statementsToReach(25);
    expect(many).toBe(few);
  });
});
