import { Role } from '../../src/domain/enums';
import { SourceItem } from '../../src/import/source-records';
import { ImportedCommentsDocument, ImportedPostDocument, PostRevisionsDocument } from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { SignedIn, TestServer } from '../helpers/test-server';
import { author, postItem, rowCounts, runImportOf, sourceComment, sourcePost } from './import-helpers';

let api: TestServer;
let editor: SignedIn;

beforeAll(async () => {
  ({ api, editor } = await startNewsroom({ editor: Role.EDITOR }));
});
afterAll(() => api.close());

/** An export of a small blog: `n` posts of two authors, each with a comment and a reply. */
function blogExport(
  prefix: string,
  n: number,
  change: (i: number) => Partial<ReturnType<typeof sourcePost>> = () => ({}),
) {
  return Array.from({ length: n }, (_, i) =>
    postItem(
      sourcePost(`${prefix}-${i}`, {
        oldSlug: `${prefix}-story-${i}`,
        tags: ['Archive', i % 2 ? 'Odd' : 'Even'],
        author:
          i % 2
            ? author(`${prefix}-ann`, `Ann ${prefix}`, `ann-${prefix}@example.com`)
            : author(`${prefix}-bo`, `Bo ${prefix}`),
        comments: [
          sourceComment(`${prefix}-${i}-a`, { status: i % 3 ? 'approved' : 'pending' }),
          sourceComment(`${prefix}-${i}-b`, {
            parentSourceId: `${prefix}-${i}-a`,
            createdAt: new Date('2020-06-01T00:00:00Z'),
          }),
        ],
        ...change(i),
      }),
    ),
  );
}

async function post(slug: string) {
  const response = await api.gql(ImportedPostDocument, { slug }, { token: editor.token });
  return response.data!.post!;
}

describe('importing the same export again', () => {
  let first: Awaited<ReturnType<typeof runImportOf>>;
  const items: SourceItem[] = blogExport('same', 150);

  beforeAll(async () => {
    first = await runImportOf(api, items);
  });

  it('changes nothing: no new rows, no version bumps, no events; the report says unchanged', async () => {
    const before = await rowCounts(api);
    const again = await runImportOf(api, items);
    expect(await rowCounts(api)).toEqual(before);
    expect((await post('same-story-7')).version).toBe(1);
    expect(first.posts).toEqual({ created: 150, updated: 0, unchanged: 0, skipped: 0 });
    expect(again.posts).toEqual({ created: 0, updated: 0, unchanged: 150, skipped: 0 });
    expect(again.comments).toEqual({ created: 0, updated: 0, unchanged: 300, skipped: 0 });
    expect(again.authors).toEqual({ created: 0, updated: 0, unchanged: 2, skipped: 0, matched: 0 });
    expect(again.redirects).toEqual({ created: 0, updated: 0, unchanged: 150, skipped: 0 });
  });
});

describe('importing a newer export of the same blog', () => {
  it('updates what changed as an edit would (a new version, the old one a revision) and adds what is new', async () => {
    await runImportOf(api, blogExport('newer', 3));
    const before = await post('newer-story-1');
    const newer = blogExport('newer', 3, (i) =>
      i === 1
        ? {
            title: 'A better title',
            bodyHtml: '<p>Rewritten.</p>',
            comments: [
              sourceComment('newer-1-a', { status: 'spam' }),
              sourceComment('newer-1-b', { parentSourceId: 'newer-1-a', createdAt: new Date('2020-06-01T00:00:00Z') }),
              // Pending: the approved queue holds the 300 comments above, all of one date, and shows 100.
              sourceComment('newer-1-c', {
                bodyHtml: '<p>A late reply</p>',
                parentSourceId: 'newer-1-b',
                status: 'pending',
              }),
            ],
          }
        : {},
    );
    const report = await runImportOf(api, newer);
    expect(report.posts).toEqual({ created: 0, updated: 1, unchanged: 2, skipped: 0 });
    expect(report.comments).toEqual({ created: 1, updated: 1, unchanged: 5, skipped: 0 });
    const after = await post('newer-story-1');
    expect(after).toMatchObject({ id: before.id, title: 'A better title', body: '<p>Rewritten.</p>', version: 2 });
    const revisions = await api.gql(PostRevisionsDocument, { id: after.id }, { token: editor.token });
    expect(revisions.data!.post!.revisions.map((revision) => revision.title)).toEqual(['Post newer-1']);
    const spam = await api.gql(ImportedCommentsDocument, { status: 'SPAM' }, { token: editor.token });
    expect(spam.data!.moderationQueue.nodes.map((comment) => comment.body)).toEqual(['Comment newer-1-a']);
    const late = (
      await api.gql(ImportedCommentsDocument, { status: 'PENDING' }, { token: editor.token })
    ).data!.moderationQueue.nodes.find((comment) => comment.body === 'A late reply');
    expect(late?.parent?.body).toBe('Comment newer-1-b');
  });
});

describe('a dry run', () => {
  it('writes nothing and reports what the real run then does', async () => {
    const items = blogExport('dry', 12);
    const before = await rowCounts(api);
    const dry = await runImportOf(api, items, { dryRun: true });
    expect(await rowCounts(api)).toEqual(before);
    const real = await runImportOf(api, items);
    expect({ ...dry, dryRun: false }).toEqual(real);
    expect(dry.posts.created).toBe(12);
  });
});

describe('a malformed or refused item', () => {
  it('is reported with its line, and the rest of its batch is imported', async () => {
    const items = blogExport('bad', 5, (i) => (i === 2 ? { createdAt: new Date(Number.NaN) } : {}));
    const report = await runImportOf(api, items);
    expect(report.posts).toMatchObject({ created: 4, skipped: 1 });
    expect(report.skipped[0]).toMatchObject({ what: 'post', sourceId: 'bad-2', line: items[2].line });
    expect(report.skipped[0].reason).toMatch(/^could not be written: /);
    expect((await post('bad-story-3')).title).toBe('Post bad-3');
  });
});
