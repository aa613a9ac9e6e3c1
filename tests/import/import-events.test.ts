import { Role } from '../../src/domain/enums';
import { PostPublishedDocument } from '../generated/operations';
import { liveClient, untilListening } from '../helpers/live-client';
import { startNewsroom } from '../helpers/newsroom';
import { publishedPost } from '../helpers/posts';
import { SignedIn, TestServer } from '../helpers/test-server';
import { Receiver, createWebhook, eventually, startReceiver } from '../helpers/webhook-receiver';
import { postItem, runImportOf, sourceComment, sourcePost } from './import-helpers';

/** An import of a whole blog must not reach integrations and readers' tickers as a flood of "new" posts. */
describe('an import and those who listen to events', () => {
  let api: TestServer;
  let admin: SignedIn;
  let editor: SignedIn;
  let hooks: Receiver;
  /** Where the server purges CDN keys (PURGE_TARGET=http). */
  let purges: Receiver;

  beforeAll(async () => {
    hooks = await startReceiver();
    purges = await startReceiver();
    ({ api, admin, editor } = await startNewsroom(
      { admin: Role.ADMIN, editor: Role.EDITOR },
      { purge: { kind: 'http', url: purges.url, method: 'PURGE', keysHeader: 'xkey-purge' } },
      { liveEvents: true },
    ));
  });
  afterAll(async () => {
    await api.close();
    await hooks.close();
    await purges.close();
  });

  it('webhooks get one import.completed, live subscribers no imported post, and caches hear what changed', async () => {
    await createWebhook(api, admin.token, { url: hooks.url });
    const live = liveClient(api.url);
    const tickers = live.subscribe(PostPublishedDocument, {});
    await untilListening(api.url, 1);

    const items = Array.from({ length: 120 }, (_, i) =>
      postItem(
        sourcePost(`e-${i}`, {
          tags: ['history'],
          comments: [sourceComment(`e-${i}-1`), sourceComment(`e-${i}-2`, { parentSourceId: `e-${i}-1` })],
        }),
      ),
    );
    const report = await runImportOf(api, items);
    expect(report.posts.created).toBe(120);

    const [completed] = await hooks.received(1);
    expect(completed.json).toMatchObject({
      type: 'import.completed',
      data: { format: 'wordpress', posts: { created: 120 }, comments: { created: 240 }, redirects: { created: 120 } },
    });
    // News after the import reaches both as usual, and is the first thing either got after it.
    await publishedPost(api, editor.token, { title: 'Published here, after the import' });
    const first = await tickers.next();
    expect(first.data?.postPublished.title).toBe('Published here, after the import');
    await hooks.received(2);
    expect(hooks.hits.map((hit) => hit.json.type)).toEqual(['import.completed', 'post.published']);
    expect(tickers.received).toHaveLength(1);
    await live.dispose();

    // Caches and CDNs did hear it: the lists, and the old paths now redirected.
    const purged = await eventually(
      () => {
        const keys = purges.hits.flatMap((hit) => String(hit.headers['xkey-purge']).split(' '));
        return keys.includes('list:post') && keys.filter((key) => key.startsWith('path:')).length >= 120
          ? keys
          : undefined;
      },
      15_000,
      'purges of the imported paths',
    );
    expect(purged).toContain('list:post');
    const rows = (await api.db.query(
      `SELECT type, count(*)::int AS n FROM events WHERE type LIKE 'import.%' OR type LIKE 'comment.%' OR type = 'redirect.created'
       GROUP BY type ORDER BY type`,
    )) as Array<{ type: string; n: number }>;
    expect(rows).toEqual([
      { type: 'import.batch', n: 2 },
      { type: 'import.completed', n: 1 },
    ]);
  });
});
