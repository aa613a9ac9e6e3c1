import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * `npm run bench:import-wxr -- --posts N --out FILE`: writes a WordPress WXR 1.2 export of N
 * published posts with 2 comments each (the second a reply to the first), for measuring the
 * importer on a file of any size. The file is generated one post at a time and streamed to disk
 * with backpressure, so 20,000 posts and 40,000 comments (56 MB) take no more memory than 20
 * posts. Deterministic: post i has the same text in every run.
 */

const USAGE = `usage: npm run bench:import-wxr -- --posts N --out FILE
  --posts N    posts to write, each with 2 comments (default 20000)
  --out FILE   where to write the WXR file`;

const TITLES = ['Crónica de Lisboa', 'Η Αθήνα το βράδυ', 'Notes from the road', 'Café com leite ☕'];

const HEAD = `<?xml version="1.0" encoding="UTF-8" ?>
<!-- generator="broadsheet bench/import-wxr.ts" -->
<rss version="2.0"
	xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/"
	xmlns:content="http://purl.org/rss/1.0/modules/content/"
	xmlns:wfw="http://wellformedweb.org/CommentAPI/"
	xmlns:dc="http://purl.org/dc/elements/1.1/"
	xmlns:wp="http://wordpress.org/export/1.2/"
>
<channel>
	<title>Bench blog</title>
	<link>https://bench.example</link>
	<description>A generated export</description>
	<language>pt-PT</language>
	<wp:wxr_version>1.2</wp:wxr_version>
	<wp:base_site_url>https://bench.example</wp:base_site_url>
	<wp:base_blog_url>https://bench.example</wp:base_blog_url>
	<wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[editor]]></wp:author_login><wp:author_email><![CDATA[editor@bench.example]]></wp:author_email><wp:author_display_name><![CDATA[Bench Editor]]></wp:author_display_name></wp:author>
`;
const TAIL = '</channel>\n</rss>\n';

/** The WXR of `posts` posts, one string per post (head and tail apart). */
export async function* wxrChunks(posts: number): AsyncGenerator<string> {
  yield HEAD;
  const start = Date.UTC(2015, 0, 1);
  for (let i = 1; i <= posts; i += 1) yield wxrItem(i, new Date(start + i * 3_600_000));
  yield TAIL;
}

function mysqlDate(date: Date): string {
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function wxrItem(i: number, date: Date): string {
  const title = `${TITLES[i % TITLES.length]} #${i}`;
  const slug = `post-${i}`;
  const paragraph = `<p>Paragraph of post ${i}: <strong>bold</strong>, <em>emphasis</em> and <a href="https://bench.example/${i}">a link</a>.</p>\n`;
  const comment = (id: number, parent: number, minutes: number, text: string) => `		<wp:comment>
			<wp:comment_id>${id}</wp:comment_id>
			<wp:comment_author><![CDATA[Reader ${id}]]></wp:comment_author>
			<wp:comment_author_email><![CDATA[reader${id}@bench.example]]></wp:comment_author_email>
			<wp:comment_date_gmt><![CDATA[${mysqlDate(new Date(date.getTime() + minutes * 60_000))}]]></wp:comment_date_gmt>
			<wp:comment_content><![CDATA[${text}]]></wp:comment_content>
			<wp:comment_approved><![CDATA[1]]></wp:comment_approved>
			<wp:comment_type><![CDATA[comment]]></wp:comment_type>
			<wp:comment_parent>${parent}</wp:comment_parent>
		</wp:comment>
`;
  return `	<item>
		<title><![CDATA[${title}]]></title>
		<link>https://bench.example/${date.getUTCFullYear()}/${slug}/</link>
		<dc:creator><![CDATA[editor]]></dc:creator>
		<content:encoded><![CDATA[${paragraph.repeat(8)}]]></content:encoded>
		<wp:post_id>${i}</wp:post_id>
		<wp:post_date><![CDATA[${mysqlDate(date)}]]></wp:post_date>
		<wp:post_date_gmt><![CDATA[${mysqlDate(date)}]]></wp:post_date_gmt>
		<wp:post_name><![CDATA[${slug}]]></wp:post_name>
		<wp:status><![CDATA[publish]]></wp:status>
		<wp:post_type><![CDATA[post]]></wp:post_type>
		<category domain="category" nicename="bench"><![CDATA[Bench]]></category>
		<category domain="post_tag" nicename="tag-${i % 50}"><![CDATA[Tag ${i % 50}]]></category>
${comment(2 * i - 1, 0, 30, `First comment on post ${i}.`)}${comment(2 * i, 2 * i - 1, 90, `A reply on post ${i}.`)}	</item>
`;
}

/** Writes the WXR of `posts` posts to `file`, streamed. */
export async function writeWxr(file: string, posts: number): Promise<void> {
  await pipeline(Readable.from(wxrChunks(posts)), fs.createWriteStream(file));
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let posts = 20_000;
  let out: string | undefined;
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--posts' && Number.isInteger(Number(argv[i + 1])) && Number(argv[i + 1]) > 0)
      posts = Number(argv[i + 1]);
    else if (argv[i] === '--out' && argv[i + 1]) out = argv[i + 1];
    else {
      console.error(`import-wxr: bad argument ${argv[i]} ${argv[i + 1] ?? ''}\n${USAGE}`);
      process.exit(2);
    }
  }
  if (!out) {
    console.error(USAGE);
    process.exit(2);
  }
  await writeWxr(out, posts);
  console.error(`import-wxr: ${posts} posts and ${2 * posts} comments in ${out} (${fs.statSync(out).size} bytes)`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
