import { Role } from '../../../src/domain/enums';
import { CreatePostDocument, PostBySlugDocument, UpdatePostDocument } from '../../generated/operations';
import { startNewsroom } from '../../helpers/newsroom';
import { draftPost } from '../../helpers/posts';
import { SignedIn, TestServer, errorCode } from '../../helpers/test-server';

let api: TestServer;
let author: SignedIn;
beforeAll(async () => {
  ({ api, author } = await startNewsroom({ author: Role.AUTHOR }));
});
afterAll(() => api.close());

const create = (input: Record<string, unknown>) =>
  api.gql(
    CreatePostDocument,
    { input: { title: 'A title', body: '<p>A body</p>', ...input } as never },
    { token: author.token },
  );

describe('slugs', () => {
  it.each([
    ["It's Official: Night Buses Return", 'its-official-night-buses-return'],
    ['Café Lumière brings crêpes to Quay St.', 'cafe-lumiere-brings-crepes-to-quay-st'],
    ['Kell & Daughters -- 120 new jobs!!', 'kell-daughters-120-new-jobs'],
    ['Straße, Øresund and Łódź', 'strasse-oresund-and-lodz'],
    ['¡¿!?', 'post'],
  ])('%s -> %s', async (title, slug) => {
    expect((await draftPost(api, author.token, { title: `${title}` })).slug).toMatch(new RegExp(`^${slug}(-\\d+)?$`));
  });

  it('a taken derived slug gets -2, then -3', async () => {
    const slugs = [];
    for (let i = 0; i < 3; i += 1)
      slugs.push((await draftPost(api, author.token, { title: 'Ferry strike called off' })).slug);
    expect(slugs).toEqual(['ferry-strike-called-off', 'ferry-strike-called-off-2', 'ferry-strike-called-off-3']);
  });

  it('parallel posts with one title still get distinct slugs', async () => {
    const posts = await Promise.all(
      Array.from({ length: 6 }, () => draftPost(api, author.token, { title: 'Tide tables for December' })),
    );
    expect(new Set(posts.map((post) => post.slug)).size).toBe(6);
  });

  it('an explicit slug is kept; taken it is CONFLICT; malformed it is BAD_USER_INPUT', async () => {
    expect((await draftPost(api, author.token, { slug: 'my-own-slug' })).slug).toBe('my-own-slug');
    const taken = await create({ slug: 'my-own-slug' });
    expect(errorCode(taken)).toBe('CONFLICT');
    expect(taken.errors![0].extensions?.field).toBe('slug');
    for (const slug of ['Upper-Case', 'two--dashes', '-leading', 'spa ce', 'ümlaut']) {
      const bad = await create({ slug });
      expect(errorCode(bad)).toBe('BAD_USER_INPUT');
      expect(bad.errors![0].extensions?.field).toBe('slug');
    }
  });

  it('a title change leaves the slug alone; setting a slug changes it', async () => {
    const post = await draftPost(api, author.token, { title: 'Harbour wall repaired' });
    const retitled = (
      await api.gql(
        UpdatePostDocument,
        { id: post.id, expectedVersion: 1, input: { title: 'Harbour wall finally repaired' } },
        { token: author.token },
      )
    ).data!.updatePost;
    expect(retitled.slug).toBe(post.slug);
    const reslugged = (
      await api.gql(
        UpdatePostDocument,
        { id: post.id, expectedVersion: 2, input: { slug: 'harbour-wall-fixed' } },
        { token: author.token },
      )
    ).data!.updatePost;
    expect(reslugged.slug).toBe('harbour-wall-fixed');
    expect(
      (await api.gql(PostBySlugDocument, { slug: 'harbour-wall-fixed' }, { token: author.token })).data?.post?.id,
    ).toBe(post.id);
  });
});

describe('tags', () => {
  it('are trimmed, lower-cased and de-duplicated in the order given', async () => {
    const post = await draftPost(api, author.token, {
      tags: ['  Ferries ', 'COUNCIL', 'ferries', 'Council', 'weather'],
    });
    expect(post.tags).toEqual(['ferries', 'council', 'weather']);
  });

  it('at most 20 after de-duplication', async () => {
    const twenty = Array.from({ length: 20 }, (_, i) => `tag${i}`);
    expect((await draftPost(api, author.token, { tags: [...twenty, 'TAG0'] })).tags).toHaveLength(20);
    const tooMany = await create({ tags: [...twenty, 'one-more'] });
    expect(errorCode(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0].extensions?.field).toBe('tags');
  });

  it('an empty tag is BAD_USER_INPUT', async () => {
    expect(errorCode(await create({ tags: ['ok', '   '] }))).toBe('BAD_USER_INPUT');
  });
});

