import { chooseFormat } from './choose-format';

const WXR = '<?xml version="1.0"?>\n<rss version="2.0" xmlns:wp="http://wordpress.org/export/1.2/"><channel>';
const TAKEOUT =
  "<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom' xmlns:blogger='http://schemas.google.com/blogger/2018'>";
const ATOM = "<?xml version='1.0'?><!-- a comment --><feed xmlns='http://www.w3.org/2005/Atom'><title>x</title>";
const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>a feed</title>';

describe('chooseFormat', () => {
  it.each([
    ['a WXR', WXR, null, 'wordpress'],
    ['a WXR named wordpress', WXR, 'wordpress', 'wordpress'],
    ['a Takeout feed named blogger', TAKEOUT, 'blogger', 'blogger-takeout'],
    // Not recognised, and of the format's kind: as --format says.
    ['an Atom feed named blogger', ATOM, 'blogger', 'blogger'],
    ['an RSS feed named wordpress', RSS, 'wordpress', 'wordpress'],
  ] as const)('reads %s as given or recognised', (_, head, given, format) =>
    expect(chooseFormat(head, given)).toEqual({ format }),
  );

  it.each([
    ['a WXR named blogger', WXR, 'blogger', 'is a WordPress export, not blogger'],
    ['a Takeout feed named wordpress', TAKEOUT, 'wordpress', 'is a Blogger export, not wordpress'],
    ['an RSS feed', RSS, null, 'is no Blogger or WordPress export this recognises; name its format with --format'],
    [
      'an Atom feed named wordpress',
      ATOM,
      'wordpress',
      'is not a WordPress export: its root element is <feed>, not <rss>',
    ],
    [
      'a text file named wordpress',
      '# README\n\nSome text',
      'wordpress',
      'is not a WordPress export: it is not XML, not <rss>',
    ],
    [
      'an HTML page named blogger',
      '<!DOCTYPE html><html lang="pt">',
      'blogger',
      'is not a Blogger export: its root element is <html>, not <feed>',
    ],
    ['a zip', 'PK\u0003\u0004\u0014\u0000', 'blogger', expect.stringMatching(/^is an archive: unpack it/)],
    ['a gzip file', '\u001f\uFFFD\u0008\u0000', null, expect.stringMatching(/^is an archive: unpack it/)],
  ] as const)('refuses %s', (_, head, given, refused) => expect(chooseFormat(head, given)).toEqual({ refused }));
});
