import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { print } from 'graphql';
import { Role } from '../../src/domain/enums';
import { PostsDocument } from '../generated/operations';
import { publishedPost } from '../helpers/posts';
import { TestServer, startTestServer } from '../helpers/test-server';

const VARNISHD = '/usr/sbin/varnishd';
const XKEY = '/usr/lib/x86_64-linux-gnu/varnish/vmods/libvmod_xkey.so';
const haveVarnish = fs.existsSync(VARNISHD) && fs.existsSync(XKEY);
if (!haveVarnish) {
  console.warn(
    `[tests] no varnishd with the xkey vmod (Debian: varnish, varnish-modules): the Varnish test is SKIPPED`,
  );
}
const describeWithVarnish = haveVarnish ? describe : describe.skip;

/** The README's VCL, with the backend and a header saying whether Varnish had the answer. */
const vcl = (backendPort: number) => `vcl 4.1;
import xkey;
backend broadsheet { .host = "127.0.0.1"; .port = "${backendPort}"; }
acl purgers { "127.0.0.1"; }
sub vcl_recv {
  if (req.method == "PURGE") {
    if (client.ip !~ purgers) { return (synth(403, "Forbidden")); }
    set req.http.n-gone = xkey.purge(req.http.xkey-purge);
    return (synth(200, "Purged " + req.http.n-gone));
  }
}
sub vcl_backend_response {
  set beresp.http.xkey = beresp.http.surrogate-key;
}
sub vcl_deliver {
  if (obj.hits > 0) { set resp.http.x-varnish-cache = "hit"; } else { set resp.http.x-varnish-cache = "miss"; }
}
`;

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** End to end behind a real Varnish with xkey: cached, purged on publish, fresh on the next read. */
describeWithVarnish('behind Varnish with xkey purges', () => {
  let api: TestServer;
  let varnish: ChildProcess;
  let varnishUrl: string;
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'broadsheet-varnish-'));

  beforeAll(async () => {
    const varnishPort = await freePort();
    varnishUrl = `http://127.0.0.1:${varnishPort}`;
    api = await startTestServer(
      { purge: { kind: 'http', url: `${varnishUrl}/`, method: 'PURGE', keysHeader: 'xkey-purge' } },
      { liveEvents: true },
    );
    const backendPort = Number(new URL(api.url).port);
    fs.writeFileSync(path.join(workDir, 'broadsheet.vcl'), vcl(backendPort));
    // -j none: no privilege separation, so a test run as any user can start it.
    varnish = spawn(
      VARNISHD,
      [
        '-F',
        '-j',
        'none',
        '-n',
        path.join(workDir, 'n'),
        '-a',
        `127.0.0.1:${varnishPort}`,
        '-f',
        path.join(workDir, 'broadsheet.vcl'),
        '-s',
        'malloc,32m',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    for (const stream of [varnish.stdout!, varnish.stderr!]) stream.on('data', (chunk: Buffer) => (output += chunk));
    const deadline = Date.now() + 20_000;
    for (;;) {
      try {
        await fetch(`${varnishUrl}/healthz`);
        break;
      } catch {
        if (Date.now() > deadline) throw new Error(`varnishd did not start:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }, 30_000);
  afterAll(async () => {
    varnish?.kill('SIGTERM');
    await api?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  });

  it('caches an anonymous feed, purges it when a post is published, and serves the fresh one next', async () => {
    const editor = (await api.signUp(Role.EDITOR)).token;
    const first = await publishedPost(api, editor, { tags: ['varnish'] });
    const url = `${varnishUrl}/graphql?${new URLSearchParams({
      query: print(PostsDocument),
      variables: JSON.stringify({ first: 5, filter: { tag: 'varnish' } }),
    })}`;
    const read = async () => {
      const response = await fetch(url);
      const body = (await response.json()) as { data: { posts: { edges: Array<{ node: { id: string } }> } } };
      return { cache: response.headers.get('x-varnish-cache'), ids: body.data.posts.edges.map(({ node }) => node.id) };
    };
    expect(await read()).toEqual({ cache: 'miss', ids: [first.id] });
    // The first post's own purge goes out a moment after its commit and may drop this page once
    // more: read until Varnish keeps it.
    let kept = await read();
    for (const until = Date.now() + 10_000; kept.cache !== 'hit' && Date.now() < until; kept = await read()) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(kept).toEqual({ cache: 'hit', ids: [first.id] });

    const second = await publishedPost(api, editor, { tags: ['varnish'] });
    // The purge goes out when the dispatcher hands the event on: a moment after the commit.
    const deadline = Date.now() + 10_000;
    let after = await read();
    while (after.cache === 'hit' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      after = await read();
    }
    expect(after).toEqual({ cache: 'miss', ids: [second.id, first.id] });
    // Kept again, fresh. As for the first post, a purge of the same event sent again (a retry)
    // may drop the page once more: read until Varnish keeps it, each read already fresh.
    let keptAgain = await read();
    for (const until = Date.now() + 10_000; keptAgain.cache !== 'hit' && Date.now() < until; keptAgain = await read()) {
      expect(keptAgain.ids).toEqual([second.id, first.id]);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(keptAgain).toEqual({ cache: 'hit', ids: [second.id, first.id] });
  });
});
