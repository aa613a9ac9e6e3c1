import { inTransaction } from '../../src/db/transaction';
import { EventConsumer, StoredEvent, dispatchOnce } from '../../src/events/dispatcher';
import { recordEvents } from '../../src/events/outbox';
import { TestServer, startTestServer } from '../helpers/test-server';

/** The dispatcher: every event to every consumer, in order, at least once, across restarts. */
describe('the event dispatcher', () => {
  let api: TestServer;
  beforeAll(async () => {
    api = await startTestServer();
  });
  afterAll(() => api.close());

  const recorder = (name: string) => {
    const seen: StoredEvent[] = [];
    const consumer: EventConsumer = { name, handle: async (event) => void seen.push(event) };
    return { consumer, seen, keys: () => seen.map((event) => event.cacheKeys[0]) };
  };
  /**
   * Dispatch rounds until `count` events have reached `seen` (or 3 s pass): events wait while any
   * older transaction on the server is still open, and other test files run transactions too.
   */
  const deliver = async (consumer: EventConsumer, seen: unknown[], count: number) => {
    const deadline = Date.now() + 3000;
    while (seen.length < count && Date.now() < deadline) {
      await dispatchOnce(api.db.manager, [consumer]);
      if (seen.length < count) await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  const record = (key: string) =>
    inTransaction(api.db.manager, (m) => recordEvents(m, [{ type: 'post.updated', cacheKeys: [key] }]));

  it('delivers in sequence order and resumes from its position, as after a restart', async () => {
    const first = recorder('resume-test');
    await dispatchOnce(api.db.manager, [first.consumer]); // a new consumer starts at the end of the outbox
    expect(first.seen).toEqual([]);
    await record('k:1');
    await record('k:2');
    await deliver(first.consumer, first.seen, 2);
    expect(first.keys()).toEqual(['k:1', 'k:2']);

    const restarted = recorder('resume-test');
    await record('k:3');
    await deliver(restarted.consumer, restarted.seen, 1);
    expect(restarted.keys()).toEqual(['k:3']);
  });

  it('never skips an event whose transaction commits after a later one was delivered', async () => {
    const late = recorder('in-flight-test');
    await dispatchOnce(api.db.manager, [late.consumer]);

    let commitSlow!: () => void;
    const slowMayCommit = new Promise<void>((resolve) => (commitSlow = resolve));
    let slowRecorded!: () => void;
    const slowHasRecorded = new Promise<void>((resolve) => (slowRecorded = resolve));
    const slow = inTransaction(api.db.manager, async (m) => {
      await recordEvents(m, [{ type: 'post.updated', cacheKeys: ['slow'] }]); // the lower sequence number
      slowRecorded();
      await slowMayCommit;
    });
    await slowHasRecorded;
    await record('fast'); // a higher sequence number, committed first

    await dispatchOnce(api.db.manager, [late.consumer]);
    expect(late.keys()).toEqual([]); // 'fast' waits while 'slow' may still commit before it

    commitSlow();
    await slow;
    await deliver(late.consumer, late.seen, 2);
    expect(late.keys()).toEqual(['slow', 'fast']);
  });

  it('a consumer that fails gets the same events again on the next round', async () => {
    let fail = true;
    const seen: string[] = [];
    const flaky: EventConsumer = {
      name: 'flaky-test',
      handle: async (event) => {
        if (fail) throw new Error('not now');
        seen.push(event.cacheKeys[0]);
      },
    };
    fail = false;
    await dispatchOnce(api.db.manager, [flaky]);
    seen.length = 0;
    fail = true;
    await record('retry-me');
    // It fails once the event is visible to the dispatcher (other transactions may hold it back a moment).
    await expect(
      (async () => {
        for (const deadline = Date.now() + 3000; Date.now() < deadline;) {
          await dispatchOnce(api.db.manager, [flaky]);
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
      })(),
    ).rejects.toThrow('not now');
    fail = false;
    await deliver(flaky, seen, 1);
    expect(seen).toEqual(['retry-me']);
  });
});
