import { Readable } from 'node:stream';
import { PARSERS } from '../../src/import/formats';
import type { SourceItem } from '../../src/import/source-records';
import { commentsOf, fixtureItems, lineOf, linesOf, postsOf } from './fixture-items';

const FEED = 'blogger-takeout-feed.atom';
const BLOG = 'tag:blogger.com,1999:blog-5550001112223334445';
const post = (n: string) => `${BLOG}.post-${n.repeat(19).slice(0, 19)}`;
const comment = (n: number) => `${BLOG}.post-202020202020202020${n}`;

describe("Blogger's Takeout feed.atom", () => {
  it('reads posts by blogger:type with titles, labels, slugs from blogger:filename, non-ASCII intact', async () => {
    const posts = postsOf(await fixtureItems(FEED));
    const kalimera = posts.get(post('61'))!;
    expect(kalimera).toMatchObject({
      title: 'Καλημέρα, Θεσσαλονίκη! ☀️',
      status: 'published',
      tags: ['Ελλάδα', 'Πόλη'],
      oldSlug: 'kalimera-thessaloniki',
      // feed.atom carries the path only, not the blog's address: the path is what a redirect needs.
      oldUrl: '/2021/03/kalimera-thessaloniki.html',
    });
    expect(kalimera.bodyHtml).toContain('<script src="https://ads.example/widget.js"></script>');
    expect(kalimera.bodyHtml).toContain('onclick="alert(document.cookie)"');
    expect(kalimera.createdAt).toEqual(new Date('2021-03-01T08:12:00.000Z'));
    expect(kalimera.publishedAt).toEqual(new Date('2021-03-01T09:00:00.000Z'));
    expect(kalimera.updatedAt).toEqual(new Date('2021-03-02T10:30:00.000Z'));
    expect(posts.get(post('72'))).toMatchObject({ title: 'Ação de graças em Ouro Preto 🇧🇷', tags: ['Brasil'] });
  });

  it('maps blogger:status: LIVE, DRAFT, SCHEDULED and SOFT_TRASHED', async () => {
    const posts = postsOf(await fixtureItems(FEED));
    expect([...posts.values()].map((p) => [p.title, p.status, p.publishedAt?.toISOString() ?? null])).toEqual([
      ['Καλημέρα, Θεσσαλονίκη! ☀️', 'published', '2021-03-01T09:00:00.000Z'],
      ['Ação de graças em Ouro Preto 🇧🇷', 'published', '2021-11-25T12:00:00.000Z'],
      ['Πρόχειρο: Άνω Πόλη', 'draft', null],
      ['Χριστούγεννα στην Αριστοτέλους 🎄', 'scheduled', '2099-12-24T18:00:00.000Z'],
      ['Παλιά ανάρτηση', 'trash', '2020-05-01T08:00:00.000Z'],
    ]);
  });

  it('names authors by profile, with no address (Takeout exports none)', async () => {
    const items = await fixtureItems(FEED);
    expect(postsOf(items).get(post('61'))!.author).toEqual({
      sourceId: 'https://www.blogger.com/profile/09876543210987654321',
      name: 'Ελένη Παπαδοπούλου',
      email: null,
    });
    expect(commentsOf(items).get(comment(3))).toMatchObject({ authorName: 'Anonymous', authorEmail: null });
  });

  it('threads comments two deep by blogger:parent and blogger:inReplyTo', async () => {
    const comments = commentsOf(await fixtureItems(FEED));
    expect(comments.get(comment(1))).toMatchObject({
      postSourceId: post('61'),
      parentSourceId: null,
      authorName: 'Giorgos',
      bodyHtml: 'Τέλεια φωτογραφία! 📷',
      status: 'approved',
    });
    expect(comments.get(comment(2))).toMatchObject({ postSourceId: post('61'), parentSourceId: comment(1) });
    expect(comments.get(comment(3))).toMatchObject({
      postSourceId: post('61'),
      parentSourceId: comment(2),
      bodyHtml: 'Κι εγώ συμφωνώ <img src=x onerror="alert(1)">',
    });
    expect(comments.get(comment(3))!.createdAt).toEqual(new Date('2021-03-02T07:45:00.000Z'));
  });

  it('reads a spam and a pending comment with their states', async () => {
    const comments = commentsOf(await fixtureItems(FEED));
    expect(comments.get(comment(4))).toMatchObject({
      postSourceId: post('72'),
      authorName: 'Cheap Watches',
      status: 'spam',
    });
    expect(comments.get(comment(5))).toMatchObject({
      postSourceId: post('72'),
      authorName: 'Mariana',
      status: 'pending',
    });
  });

  it('skips pages, saying why, at their line', async () => {
    const items = await fixtureItems(FEED);
    expect(items.filter((item) => item.kind === 'skipped')).toEqual([
      {
        kind: 'skipped',
        sourceId: `${BLOG}.page-4040404040404040404`,
        what: 'page',
        reason: 'Blogger pages are not imported, only posts',
        line: lineOf(FEED, '<entry>'),
      },
    ]);
    expect(items).toHaveLength(1 + 5 + 5);
  });

  it("builds the old URL from blogger:filename when the feed names the blog's address", async () => {
    const xml = `<?xml version='1.0' encoding='utf-8'?>
<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>
  <link rel='alternate' type='text/html' href='https://simeioseis.blogspot.com/'/>
  <entry><id>tag:blogger.com,1999:blog-1.post-2</id><blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status>
    <title>Α</title><content type='html'>β</content><published>2022-01-01T10:00:00Z</published>
    <blogger:filename>/2022/01/blog-post.html</blogger:filename></entry>
</feed>`;
    const items: SourceItem[] = [];
    for await (const item of PARSERS['blogger-takeout'](Readable.from([xml]))) items.push(item);
    expect(postsOf(items).get('tag:blogger.com,1999:blog-1.post-2')!.oldUrl).toBe(
      'https://simeioseis.blogspot.com/2022/01/blog-post.html',
    );
  });
});

