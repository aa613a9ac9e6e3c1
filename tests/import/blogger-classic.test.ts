import { commentsOf, fixtureItems, lineOf, postsOf } from './fixture-items';

const BACKUP = 'blogger-backup.xml';
const BLOG = 'tag:blogger.com,1999:blog-7362514809127365401';
const LISBOA = `${BLOG}.post-2818400936141926375`;
const GREEK = `${BLOG}.post-6047713182203411948`;
const DRAFT = `${BLOG}.post-4490127766230588112`;
const SCHEDULED = `${BLOG}.post-8873021564401937720`;

describe("Blogger's classic backup", () => {
  it('reads posts with their titles, labels and bodies as the blog had them, non-ASCII intact', async () => {
    const posts = postsOf(await fixtureItems(BACKUP));
    expect([...posts.keys()]).toEqual([SCHEDULED, DRAFT, GREEK, LISBOA]);
    const lisboa = posts.get(LISBOA)!;
    expect(lisboa.title).toBe('Lisboa à noite: fado, ginjinha e ☕');
    expect(lisboa.tags).toEqual(['Lisboa', 'Música', 'Portugal']);
    // The body is the export's HTML, script and handlers included: the importer sanitizes it.
    expect(lisboa.bodyHtml).toContain('<script type="text/javascript">');
    expect(lisboa.bodyHtml).toContain('onclick="window.location=');
    expect(lisboa.oldUrl).toBe('https://cadernodeviagem.blogspot.com/2023/06/lisboa-noite-fado-ginjinha.html');
    expect(lisboa.oldSlug).toBe('lisboa-noite-fado-ginjinha');
    expect(lisboa.publishedAt).toEqual(new Date('2023-06-14T21:10:00.000Z'));
    expect(lisboa.updatedAt).toEqual(new Date('2023-06-16T09:02:31.554Z'));
    expect(lisboa.comments).toEqual([]);
    expect(posts.get(GREEK)!.title).toBe('Ταξίδι στη Θεσσαλονίκη 🇬🇷');
    expect(posts.get(GREEK)!.tags).toEqual(['Ελλάδα']);
  });

  it('tells published, draft (app:draft) and scheduled (dated in the future) posts apart', async () => {
    const posts = postsOf(await fixtureItems(BACKUP));
    expect(posts.get(LISBOA)!.status).toBe('published');
    const draft = posts.get(DRAFT)!;
    expect(draft).toMatchObject({
      status: 'draft',
      publishedAt: null,
      oldUrl: null,
      title: 'Rascunho: roteiro dos Açores',
    });
    const scheduled = posts.get(SCHEDULED)!;
    expect(scheduled).toMatchObject({ status: 'scheduled', title: 'Natal em Évora 🎄', oldSlug: 'natal-em-evora' });
    expect(scheduled.publishedAt).toEqual(new Date('2099-12-20T13:00:00.000Z'));
    // Edited in 2024 for 2099: created no later than its last edit.
    expect(scheduled.createdAt).toEqual(new Date('2024-05-01T21:22:09.400Z'));
  });

  it("names authors by profile and drops Blogger's noreply@blogger.com placeholder", async () => {
    const items = await fixtureItems(BACKUP);
    expect(postsOf(items).get(LISBOA)!.author).toEqual({
      sourceId: 'https://www.blogger.com/profile/07012345678901234567',
      name: 'Ana Sousa',
      email: null,
    });
    expect([...commentsOf(items).values()].map((comment) => comment.authorEmail)).toEqual([
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it('reads comments threaded two deep, each naming its post and the comment it answers', async () => {
    const comments = commentsOf(await fixtureItems(BACKUP));
    const first = comments.get(`${BLOG}.post-3150972004586613224`)!;
    const reply = comments.get(`${BLOG}.post-7781102993476610035`)!;
    const replyToReply = comments.get(`${BLOG}.post-5124889930017743316`)!;
    expect(first).toMatchObject({ postSourceId: LISBOA, parentSourceId: null, authorName: 'João Pereira' });
    expect(first.bodyHtml).toBe(
      'Que saudades de Lisboa! 😍 Visitem <a href="http://joao.example.org/" onclick="steal(document.cookie)" rel="nofollow">o meu blog</a>',
    );
    expect(reply).toMatchObject({ postSourceId: LISBOA, parentSourceId: first.sourceId, authorName: 'Ana Sousa' });
    expect(replyToReply).toMatchObject({ postSourceId: LISBOA, parentSourceId: reply.sourceId, status: 'approved' });
    expect(replyToReply.bodyHtml).toContain("<script>alert('xss')</script>");
    expect(replyToReply.createdAt).toEqual(new Date('2023-06-15T12:05:00.000Z'));
    expect(comments.get(`${BLOG}.post-1450093827716600245`)).toMatchObject({
      postSourceId: GREEK,
      authorName: 'Νίκος',
      bodyHtml: 'Υπέροχες φωτογραφίες! Την επόμενη φορά ελάτε και στη Χαλκιδική 🏖️',
      status: 'approved',
    });
  });

  it('reads a comment its author removed (blogger.contentRemoved) as trash', async () => {
    const comments = commentsOf(await fixtureItems(BACKUP));
    expect(comments.get(`${BLOG}.post-9012667340125598871`)).toMatchObject({
      postSourceId: GREEK,
      authorName: 'Anônimo',
      status: 'trash',
    });
  });

  it('skips the template, the settings (one item for the run) and pages, saying why, in file order', async () => {
    const items = await fixtureItems(BACKUP);
    expect(items.filter((item) => item.kind === 'skipped')).toEqual([
      {
        kind: 'skipped',
        sourceId: `${BLOG}.layout`,
        what: 'template',
        reason: "the blog's layout template is not imported",
        line: 2,
      },
      {
        kind: 'skipped',
        sourceId: `${BLOG}.settings`,
        what: 'settings',
        reason: "the blog's 4 settings are not imported",
        line: lineOf(BACKUP, '.settings.BLOG_NAME</id>'),
      },
      {
        kind: 'skipped',
        sourceId: `${BLOG}.page-1377295610455421101`,
        what: 'page',
        reason: 'Blogger pages are not imported, only posts',
        line: lineOf(BACKUP, '.page-1377295610455421101</id>'),
      },
    ]);
    expect(items.map((item) => item.line)).toEqual([...items.map((item) => item.line)].sort((a, b) => a - b));
    expect(items).toHaveLength(3 + 4 + 5);
  });
});

describe("Blogger's classic backup with malformed entries, cut off mid-entry", () => {
  const FILE = 'blogger-backup-malformed.xml';
  const id = (n: number) => `${BLOG}.post-100000000000000000${n}`;

  it('yields each broken entry as malformed with its line and id, and reads the good ones around them', async () => {
    const items = await fixtureItems(FILE);
    expect(items.map((item) => item.kind)).toEqual([
      'post',
      'malformed',
      'malformed',
      'malformed',
      'malformed',
      'malformed',
      'comment',
      'post',
      'malformed',
    ]);
    expect(items.filter((item) => item.kind === 'malformed').slice(0, 5)).toEqual([
      { kind: 'malformed', sourceId: null, reason: 'the entry has no <id>', line: 3 },
      { kind: 'malformed', sourceId: id(3), reason: 'the post has no readable <published> date', line: 4 },
      { kind: 'malformed', sourceId: id(4), reason: 'the post has neither a title nor a body', line: 5 },
      { kind: 'malformed', sourceId: id(5), reason: 'the comment names no post (thr:in-reply-to)', line: 6 },
      { kind: 'malformed', sourceId: id(6), reason: 'the entry has no Blogger kind category', line: 7 },
    ]);
    expect(postsOf(items).get(id(8))!.title).toBe('Páscoa em Braga');
  });

  it('ends cleanly where the file breaks off, naming the entry it was reading', async () => {
    const items = await fixtureItems(FILE);
    expect(items[items.length - 1]).toEqual({
      kind: 'malformed',
      sourceId: id(9),
      reason: 'the XML breaks off here: unclosed tag: title',
      line: lineOf(FILE, 'Cortado a me'),
    });
  });
});
