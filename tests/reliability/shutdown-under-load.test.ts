import { LoginDocument, PostByIdDocument, PostRevisionsDocument } from '../generated/operations';
import { query, serverDataDir, startServer } from '../helpers/server-process';

/**
 * SIGTERM while mutations pour in, as a deploy does: every write the server acknowledged is
 * there after a restart, whole, and the process exits 0.
 */
describe('SIGTERM during a burst of mutations', () => {
  const dataDir = serverDataDir('broadsheet-burst-');
  const env = { SEED_DEMO: 'false' };
  const admin = { email: 'boss@example.com', password: 'boss password 1' };

  it('keeps every acknowledged write, whole, and exits 0', async () => {
    const server = await startServer(dataDir, env);
    const { token } = (await query(server.url, LoginDocument, admin)).login;

    const create = async (n: number) => {
      try {
        const response = await fetch(server.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
          body: JSON.stringify({
            query: 'mutation($input: CreatePostInput!) { createPost(input: $input) { id title } }',
            variables: { input: { title: `Burst ${n}`, body: `<p>Body of burst ${n}.</p>`, tags: ['burst'] } },
          }),
        });
        const body = (await response.json()) as { data?: { createPost: { id: string; title: string } } };
        return body.data?.createPost;
      } catch {
        return undefined; // refused or cut off by the stopping server: not acknowledged
      }
    };
    const sent: Array<Promise<{ id: string; title: string } | undefined>> = [];
    for (let n = 0; n < 60; n += 1) {
      sent.push(create(n));
      if (n === 20) server.child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const acknowledged = (await Promise.all(sent)).filter((post) => post !== undefined);
    expect(await server.exited).toBe(0);
    expect(acknowledged.length).toBeGreaterThanOrEqual(1);

    const again = await startServer(dataDir, env);
    try {
      const fresh = (await query(again.url, LoginDocument, admin)).login.token;
      for (const post of acknowledged) {
        const stored = (await query(again.url, PostByIdDocument, { id: post.id }, fresh)).post;
        expect(stored).toMatchObject({ title: post.title, body: expect.stringContaining('Body of burst'), version: 1 });
        expect(stored!.tags).toEqual(['burst']);
        expect((await query(again.url, PostRevisionsDocument, { id: post.id }, fresh)).post!.revisions).toEqual([]);
      }
    } finally {
      again.child.kill('SIGTERM');
      expect(await again.exited).toBe(0);
    }
  }, 90_000);
});
