import { fixtureItems, lineOf, postsOf } from './fixture-items';

const WXR = 'wordpress-1.2.xml';

describe('WordPress WXR 1.2', () => {
  it('reads posts with their titles, categories and tags, slugs and old URLs, non-ASCII intact', async () => {
    const posts = postsOf(await fixtureItems(WXR));
    const lisboa = posts.get('101')!;
    expect(lisboa).toMatchObject({
      title: 'Crónica de Lisboa: o elétrico 28 🚋',
      status: 'published',
      // post_tag and category terms; post_format is not a tag.
      tags: ['Elétrico', 'Lisboa', 'Viagens'],
      oldUrl: 'https://cronicas.example.pt/2022/05/13/cronica-de-lisboa-o-eletrico-28/',
      oldSlug: 'cronica-de-lisboa-o-eletrico-28',
    });
    expect(lisboa.bodyHtml).toMatch(/^<!-- wp:paragraph -->\n<p>O <strong>28<\/strong>/);
    expect(lisboa.bodyHtml).toContain('<script>var _paq = window._paq || [];');
    expect(lisboa.bodyHtml).toContain('<button onclick="document.location=');
    expect(lisboa.publishedAt).toEqual(new Date('2022-05-13T09:30:00.000Z'));
    expect(lisboa.updatedAt).toEqual(new Date('2022-05-14T08:00:00.000Z'));
    // WordPress keeps a Greek slug percent-encoded; the slug the site showed is the decoded one.
    expect(posts.get('120')).toMatchObject({
      title: 'Η Αθήνα το βράδυ',
      oldSlug: 'η-αθήνα-το-βράδυ',
      tags: ['Αθήνα', 'Viagens'],
    });
  });

  it('maps wp:status: publish, draft, pending (a draft), future, private and trash', async () => {
    const posts = postsOf(await fixtureItems(WXR));
    expect(
      [...posts.values()].map((post) => [post.sourceId, post.status, post.publishedAt?.toISOString() ?? null]),
    ).toEqual([
      ['101', 'published', '2022-05-13T09:30:00.000Z'],
      ['120', 'published', '2023-02-20T19:00:00.000Z'],
      ['130', 'draft', null],
      ['131', 'draft', null],
      ['140', 'scheduled', '2099-06-12T18:00:00.000Z'],
      ['150', 'private', '2023-07-01T10:00:00.000Z'],
      ['90', 'trash', '2021-03-03T10:00:00.000Z'],
    ]);
  });

  it("dates a draft (post_date_gmt of zeros) by its local post_date and the site's offset", async () => {
    const draft = postsOf(await fixtureItems(WXR)).get('130')!;
    // post_date 21:40 local; post_modified 08:00 local is 07:00 GMT, so the site is an hour ahead.
    expect(draft.createdAt).toEqual(new Date('2024-04-28T20:40:00.000Z'));
    expect(draft).toMatchObject({ oldUrl: null, oldSlug: null, tags: [] });
  });

  it("keeps a trashed post's slug without WordPress's __trashed suffix, and no old URL", async () => {
    expect(postsOf(await fixtureItems(WXR)).get('90')).toMatchObject({ oldSlug: 'post-antigo', oldUrl: null });
  });

  it('gives each post its author from the wp:author list by dc:creator login', async () => {
    const posts = postsOf(await fixtureItems(WXR));
    expect(posts.get('101')!.author).toEqual({ sourceId: 'ana', name: 'Ana Sousa', email: 'ana@cronicas.example.pt' });
    expect(posts.get('120')!.author).toEqual({
      sourceId: 'nikos',
      name: 'Νίκος Γεωργίου',
      email: 'nikos@cronicas.example.pt',
    });
  });

  it('nests comments two deep by wp:comment_parent, with approved, pending, spam and trash states', async () => {
    const comments = postsOf(await fixtureItems(WXR)).get('101')!.comments;
    expect(comments.map((c) => [c.sourceId, c.parentSourceId, c.status, c.authorName, c.authorEmail])).toEqual([
      ['10', null, 'approved', 'Maria Fernandes', 'maria@example.org'],
      ['11', '10', 'approved', 'Ana Sousa', 'ana@cronicas.example.pt'],
      ['12', '11', 'approved', 'Maria Fernandes', 'maria@example.org'],
      ['13', null, 'pending', 'Pedro', null],
      ['14', null, 'spam', 'Best Casino Bonus', 'bonus@casino.example'],
      ['16', null, 'trash', 'Troll', 'troll@example.net'],
    ]);
    expect(comments[0].bodyHtml).toBe('Apanhei o 28 em março — que viagem! 😄');
    expect(comments[0].createdAt).toEqual(new Date('2022-05-13T11:01:00.000Z'));
    expect(comments[2].bodyHtml).toBe('Fica a dica <a href="#" onclick="alert(1)">👍</a>');
  });

  it('skips pages (with their comments), attachments, menu entries and pingbacks, saying why', async () => {
    const items = await fixtureItems(WXR);
    expect(items.filter((item) => item.kind === 'skipped')).toEqual([
      {
        kind: 'skipped',
        sourceId: '2',
        what: 'page',
        reason: 'pages are not imported, only posts (nor its 1 comments)',
        line: lineOf(WXR, '<item>'),
      },
      {
        kind: 'skipped',
        sourceId: '15',
        what: 'pingback',
        reason: 'pingbacks are not imported as comments',
        line: lineOf(WXR, '<wp:comment>', '<wp:comment_id>14<'),
      },
      {
        kind: 'skipped',
        sourceId: '205',
        what: 'attachment',
        reason: 'media library entries are not imported (bodies keep their image URLs)',
        line: lineOf(WXR, '<item>', '<wp:comment_id>16<'),
      },
      {
        kind: 'skipped',
        sourceId: '300',
        what: 'nav_menu_item',
        reason: 'menu entries are not imported',
        line: lineOf(WXR, '<item>', '<wp:post_id>90<'),
      },
    ]);
    expect(items.map((item) => item.kind)).toEqual([
      'skipped',
      'post',
      'skipped',
      'skipped',
      'post',
      'post',
      'post',
      'post',
      'post',
      'post',
      'skipped',
    ]);
  });
});

