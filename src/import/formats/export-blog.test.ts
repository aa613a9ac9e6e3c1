import { exportBlog } from './export-blog';

const wxr = (channel: string, items = '') => `<?xml version="1.0"?><rss><channel>${channel}${items}</channel></rss>`;

describe('exportBlog', () => {
  it.each([
    [
      wxr('<link>https://cronicas.example.pt</link><wp:base_blog_url>https://cronicas.example.pt</wp:base_blog_url>'),
      'cronicas.example.pt',
    ],
    [wxr('<wp:base_blog_url>http://www.Diario.example.pt/</wp:base_blog_url>'), 'diario.example.pt'],
    // A multisite network's blog: its own address, not the network's (wp:base_site_url).
    [
      wxr(
        '<wp:base_site_url>https://net.example</wp:base_site_url><wp:base_blog_url>https://net.example/lisboa</wp:base_blog_url>',
      ),
      'net.example/lisboa',
    ],
    [wxr('<link><![CDATA[https://old.example/blog/]]></link>'), 'old.example/blog'],
    // No address in the channel: an item's link is a post's, not the blog's.
    [wxr('<title>x</title>', '<item><link>https://post.example/1/</link></item>'), ''],
  ])('names a WordPress export by its address (%#)', (head, blog) => expect(exportBlog(head, 'wordpress')).toBe(blog));

  it("names no Blogger blog: Blogger's ids carry theirs", () => {
    expect(exportBlog('<feed><link rel="alternate" href="https://a.blogspot.com/"/></feed>', 'blogger')).toBe('');
    expect(exportBlog('<feed></feed>', 'blogger-takeout')).toBe('');
  });
});
