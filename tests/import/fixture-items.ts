import fs from 'node:fs';
import path from 'node:path';
import { detectFormat, PARSERS } from '../../src/import/formats';
import type { SourceComment, SourceItem, SourcePost } from '../../src/import/source-records';

const fixtures = path.join(__dirname, 'fixtures');

/** A fixture read as the importer reads an upload: its format from the first 4 KB, then streamed. */
export async function fixtureItems(name: string): Promise<SourceItem[]> {
  const file = path.join(fixtures, name);
  const head = fs.readFileSync(file).subarray(0, 4096).toString('utf8');
  const format = detectFormat(head);
  if (!format) throw new Error(`${name} is not an export detectFormat knows`);
  const items: SourceItem[] = [];
  for await (const item of PARSERS[format](fs.createReadStream(file, { highWaterMark: 1024 }))) items.push(item);
  return items;
}

/** The 1-based line of the first line holding `needle` (at or after `after`, when given). */
export function lineOf(name: string, needle: string, after?: string): number {
  const text = fs.readFileSync(path.join(fixtures, name), 'utf8');
  const from = after === undefined ? 0 : text.indexOf(after);
  const at = text.indexOf(needle, from);
  if (from < 0 || at < 0) throw new Error(`${needle} is not in ${name}`);
  return text.slice(0, at).split('\n').length;
}

/** The 1-based lines of every line holding `needle`. */
export function linesOf(name: string, needle: string): number[] {
  const lines = fs.readFileSync(path.join(fixtures, name), 'utf8').split('\n');
  return lines.flatMap((line, index) => (line.includes(needle) ? [index + 1] : []));
}

/** The posts among the items, by source id. */
export function postsOf(items: SourceItem[]): Map<string, SourcePost> {
  return new Map(items.flatMap((item) => (item.kind === 'post' ? [[item.post.sourceId, item.post]] : [])));
}

/** The `comment` items (Blogger's), by source id, with the post each names. */
export function commentsOf(items: SourceItem[]): Map<string, SourceComment & { postSourceId: string }> {
  return new Map(
    items.flatMap((item) =>
      item.kind === 'comment' ? [[item.comment.sourceId, { ...item.comment, postSourceId: item.postSourceId }]] : [],
    ),
  );
}
