import { CreatePostDocument, LoginDocument, PublishPostDocument } from '../generated/operations';
import { Running, query, serverDataDir, startServer } from '../helpers/server-process';
import { GuideProject, Script, readmeBlocks } from './guide-project';

/** What the demo content holds, read from the server the snippets talk to. */
interface Demo {
  newest: string[];
  harbour: string[];
  tags: Array<{ tag: string; count: number }>;
}

/**
 * The README's client guide run as written (guide-project.ts makes a client's project of its
 * blocks) against `npm start` with its demo content, as a newcomer would run it on a fresh
 * clone: every script must compile in a strict TypeScript project, run, and show demo posts.
 */
describe('the client guide, as written', () => {
  const dataDir = serverDataDir('broadsheet-guide-');
  let server: Running;
  let project: GuideProject;
  let demo: Demo;
  let compiled: string;

  beforeAll(async () => {
    server = await startServer(dataDir, {}, 'npm');
    demo = await readDemo(server.url);
    project = new GuideProject(new URL(server.url).host);
    // Of Live updates, the client script (its GraphQL blocks are documents for Sandbox).
    const live = readmeBlocks('Live updates (subscriptions)').filter((block) => block.lang === 'ts');
    await project.add([...readmeBlocks('Client setup'), ...live]);
    compiled = await project.compile();
  }, 120_000);
  afterAll(() => project?.remove());

  /** The script whose text contains `marker`: exactly one must. */
  const scriptWith = (marker: string): Script => {
    const found = project.scripts.filter((script) => script.code.includes(marker));
    expect(found).toHaveLength(1);
    return found[0];
  };
  const ranToEnd = async (marker: string) => {
    const result = await project.runToEnd(scriptWith(marker));
    expect(result).toMatchObject({ code: 0, stderr: '' });
    return result.stdout;
  };

  it('the demo content has what the guide filters on', () => {
    expect(demo.harbour.length).toBeGreaterThan(5); // more than Apollo's first page
    expect(demo.newest).toHaveLength(3);
  });

  it('every block makes a project that type-checks strictly, with a script for each client', () => {
    expect(compiled).toBe('');
    expect(project.scripts).toHaveLength(7);
  });

  it('Apollo Client: the first page of harbour stories, then the next one merged into the same list', async () => {
    const stdout = await ranToEnd('@apollo/client');
    for (const title of demo.harbour) expect(stdout).toContain(title);
    // Printed twice but for the sixth, which only the merged list has.
    expect(stdout.split(demo.harbour[5])).toHaveLength(2);
    expect(stdout.split(demo.harbour[0])).toHaveLength(3);
  });

  it('urql: the three newest stories', async () => {
    const stdout = await ranToEnd('@urql/core');
    for (const title of demo.newest) expect(stdout).toContain(title);
  });

  it('graphql-request: the five biggest tags with their counts', async () => {
    const stdout = await ranToEnd('client.request<{ tags: Array<{ tag: string; count: number }> }>');
    for (const { tag, count } of demo.tags) expect(stdout).toContain(`{ tag: '${tag}', count: ${count} }`);
  });

  it('plain fetch: a cacheable answer with the two newest stories', async () => {
    const stdout = await ranToEnd('encodeURIComponent(query)');
    expect(stdout).toMatch(/^public, max-age=\d+/);
    expect(stdout).toContain(
      JSON.stringify({ data: { posts: { nodes: demo.newest.slice(0, 2).map((title) => ({ title })) } } }),
    );
  });

  it('GraphQL Code Generator: the typed document from the generated file, through graphql-request', async () => {
    const stdout = await ranToEnd('LatestPostsDocument');
    for (const title of demo.newest)
      expect(stdout).toMatch(new RegExp(`\\d{4}-\\d\\d-\\d\\dT[\\d:.]+Z ${escape(title)}`));
  });

  it('Relay: the compiled query, run through relay-runtime', async () => {
    const stdout = await ranToEnd('relay-runtime');
    for (const title of demo.harbour.slice(0, 3)) expect(stdout).toContain(title);
  });

  it('graphql-ws: signed in, it hears of a post published with the tag `breaking`', async () => {
    const listener = project.start(scriptWith('graphql-ws'));
    try {
      await until(async () => (await liveSubscriptions(server.url)) > 0, 'the subscription to start');
      const title = `Breaking: the guide's subscription works ${Date.now()}`;
      await publishAsDemoAdmin(server.url, title, ['breaking']);
      await until(async () => listener.output().includes(title), `the script to print "${title}"`, listener.output);
      expect(listener.output()).toMatch(/postPublished: \{\s+id: '/);
    } finally {
      listener.child.kill();
    }
  });
});

async function readDemo(url: string): Promise<Demo> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: `{
        newest: posts(first: 3) { nodes { title } }
        harbour: posts(first: 20, filter: { tag: "harbour" }) { nodes { title } }
        tags(limit: 5) { tag count }
      }`,
    }),
  });
  const { data } = (await response.json()) as {
    data: { newest: { nodes: Array<{ title: string }> }; harbour: { nodes: Array<{ title: string }> } } & Pick<
      Demo,
      'tags'
    >;
  };
  return {
    newest: data.newest.nodes.map((post) => post.title),
    harbour: data.harbour.nodes.map((post) => post.title),
    tags: data.tags,
  };
}

/** Open subscriptions, as the server counts them for /metrics. */
async function liveSubscriptions(url: string): Promise<number> {
  const metrics = await (await fetch(url.replace(/\/graphql$/, '/metrics'))).text();
  return Number(/^broadsheet_live_subscriptions (\d+)/m.exec(metrics)?.[1] ?? 0);
}

async function publishAsDemoAdmin(url: string, title: string, tags: string[]): Promise<void> {
  const { login } = await query(url, LoginDocument, { email: 'admin@example.com', password: 'broadsheet-demo' });
  const { createPost } = await query(
    url,
    CreatePostDocument,
    { input: { title, body: '<p>Now.</p>', tags } },
    login.token,
  );
  await query(url, PublishPostDocument, { id: createPost.id }, login.token);
}

async function until(done: () => Promise<boolean>, what: string, output?: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`waited in vain for ${what}${output ? `:\n${output()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
