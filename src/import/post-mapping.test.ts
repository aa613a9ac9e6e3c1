import { PostStatus } from '../domain/enums';
import { MappedPost, mapPost } from './post-mapping';
import { SourcePost } from './source-records';

const NOW = new Date('2026-06-01T12:00:00Z');

function source(overrides: Partial<SourcePost> = {}): SourcePost {
  return {
    sourceId: '1',
    title: 'A post',
    bodyHtml: '<p>Hello</p>',
    status: 'published',
    publishedAt: new Date('2020-05-01T10:00:00Z'),
    createdAt: new Date('2020-05-01T09:00:00Z'),
    updatedAt: new Date('2020-05-02T09:00:00Z'),
    tags: [],
    author: { sourceId: 'a', name: 'A', email: null },
    oldUrl: null,
    oldSlug: null,
    comments: [],
    ...overrides,
  };
}

const mapped = (overrides: Partial<SourcePost>): MappedPost => {
  const result = mapPost(source(overrides), NOW);
  if ('skip' in result) throw new Error(result.skip);
  return result.post;
};

describe('mapPost', () => {
  it('maps statuses: published, draft, private as draft, a future date as scheduled', () => {
    expect(mapped({}).status).toBe(PostStatus.PUBLISHED);
    expect(mapped({ status: 'draft' })).toMatchObject({ status: PostStatus.DRAFT, publishedAt: null });
    expect(mapped({ status: 'private' })).toMatchObject({ status: PostStatus.DRAFT, publishedAt: null });
    const future = new Date('2027-01-01T00:00:00Z');
    expect(mapped({ status: 'scheduled', publishedAt: future })).toMatchObject({
      status: PostStatus.SCHEDULED,
      publishedAt: future,
    });
    expect(mapped({ status: 'scheduled', publishedAt: new Date('2026-01-01T00:00:00Z') }).status).toBe(
      PostStatus.PUBLISHED,
    );
  });

  it('leaves a post in the trash out, with its reason', () => {
    expect(mapPost(source({ status: 'trash' }), NOW)).toEqual({ skip: 'in the trash' });
  });

  it('sanitizes the body and derives the excerpt and reading time from its text', () => {
    const post = mapped({ bodyHtml: '<p onclick="x()">Hi <script>alert(1)</script>there</p>' });
    expect([post.body, post.excerpt, post.readingTimeMinutes]).toEqual(['<p>Hi there</p>', 'Hi there', 1]);
  });

  it('normalises tags with the one tag rule, de-duplicated, and drops what is over the limits', () => {
    expect(mapped({ tags: [' News ', 'news', 'Long   Reads', ''] }).tags).toEqual(['news', 'long reads']);
    const many = mapped({ tags: Array.from({ length: 25 }, (_, i) => `t${i}`) });
    expect([many.tags.length, many.notes]).toEqual([20, ['5 tags left out: a post has at most 20']]);
  });

  it('takes the old slug from post_name, else from the URL’s last segment less .html', () => {
    expect(mapped({ oldUrl: 'https://x.blogspot.com/2020/05/my-post.html' })).toMatchObject({
      oldSlug: 'my-post',
      oldPath: '/2020/05/my-post.html',
    });
    expect(mapped({ oldUrl: 'https://blog.example/2020/05/01/hello/', oldSlug: 'caf%c3%a9-au-lait' }).oldSlug).toBe(
      'cafe-au-lait',
    );
    expect(mapped({ oldUrl: 'https://blog.example/?p=12' }).oldSlug).toBeNull();
  });

  it('names an untitled post after its first words', () => {
    const post = mapped({ title: '  ', bodyHtml: '<p>Just a quick note from the road</p>' });
    expect(post.title).toBe('Just a quick note from the road');
  });
});