describe('bodies, excerpts and reading time', () => {
  it('strips scripts, event handlers, javascript: URLs and iframes from unknown hosts; keeps ordinary markup', async () => {
    const post = await draftPost(api, author.token, {
      body: [
        '<h2 onclick="steal()">Heading</h2>',
        '<p>Text <strong>bold</strong> <a href="javascript:alert(1)">bad link</a> <a href="https://example.org/x">good link</a></p>',
        '<script>alert("x")</script>',
        '<img src="https://img.example.com/a.jpg" onerror="steal()" alt="A">',
        '<iframe src="https://evil.example.com/embed"></iframe>',
        '<iframe src="https://www.youtube.com/embed/abc"></iframe>',
      ].join(''),
    });
    expect(post.body).not.toMatch(/script|onclick|onerror|javascript:|evil\.example/i);
    expect(post.body).toContain('<h2>Heading</h2>');
    expect(post.body).toContain('<a href="https://example.org/x">good link</a>');
    expect(post.body).toContain('<img src="https://img.example.com/a.jpg" alt="A" />');
    expect(post.body).toContain('<iframe src="https://www.youtube.com/embed/abc"></iframe>');
  });

  it('derives a plain-text excerpt from the body until the editor gives one, and again when it is cleared', async () => {
    const words = Array.from({ length: 120 }, (_, i) => `word${i}`).join(' ');
    const post = await draftPost(api, author.token, { body: `<p>First &amp; <em>second</em>.</p><p>${words}</p>` });
    expect(post.excerpt.startsWith('First & second. word0 word1')).toBe(true);
    expect(post.excerpt.length).toBeLessThanOrEqual(281);
    expect(post.excerpt.endsWith('…')).toBe(true);

    const custom = (
      await api.gql(
        UpdatePostDocument,
        { id: post.id, expectedVersion: 1, input: { excerpt: 'Hand-written summary.' } },
        { token: author.token },
      )
    ).data!.updatePost;
    expect(custom.excerpt).toBe('Hand-written summary.');
    const bodyChanged = (
      await api.gql(
        UpdatePostDocument,
        { id: post.id, expectedVersion: 2, input: { body: '<p>Entirely new text.</p>' } },
        { token: author.token },
      )
    ).data!.updatePost;
    expect(bodyChanged.excerpt).toBe('Hand-written summary.');
    const cleared = (
      await api.gql(
        UpdatePostDocument,
        { id: post.id, expectedVersion: 3, input: { excerpt: null } },
        { token: author.token },
      )
    ).data!.updatePost;
    expect(cleared.excerpt).toBe('Entirely new text.');
  });

  it('reading time is words / 200, rounded up, at least one minute', async () => {
    const words = (n: number) => `<p>${Array.from({ length: n }, () => 'news').join(' ')}</p>`;
    expect((await draftPost(api, author.token, { body: '' })).readingTimeMinutes).toBe(1);
    expect((await draftPost(api, author.token, { body: words(200) })).readingTimeMinutes).toBe(1);
    expect((await draftPost(api, author.token, { body: words(201) })).readingTimeMinutes).toBe(2);
    expect((await draftPost(api, author.token, { body: words(1000) })).readingTimeMinutes).toBe(5);
  });
});

describe('validation', () => {
  it.each([
    [{ title: '' }, 'title'],
    [{ title: '    ' }, 'title'],
    [{ title: 'x'.repeat(301) }, 'title'],
    [{ coverImageUrl: 'ftp://example.com/a.jpg' }, 'coverImageUrl'],
    [{ coverImageUrl: '/relative/a.jpg' }, 'coverImageUrl'],
    [{ coverImageUrl: 'javascript:alert(1)' }, 'coverImageUrl'],
  ])('%o is BAD_USER_INPUT on %s and creates nothing', async (input, field) => {
    const response = await create(input);
    expect(errorCode(response)).toBe('BAD_USER_INPUT');
    expect(response.errors![0].extensions?.field).toBe(field);
    expect(response.errors![0].message).not.toMatch(/at .*\.ts|stack/i);
  });

  it('a 300-character title is fine', async () => {
    expect((await draftPost(api, author.token, { title: 'y'.repeat(300) })).title).toHaveLength(300);
  });

  it('updatePost refuses a null title and an invalid URL, and leaves the post as it was', async () => {
    const post = await draftPost(api, author.token, { title: 'Keep me' });
    expect(
      errorCode(
        await api.gql(
          UpdatePostDocument,
          { id: post.id, expectedVersion: 1, input: { title: null } },
          { token: author.token },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      errorCode(
        await api.gql(
          UpdatePostDocument,
          { id: post.id, expectedVersion: 1, input: { title: 'New', coverImageUrl: 'nope' } },
          { token: author.token },
        ),
      ),
    ).toBe('BAD_USER_INPUT');
    expect((await api.gql(PostBySlugDocument, { slug: post.slug }, { token: author.token })).data?.post).toMatchObject({
      title: 'Keep me',
      version: 1,
    });
  });
});
