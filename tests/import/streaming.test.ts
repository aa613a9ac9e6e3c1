import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { wxrChunks } from '../../bench/import-wxr';
import { detectFormat, PARSERS } from '../../src/import/formats';
import type { SourceItem, SourceParser } from '../../src/import/source-records';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name));

async function itemsOf(parser: SourceParser, input: NodeJS.ReadableStream): Promise<SourceItem[]> {
  const items: SourceItem[] = [];
  for await (const item of parser(input)) items.push(item);
  return items;
}

describe('detectFormat', () => {
  it.each([
    ['blogger-backup.xml', 'blogger'],
    ['blogger-backup-malformed.xml', 'blogger'],
    ['blogger-takeout-feed.atom', 'blogger-takeout'],
    ['blogger-takeout-malformed.atom', 'blogger-takeout'],
    ['wordpress-1.2.xml', 'wordpress'],
    ['wordpress-1.1.xml', 'wordpress'],
    ['wordpress-malformed.xml', 'wordpress'],
  ])('knows %s from its first 2 KB as %s', (name, format) => {
    expect(detectFormat(fixture(name).subarray(0, 2048).toString('utf8'))).toBe(format);
  });

  it('knows an export behind a byte order mark', () => {
    expect(detectFormat(`\uFEFF${fixture('wordpress-1.2.xml').toString('utf8')}`)).toBe('wordpress');
  });

  it.each([
    ['an RSS feed', '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title></channel></rss>'],
    ['an Atom feed from elsewhere', '<feed xmlns="http://www.w3.org/2005/Atom"><generator>Hugo</generator></feed>'],
    ['an HTML page', '<!DOCTYPE html><html><head><title>Blogger</title></head></html>'],
    ['nothing', ''],
  ])('answers null for %s', (_what, head) => {
    expect(detectFormat(head)).toBeNull();
  });
});

describe('streaming', () => {
  it('reads an export as the consumer asks: items of a 20,000-post WXR come before most of it is read', async () => {
    let chunksRead = 0;
    async function* counted(): AsyncGenerator<string> {
      for await (const chunk of wxrChunks(20_000)) {
        chunksRead += 1;
        yield chunk;
      }
    }
    const input = Readable.from(counted());
    let posts = 0;
    let comments = 0;
    for await (const item of PARSERS.wordpress(input)) {
      if (item.kind !== 'post') throw new Error(`unexpected ${item.kind} item`);
      posts += 1;
      comments += item.post.comments.length;
      if (posts === 100) break;
    }
    expect({ posts, comments }).toEqual({ posts: 100, comments: 200 });
    // One chunk a post: what was read is those 100 posts and a stream buffer's worth, not 20,002.
    expect(chunksRead).toBeLessThan(100 + 40);
    // Leaving the loop early ends the parse and closes the input.
    expect(input.destroyed).toBe(true);
  });

  it('reads a generated WXR whole: every post with its comment and reply', async () => {
    const items = await itemsOf(PARSERS.wordpress, Readable.from(wxrChunks(500)));
    expect(items).toHaveLength(500);
    const last = items[499];
    expect(last.kind === 'post' && last.post.comments.map((c) => [c.sourceId, c.parentSourceId])).toEqual([
      ['999', null],
      ['1000', '999'],
    ]);
  });

  it('decodes UTF-8 split anywhere across chunks, one byte at a time', async () => {
    const bytes = fixture('blogger-takeout-feed.atom');
    const oneByOne = Readable.from(
      (function* () {
        for (let i = 0; i < bytes.length; i += 1) yield bytes.subarray(i, i + 1);
      })(),
    );
    const items = await itemsOf(PARSERS['blogger-takeout'], oneByOne);
    const whole = await itemsOf(PARSERS['blogger-takeout'], Readable.from([bytes]));
    expect(items).toEqual(whole);
    expect(items[1]).toMatchObject({ kind: 'post', post: { title: 'Καλημέρα, Θεσσαλονίκη! ☀️' } });
  });

  it('reads the encoding an XML declaration names (old WordPress blogs wrote ISO-8859-1)', async () => {
    const xml = fixture('wordpress-1.1.xml')
      .toString('utf8')
      .replace('encoding="UTF-8"', 'encoding="ISO-8859-1"')
      .replace('Queima das Fitas &#8211; o cortejo', 'Queima das Fitas: cortejo em São João');
    const items = await itemsOf(PARSERS.wordpress, Readable.from([Buffer.from(xml, 'latin1')]));
    expect(items[0]).toMatchObject({ kind: 'post', post: { title: 'Queima das Fitas: cortejo em São João' } });
  });

  it('ends with a malformed item, not a throw, when the file cannot be read on', async () => {
    const bytes = fixture('wordpress-1.1.xml');
    const failing = new Readable({ read() {} });
    failing.push(bytes.subarray(0, bytes.indexOf('<item>', bytes.indexOf('</item>'))));
    setImmediate(() => failing.destroy(new Error('connection reset by peer')));
    const items = await itemsOf(PARSERS.wordpress, failing);
    expect(items.map((item) => item.kind)).toEqual(['post', 'malformed']);
    expect(items[1]).toMatchObject({ sourceId: null, reason: 'the file could not be read: connection reset by peer' });
  });

  it('ends with a malformed item when a file is not XML at all', async () => {
    const items = await itemsOf(PARSERS.blogger, Readable.from(['PK\u0003\u0004 this is a zip, not a backup']));
    expect(items).toEqual([
      {
        kind: 'malformed',
        sourceId: null,
        reason: 'the XML breaks off here: text data outside of root node.',
        line: 1,
      },
    ]);
  });

  it('stops at an entry too large to hold (here 300,000 elements), naming it, after the entries before it', async () => {
    const head = `<feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>
<entry><id>tag:blogger.com,1999:blog-1.post-1</id><blogger:type>POST</blogger:type><blogger:status>LIVE</blogger:status><title>Antes</title><content type='html'>ok</content><published>2022-01-01T10:00:00Z</published></entry>
<entry><id>tag:blogger.com,1999:blog-1.post-2</id><content type='html'>`;
    async function* huge(): AsyncGenerator<string> {
      yield head;
      for (let i = 0; i < 300; i += 1) yield '<b/>'.repeat(1000);
      yield `</content></entry>\n</feed>`;
    }
    const items = await itemsOf(PARSERS['blogger-takeout'], Readable.from(huge()));
    expect(items).toHaveLength(2);
    expect(items[0]).toMatchObject({ kind: 'post', post: { title: 'Antes' } });
    expect(items[1]).toEqual({
      kind: 'malformed',
      sourceId: 'tag:blogger.com,1999:blog-1.post-2',
      reason: 'the entry that starts on line 3 is larger than 33554432 characters: the import stops here',
      line: 3,
    });
  });

  it('reads no DTD entities: an entity bomb is an error, not an expansion', async () => {
    const bomb = `<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>
<feed xmlns='http://www.w3.org/2005/Atom'><entry><id>x</id><title>&b;</title></entry></feed>`;
    const items = await itemsOf(PARSERS.blogger, Readable.from([bomb]));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'malformed', reason: expect.stringMatching(/^the XML breaks off here: /) });
  });
});
