import { Role } from '../../src/domain/enums';
import {
  ArchivePostDocument,
  DeletePostDocument,
  PostRevisionsDocument,
  RelatedPostsDocument,
  RestoreRevisionDocument,
  UnpublishPostDocument,
  UpdatePostDocument,
} from '../generated/operations';
import { startNewsroom } from '../helpers/newsroom';
import { draftPost, publishedPost } from '../helpers/posts';
import { SignedIn, TestServer } from '../helpers/test-server';

/**
 * Suggestions (Post.relatedPosts after the curated links) are drawn from a per-tag index that the
 * database keeps in step with every change of a post. These tests change posts the ways an
 * editor does and check what a reader is suggested next, each with tags of its own.
 */

let api: TestServer;
let author: SignedIn;
beforeAll(async () => {
  ({ api, author } = await startNewsroom({ author: Role.AUTHOR }));
});
afterAll(() => api.close());

/** The slugs a reader is suggested for `postId`. */
async function suggestedFor(postId: string, limit = 10): Promise<string[]> {
  const response = await api.gql(RelatedPostsDocument, { id: postId, limit });
  expect(response.errors).toBeUndefined();
  return response.data!.post!.relatedPosts.map((post) => post.slug);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('suggestions follow the posts as they change', () => {
  it('a post published with a shared tag is suggested; a draft is not, until it is published', async () => {
    const reader = await publishedPost(api, author.token, { tags: ['kelp'] });
    const draft = await draftPost(api, author.token, { tags: ['kelp'], slug: 'kelp-draft' });
    expect(await suggestedFor(reader.id)).toEqual([]);
    await publishedPost(api, author.token, { tags: ['kelp'], slug: 'kelp-live' });
    expect(await suggestedFor(reader.id)).toEqual(['kelp-live']);
    expect(draft.slug).toBe('kelp-draft');
  });

  it('retagging moves a post in and out of suggestions, and reorders by shared tags', async () => {
    const reader = await publishedPost(api, author.token, { tags: ['otters', 'estuary'] });
    const other = await publishedPost(api, author.token, { tags: ['otters'], slug: 'otter-other' });
    const newer = await publishedPost(api, author.token, { tags: ['otters'], slug: 'otter-newer' });
    expect(await suggestedFor(reader.id)).toEqual(['otter-newer', 'otter-other']);

    // Sharing two tags beats being newer.
    await api.gql(
      UpdatePostDocument,
      { id: other.id, expectedVersion: other.version, input: { tags: ['otters', 'estuary'] } },
      { token: author.token },
    );
    expect(await suggestedFor(reader.id)).toEqual(['otter-other', 'otter-newer']);

    await api.gql(
      UpdatePostDocument,
      { id: newer.id, expectedVersion: newer.version, input: { tags: ['weather'] } },
      { token: author.token },
    );
    expect(await suggestedFor(reader.id)).toEqual(['otter-other']);
  });

  it('unpublishing, archiving and deleting take a post out of suggestions', async () => {
    const reader = await publishedPost(api, author.token, { tags: ['lighthouse'] });
    const unpublished = await publishedPost(api, author.token, { tags: ['lighthouse'], slug: 'lh-unpublished' });
    const archived = await publishedPost(api, author.token, { tags: ['lighthouse'], slug: 'lh-archived' });
    const deleted = await publishedPost(api, author.token, { tags: ['lighthouse'], slug: 'lh-deleted' });
    expect(await suggestedFor(reader.id)).toEqual(['lh-deleted', 'lh-archived', 'lh-unpublished']);

    await api.gql(UnpublishPostDocument, { id: unpublished.id }, { token: author.token });
    expect(await suggestedFor(reader.id)).toEqual(['lh-deleted', 'lh-archived']);
    await api.gql(ArchivePostDocument, { id: archived.id }, { token: author.token });
    expect(await suggestedFor(reader.id)).toEqual(['lh-deleted']);
    await api.gql(DeletePostDocument, { id: deleted.id }, { token: author.token });
    expect(await suggestedFor(reader.id)).toEqual([]);
  });

  it('restoring a revision brings its tags back into suggestions', async () => {
    const reader = await publishedPost(api, author.token, { tags: ['ferries'] });
    const post = await publishedPost(api, author.token, { tags: ['ferries'], slug: 'ferry-restored' });
    const retagged = await api.gql(
      UpdatePostDocument,
      { id: post.id, expectedVersion: post.version, input: { tags: ['buses'] } },
      { token: author.token },
    );
    expect(await suggestedFor(reader.id)).toEqual([]);
    const revisions = (await api.gql(PostRevisionsDocument, { id: post.id }, { token: author.token })).data!.post!
      .revisions;
    const withFerries = revisions.find((revision) => revision.tags.includes('ferries'))!;
    await api.gql(
      RestoreRevisionDocument,
      { postId: post.id, revisionId: withFerries.id, expectedVersion: retagged.data!.updatePost.version },
      { token: author.token },
    );
    expect(await suggestedFor(reader.id)).toEqual(['ferry-restored']);
  });

  it('a scheduled post is suggested from the moment its time comes, with nothing run on a timer', async () => {
    const reader = await publishedPost(api, author.token, { tags: ['regatta-night'] });
    const soon = new Date(Date.now() + 1500).toISOString();
    await publishedPost(api, author.token, { tags: ['regatta-night'], slug: 'regatta-scheduled' }, soon);
    expect(await suggestedFor(reader.id)).toEqual([]);
    await sleep(1700);
    expect(await suggestedFor(reader.id)).toEqual(['regatta-scheduled']);
  });
});

describe('the cost of suggestions is bounded per tag', () => {
  it('candidates are the newest max(10, 3 x limit) live posts of each tag: an older post is not suggested, even sharing more tags', async () => {
    // The reader's own story is old, so that it is not one of the newest of its tags itself.
    const reader = await publishedPost(api, author.token, { tags: ['busy', 'crowded'] }, '2018-01-01T00:00:00Z');
    // Shares both tags, so it would come first; but 12 newer posts carry each of them.
    await publishedPost(api, author.token, { tags: ['busy', 'crowded'], slug: 'both-old' }, '2020-01-01T00:00:00Z');
    for (let i = 0; i < 12; i += 1) {
      const day = `2021-01-${String(i + 1).padStart(2, '0')}`;
      await publishedPost(api, author.token, { tags: ['busy'], slug: `busy-${i}` }, `${day}T00:00:00Z`);
      await publishedPost(api, author.token, { tags: ['crowded'], slug: `crowded-${i}` }, `${day}T12:00:00Z`);
    }
    expect(await suggestedFor(reader.id, 3)).toEqual(['crowded-11', 'busy-11', 'crowded-10']);
    // Asking for more widens the candidates (3 x 12 per tag), and the old post comes first.
    expect((await suggestedFor(reader.id, 12))[0]).toBe('both-old');
  });

  it('a post sharing more tags comes first while it is among the newest of a tag', async () => {
    const reader = await publishedPost(api, author.token, { tags: ['calm', 'still'] }, '2018-01-01T00:00:00Z');
    await publishedPost(api, author.token, { tags: ['calm', 'still'], slug: 'calm-both' }, '2020-01-01T00:00:00Z');
    await publishedPost(api, author.token, { tags: ['calm'], slug: 'calm-new' }, '2021-01-01T00:00:00Z');
    expect(await suggestedFor(reader.id, 3)).toEqual(['calm-both', 'calm-new']);
  });
});

describe('the per-tag index mirrors the posts', () => {
  it('holds exactly one row per tag of every post, with its status and publication moment', async () => {
    const mirror = `SELECT post_id::text, tag, status, published_at FROM post_tags`;
    const truth = `SELECT DISTINCT p.id::text AS post_id, tag, p.status, p.published_at FROM posts p, unnest(p.tags) AS tag`;
    const [{ missing, extra }]: Array<{ missing: number; extra: number }> = await api.db.query(
      `SELECT (SELECT count(*)::int FROM (${truth} EXCEPT ${mirror}) m) AS missing,
              (SELECT count(*)::int FROM (${mirror} EXCEPT ${truth}) e) AS extra`,
    );
    const [{ rows }]: Array<{ rows: number }> = await api.db.query('SELECT count(*)::int AS rows FROM post_tags');
    expect(rows).toBeGreaterThan(30);
    expect({ missing, extra }).toEqual({ missing: 0, extra: 0 });
  });
});