describe("Blogger's Takeout feed.atom with malformed entries and broken XML", () => {
  const FILE = 'blogger-takeout-malformed.atom';
  const id = (n: number) => `${BLOG}.post-300000000000000000${n}`;

  it('yields each broken entry as malformed with its line and id, and reads the good ones around them', async () => {
    const items = await fixtureItems(FILE);
    const entryLine = (n: number) => linesOf(FILE, '<entry>')[n - 1];
    expect(items.slice(1, 6)).toEqual([
      { kind: 'malformed', sourceId: null, reason: 'the entry has no <id>', line: entryLine(2) },
      { kind: 'malformed', sourceId: id(3), reason: 'the entry has no blogger:type', line: entryLine(3) },
      { kind: 'malformed', sourceId: id(4), reason: 'the post has no readable <published> date', line: entryLine(4) },
      { kind: 'malformed', sourceId: id(5), reason: 'unknown blogger:status "FROZEN"', line: entryLine(5) },
      { kind: 'malformed', sourceId: id(6), reason: 'the comment names no post (blogger:parent)', line: entryLine(6) },
    ]);
    expect(postsOf(items).get(id(1))!.oldUrl).toBe('https://simeioseis.blogspot.com/2022/01/blog-post.html');
    expect(commentsOf(items).get(id(7))).toMatchObject({ postSourceId: id(1), bodyHtml: 'Συμφωνώ!' });
  });

  it('ends cleanly at the first XML error (a bare &), with nothing read after it', async () => {
    const items = await fixtureItems(FILE);
    expect(items).toHaveLength(8);
    expect(items[7]).toEqual({
      kind: 'malformed',
      sourceId: id(8),
      reason: 'the XML breaks off here: disallowed character in entity name.',
      // saxes reads an entity's name up to the next `;`, so it notices the bare & on the next line.
      line: lineOf(FILE, 'Tom & Jerry') + 1,
    });
  });
});
