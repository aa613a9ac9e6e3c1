import { Role } from '../../src/domain/enums';
import { ImportReport, reportText } from '../../src/import';
import { toGlobalId } from '../../src/schema/global-id';
import {
  ImportedCommentsDocument,
  ImportedPostDocument,
  LoginDocument,
  PostThreadDocument,
  ResolveUrlDocument,
  UpdateAuthorDocument,
} from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { SignedIn, TestServer, errorCode } from '../helpers/test-server';
import { author, commentItem, postItem, runImportOf, sourceComment, sourcePost } from './import-helpers';

let api: TestServer;
let editor: SignedIn;
let admin: SignedIn;
let existingJaneId: string;
let wordpress: ImportReport;
let blogger: ImportReport;

const jane = author('jane', 'Jane Doe', 'jane@old-blog.example');
const bob = author('bob', 'Bob Smith');

beforeAll(async () => {
  ({ api, editor, admin } = await startNewsroom({ editor: Role.EDITOR, admin: Role.ADMIN }));
  existingJaneId = (
    await api.server.services.authors.create({
      name: 'Jane (already here)',
      email: 'Jane@Old-Blog.example',
      password: 'correct horse battery',
      role: Role.AUTHOR,
    })
  ).id;
  wordpress = await runImportOf(api, [
    postItem(
      sourcePost('101', {
        title: 'Hello World',
        bodyHtml: '<p onclick="steal()">Hello <b>readers</b></p><script>alert(1)</script>',
        tags: ['News', ' news ', 'Long   Reads'],
        author: jane,
        oldUrl: 'https://old-blog.example/2020/05/01/hello-world/',
        oldSlug: 'hello-world',
        comments: [
          sourceComment('c1', { authorName: 'Ann', bodyHtml: '<p>First!<br>Great post &amp; thanks</p>' }),
          sourceComment('c2', { parentSourceId: 'c1', createdAt: new Date('2020-05-03T10:00:00Z') }),
          sourceComment('c3', { status: 'pending' }),
          sourceComment('c4', { status: 'spam', bodyHtml: 'Buy <a href="https://spam.example">pills</a>' }),
          sourceComment('c5', { status: 'trash' }),
          sourceComment('c6', { parentSourceId: 'gone', createdAt: new Date('2020-05-04T10:00:00Z') }),
        ],
      }),
    ),
    postItem(sourcePost('102', { status: 'draft', publishedAt: null, author: bob, oldSlug: 'a-draft' })),
    postItem(
      sourcePost('103', { status: 'scheduled', publishedAt: new Date('2099-01-01T08:00:00Z'), oldSlug: 'later' }),
    ),
    postItem(sourcePost('104', { status: 'private', oldSlug: 'only-for-friends' })),
    postItem(sourcePost('105', { status: 'trash', oldSlug: 'thrown-away', comments: [sourceComment('c7')] })),
    postItem(sourcePost('106', { author: author('bob-again', 'Bob Smith'), oldSlug: 'bobs-second' })),
    postItem(sourcePost('107', { title: 'Hello again', author: jane, oldSlug: 'hello-world' })),
    { kind: 'skipped', sourceId: '200', what: 'page', reason: 'a page, not a post', line: 900 },
    { kind: 'malformed', sourceId: null, reason: 'an <item> with no <wp:post_id>', line: 950 },
  ]);
  // Blogger: comments are entries of their own, after the posts, newest first (a reply before its parent).
  blogger = await runImportOf(
    api,
    [
      postItem(
        sourcePost('tag:blogger.com,1999:blog-1.post-11', {
          title: 'From Blogger',
          oldUrl: 'https://someone.blogspot.com/2019/03/from-blogger.html',
          tags: ['Travel'],
        }),
      ),
      commentItem(
        'tag:blogger.com,1999:blog-1.post-11',
        sourceComment('b2', { parentSourceId: 'b1', createdAt: new Date('2019-03-05T10:00:00Z') }),
      ),
      commentItem(
        'tag:blogger.com,1999:blog-1.post-11',
        sourceComment('b1', { createdAt: new Date('2019-03-04T10:00:00Z') }),
      ),
      commentItem('tag:blogger.com,1999:blog-1.post-99', sourceComment('b3')),
    ],
    { format: 'blogger' },
  );
}, 60_000);
afterAll(() => api.close());

async function post(slug: string) {
  const response = await api.gql(ImportedPostDocument, { slug }, { token: admin.token });
  if (!response.data?.post) throw new Error(`no post ${slug}: ${JSON.stringify(response.errors)}`);
  return response.data.post;
}

