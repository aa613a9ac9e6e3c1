import { randomBytes } from 'node:crypto';
import { Role } from '../../src/domain/enums';
import { AddCommentDocument, CommentAddedDocument, TagsDocument } from '../generated/operations';
import { liveClient, untilListening } from '../helpers/live-client';
import { publishedPost } from '../helpers/posts';
import { REDIS_ENV } from '../helpers/redis-probe';
import { TcpProxy, startTcpProxy } from '../helpers/tcp-proxy';
import { TestServer, errorCode, startTestServer } from '../helpers/test-server';

const redisUrl = process.env[REDIS_ENV];
// Without Redis (a machine that has none) these are skipped; global setup says so in the output.
const describeWithRedis = redisUrl ? describe : describe.skip;

/** Redis going away behind a running instance: a proxy in front of the real Redis cuts the line. */
describeWithRedis('when Redis goes away', () => {
  let proxy: TcpProxy;
  let api: TestServer;
  const logLines: Array<Record<string, unknown>> = [];
  beforeAll(async () => {
    const { hostname, port } = new URL(redisUrl!);
    proxy = await startTcpProxy(hostname, Number(port || 6379));
    api = await startTestServer(
      {
        redisUrl: `redis://127.0.0.1:${proxy.port}`,
        redisKeyPrefix: `broadsheet-test-${randomBytes(4).toString('hex')}:`,
        commentsPerMinute: 2,
      },
      { liveEvents: true, logLines },
    );
  });
  afterAll(async () => {
    await api.close();
    await proxy.close();
  });

  const logged = (pattern: RegExp) => logLines.filter((line) => pattern.test(String(line.msg)));
  const until = async (condition: () => boolean) => {
    const deadline = Date.now() + 10_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };

  it('keeps queries and mutations working, limits comments in process, says so once, and delivers again on return', async () => {
    const editor = (await api.signUp(Role.EDITOR)).token;
    const post = await publishedPost(api, editor);
    const client = liveClient(api.url);
    const subscription = client.subscribe(CommentAddedDocument, { postId: post.id });
    await untilListening(api.url, 1);
    const before = await api.gql(
      AddCommentDocument,
      { input: { postId: post.id, body: 'Before.' } },
      { token: editor },
    );
    expect((await subscription.next()).data?.commentAdded.id).toBe(before.data?.addComment.id);

    proxy.cut();
    const reader = { headers: { 'x-forwarded-for': '192.0.2.80' } };
    const comment = (body: string) =>
      api.gql(AddCommentDocument, { input: { postId: post.id, body, authorName: 'Reader' } }, reader);
    expect((await api.gql(TagsDocument, {})).data?.tags).toBeDefined();
    expect(errorCode(await comment('One'))).toBeUndefined();
    expect(errorCode(await comment('Two'))).toBeUndefined();
    expect(errorCode(await comment('Three'))).toBe('RATE_LIMITED');
    const during = await api.gql(
      AddCommentDocument,
      { input: { postId: post.id, body: 'During.' } },
      { token: editor },
    );
    expect(during.data?.addComment.id).toBeDefined();
    await until(() => logged(/Redis is unreachable/).length > 0);

    proxy.restore();
    // The comment made while Redis was away waited in the outbox, and arrives now.
    expect((await subscription.next(15_000)).data?.commentAdded.id).toBe(during.data?.addComment.id);
    expect(logged(/Redis is unreachable/)).toHaveLength(1);
    expect(logged(/Redis is reachable again/)).toHaveLength(1);
    await client.dispose();
  });
});