describe('WordPress WXR 1.1 (its own wp: namespace URI)', () => {
  const FILE = 'wordpress-1.1.xml';

  it('reads the same fields under the 1.1 namespace, without CDATA', async () => {
    const items = await fixtureItems(FILE);
    const post = postsOf(items).get('57')!;
    expect(post).toMatchObject({
      title: 'Queima das Fitas – o cortejo',
      status: 'published',
      tags: ['Universidade', 'Praxe'],
      author: { sourceId: 'admin', name: 'Inês Marques', email: 'ines@diario.example.pt' },
      oldSlug: 'queima-das-fitas-o-cortejo',
    });
    expect(post.bodyHtml).toContain('<script type="text/javascript">alert(\'olá\');</script>');
    expect(post.comments.map((c) => [c.sourceId, c.parentSourceId, c.status])).toEqual([
      ['21', null, 'approved'],
      ['22', '21', 'approved'],
    ]);
    expect(items[1]).toMatchObject({ kind: 'skipped', sourceId: '2', what: 'page' });
  });
});

describe('WordPress WXR with malformed items, cut off mid-item', () => {
  const FILE = 'wordpress-malformed.xml';
  const itemLine = (postId: number) => lineOf(FILE, '<item>', `<wp:post_id>${postId - 1}<`);

  it('yields broken items and comments as malformed with their lines, and the good ones around them', async () => {
    const items = await fixtureItems(FILE);
    const post = postsOf(items).get('501')!;
    expect(post.comments.map((c) => c.sourceId)).toEqual(['601']);
    expect(items.filter((item) => item.kind === 'malformed').slice(0, 7)).toEqual([
      {
        kind: 'malformed',
        sourceId: null,
        reason: 'the comment has no wp:comment_id',
        line: lineOf(FILE, '<wp:comment>', 'Comentário bom'),
      },
      {
        kind: 'malformed',
        sourceId: '603',
        reason: 'the comment has no readable wp:comment_date_gmt',
        line: lineOf(FILE, '<wp:comment>', 'Comentário sem id'),
      },
      {
        kind: 'malformed',
        sourceId: '604',
        reason: 'unknown wp:comment_approved "maybe"',
        line: lineOf(FILE, '<wp:comment>', 'Data impossível'),
      },
      {
        kind: 'malformed',
        sourceId: null,
        reason: 'the item has no wp:post_id or wp:post_type',
        line: lineOf(FILE, '<item>', 'Estado desconhecido'),
      },
      {
        kind: 'malformed',
        sourceId: '503',
        reason: 'the post has no readable wp:post_date_gmt',
        line: lineOf(FILE, '<item>', 'Sem wp:post_id'),
      },
      { kind: 'malformed', sourceId: '504', reason: 'unknown wp:status "limbo"', line: itemLine(504) },
      { kind: 'malformed', sourceId: '505', reason: 'the post has neither a title nor a body', line: itemLine(505) },
    ]);
  });

  it('replaces control characters that XML forbids instead of failing the file, as WordPress does', async () => {
    const post = postsOf(await fixtureItems(FILE)).get('506')!;
    expect(post).toMatchObject({ title: 'Um carácter de controlo', bodyHtml: '<p>Colado do Word:  fim.</p>' });
  });

  it('ends cleanly where the file breaks off, after the last whole item', async () => {
    const items = await fixtureItems(FILE);
    expect(items[items.length - 2]).toMatchObject({ kind: 'post', post: { sourceId: '506' } });
    // WXR writes wp:post_id after the body, so the broken item's id was never read.
    expect(items[items.length - 1]).toEqual({
      kind: 'malformed',
      sourceId: null,
      reason: 'the XML breaks off here: unclosed tag: content:encoded',
      line: lineOf(FILE, 'Este ficheiro acaba aqui'),
    });
  });
});