describe('importing a WordPress export', () => {
  it('brings posts with their titles, sanitized bodies, statuses, dates and normalised tags', async () => {
    const hello = await post('hello-world');
    expect(hello).toMatchObject({
      title: 'Hello World',
      body: '<p>Hello <b>readers</b></p>',
      status: 'PUBLISHED',
      publishedAt: '2020-05-01T10:00:00.000Z',
      tags: ['news', 'long reads'],
      version: 1,
    });
    expect(await post('a-draft')).toMatchObject({ status: 'DRAFT', publishedAt: null });
    expect(await post('later')).toMatchObject({ status: 'SCHEDULED', publishedAt: '2099-01-01T08:00:00.000Z' });
    expect(await post('only-for-friends')).toMatchObject({ status: 'DRAFT' });
    const trashed = await api.gql(ImportedPostDocument, { slug: 'thrown-away' }, { token: admin.token });
    expect(trashed.data!.post).toBeNull();
  });

  it('takes the old slug where it is free, else the title’s', async () => {
    expect((await post('hello-again')).title).toBe('Hello again');
  });

  it('matches authors by a real email, by name within the import, and creates the rest with no usable password', async () => {
    const hello = await post('hello-world');
    expect(hello.author).toMatchObject({ id: toGlobalId('Author', existingJaneId), name: 'Jane (already here)' });
    const draft = await post('a-draft');
    const second = await post('bobs-second');
    expect(second.author.id).toBe(draft.author.id);
    expect(draft.author).toMatchObject({ name: 'Bob Smith', role: 'AUTHOR', email: 'bob-smith@import.invalid' });
    expect(wordpress.authors).toMatchObject({ created: 2, matched: 2 });

    const refused = await api.gql(LoginDocument, { email: 'bob-smith@import.invalid', password: 'anything at all' });
    expect(errorCode(refused)).toBe('UNAUTHENTICATED');
    const set = await api.gql(
      UpdateAuthorDocument,
      { id: draft.author.id, input: { password: 'a new password for bob' } },
      { token: admin.token },
    );
    expect(set.errors).toBeUndefined();
    const login = await api.gql(LoginDocument, {
      email: 'bob-smith@import.invalid',
      password: 'a new password for bob',
    });
    expect(login.data?.login).toBeTruthy();
  });

  it('brings threaded comments as plain text, with their moderation states, as an editor sees them', async () => {
    const hello = await post('hello-world');
    const thread = await api.gql(PostThreadDocument, { id: hello.id }, { token: editor.token });
    const [first, orphan] = thread.data!.post!.comments.nodes;
    expect(first).toMatchObject({ authorName: 'Ann', body: 'First!\nGreat post & thanks' });
    expect(first.replies.map((reply) => reply.body)).toEqual(['Comment c2']);
    // Its parent is not in the export: kept, top-level.
    expect(orphan.body).toBe('Comment c6');
    const byStatus = async (status: 'PENDING' | 'SPAM' | 'REJECTED') =>
      (await api.gql(ImportedCommentsDocument, { status }, { token: editor.token })).data!.moderationQueue.nodes.map(
        (comment) => comment.body,
      );
    expect(await byStatus('PENDING')).toEqual(['Comment c3']);
    expect(await byStatus('SPAM')).toEqual(['Buy pills']);
    expect(await byStatus('REJECTED')).toEqual(['Comment c5']);
  });

  it('makes each old URL a permanent IMPORT redirect that resolveUrl finds', async () => {
    for (const [oldPath, slug] of [
      ['/2020/05/01/hello-world/', 'hello-world'],
      ['/2020/05/post-102.html', 'a-draft'],
      ['/2019/03/from-blogger.html', 'from-blogger'],
    ]) {
      const answer = await api.gql(ResolveUrlDocument, { path: oldPath }, { token: editor.token });
      expect(answer.data!.resolveUrl!.redirect).toMatchObject({
        location: `/posts/${slug}`,
        permanent: true,
        source: 'IMPORT',
        post: { slug },
      });
    }
    const anonymous = await api.gql(ResolveUrlDocument, { path: '/2020/05/01/hello-world' });
    expect(anonymous.data!.resolveUrl!.redirect!.location).toBe('/posts/hello-world');
  });

  it('reports what it created and left out, with reasons and lines', () => {
    expect(wordpress.posts).toEqual({ created: 6, updated: 0, unchanged: 0, skipped: 1 });
    expect(wordpress.comments).toEqual({ created: 6, updated: 0, unchanged: 0, skipped: 1 });
    expect(wordpress.redirects).toMatchObject({ created: 6 });
    expect(wordpress.skipped.map((entry) => [entry.what, entry.sourceId, entry.reason])).toEqual([
      ['post', '105', 'in the trash'],
      ['comment', 'c7', 'its post was left out (in the trash)'],
      ['page', '200', 'a page, not a post'],
    ]);
    expect(wordpress.malformed).toEqual([
      { what: 'item', sourceId: null, line: 950, reason: 'an <item> with no <wp:post_id>' },
    ]);
    expect(wordpress.notes).toContainEqual(
      expect.objectContaining({ sourceId: 'c6', reason: expect.stringContaining('gone') }),
    );
    const text = reportText(wordpress, 'export.xml');
    expect(text).toContain('posts             6        0          0        1');
    expect(text).toContain('item (line 950): an <item> with no <wp:post_id>');
  });
});

describe('importing a Blogger export', () => {
  it('threads a reply whose parent comes later in the file, and skips a comment whose post is not there', async () => {
    const from = await post('from-blogger');
    expect(from.tags).toEqual(['travel']);
    const thread = await api.gql(PostThreadDocument, { id: from.id }, { token: editor.token });
    const [first] = thread.data!.post!.comments.nodes;
    expect([first.body, first.replies.map((reply) => reply.body)]).toEqual(['Comment b1', ['Comment b2']]);
    expect(blogger.comments).toMatchObject({ created: 2, skipped: 1 });
    expect(blogger.skipped).toEqual([
      expect.objectContaining({
        what: 'comment',
        sourceId: 'b3',
        reason: 'its post tag:blogger.com,1999:blog-1.post-99 was not imported (see its entry, if any)',
      }),
    ]);
  });
});
