import fs from 'node:fs';
import path from 'node:path';
import { decodeXML } from 'entities';

/**
 * The entries of an export fixture as the file itself says them, read with plain patterns
 * rather than the importer's parsers, so what a test expects of the import (every old URL, every
 * post, its status and tags) comes from the export and not from the code under test. The
 * fixtures are written by hand, one element per line or entry, so patterns read them.
 */
export interface FixtureEntry {
  /** The export's id (Blogger's entry id, WordPress's wp:post_id), when it has one. */
  id: string | null;
  /** The entry's first line, and the first line after it. */
  from: number;
  to: number;
  /** post, page, comment, attachment, nav_menu_item, template, settings... in lower case. */
  type: string;
  /** As the export states it, in one vocabulary; `unknown` for a word no exporter writes. */
  state: 'live' | 'scheduled' | 'draft' | 'private' | 'trash' | 'unknown';
  title: string;
  /** Labels, categories and tags, as written. */
  tags: string[];
  /** The entry's address on the old site (a bare path where the export names no host), or null. */
  url: string | null;
  /** The raw body, still escaped as the file has it. */
  body: string;
}

/** A fixture file and the format it is in. */
export interface Fixture {
  name: string;
  format: 'wordpress' | 'blogger' | 'blogger-takeout';
}

/** A field's text: CDATA as it is, anything else with its XML escapes decoded. */
function text(raw: string | undefined): string {
  if (raw === undefined) return '';
  const cdata = /^<!\[CDATA\[([\s\S]*)\]\]>$/.exec(raw.trim());
  return cdata ? cdata[1] : decodeXML(raw);
}

const field = (block: string, tag: string) =>
  text(new RegExp(`<${tag}(?:\\s[^>]*)?>([\\s\\S]*?)</${tag}>`).exec(block)?.[1]);
const all = (block: string, pattern: RegExp) => [...block.matchAll(pattern)].map((match) => text(match[1]));
const attribute = (block: string, pattern: RegExp) => {
  const value = pattern.exec(block)?.[1];
  return value === undefined ? null : decodeXML(value);
};

const WORDPRESS_STATES: Record<string, FixtureEntry['state']> = {
  publish: 'live',
  inherit: 'live', // an attachment: as its post
  future: 'scheduled',
  draft: 'draft',
  pending: 'draft',
  private: 'private',
  trash: 'trash',
};
const TAKEOUT_STATES: Record<string, FixtureEntry['state']> = {
  LIVE: 'live',
  SCHEDULED: 'scheduled',
  DRAFT: 'draft',
  SOFT_TRASHED: 'trash',
};

function wordpress(block: string): Omit<FixtureEntry, 'from' | 'to'> {
  return {
    id: field(block, 'wp:post_id') || null,
    type: field(block, 'wp:post_type'),
    state: WORDPRESS_STATES[field(block, 'wp:status')] ?? 'unknown',
    title: field(block, 'title'),
    // The default category ("Uncategorized") and post formats are WordPress's, not the author's.
    tags: all(block, /<category domain="(?:category|post_tag)" nicename="(?!uncategorized")[^"]*">(.*?)<\/category>/g),
    url: field(block, 'link') || null,
    body: field(block, 'content:encoded'),
  };
}

function bloggerBackup(block: string): Omit<FixtureEntry, 'from' | 'to'> {
  const published = new Date(field(block, 'published'));
  const draft = block.includes('<app:draft>yes</app:draft>');
  return {
    id: field(block, 'id') || null,
    type: /kind#(\w+)'/.exec(block)?.[1] ?? '',
    state: draft ? 'draft' : published.getTime() > Date.now() ? 'scheduled' : 'live',
    title: field(block, 'title'),
    tags: all(block, /<category scheme='http:\/\/www\.blogger\.com\/atom\/ns#' term='([^']*)'\/>/g),
    url: attribute(block, /<link rel='alternate' type='text\/html' href='([^']*)'/),
    body: field(block, 'content'),
  };
}

function bloggerTakeout(block: string, site: string | null): Omit<FixtureEntry, 'from' | 'to'> {
  // The entry's own fields: its author has a blogger:type too.
  const own = block.replace(/<author>[\s\S]*?<\/author>/, '');
  const filename = field(own, 'blogger:filename');
  return {
    id: field(own, 'id') || null,
    type: field(own, 'blogger:type').toLowerCase(),
    state: TAKEOUT_STATES[field(own, 'blogger:status')] ?? 'unknown',
    title: field(own, 'title'),
    tags: all(block, /<category scheme='[^']*' term='([^']*)'\/>/g),
    url: filename ? `${site ?? ''}${filename}` : null,
    body: field(block, 'content'),
  };
}

/** Every <item> (WordPress) or <entry> (Blogger) of `name`, in file order, the last one to the file's end. */
export function fixtureEntries({ name, format }: Fixture): FixtureEntry[] {
  const file = fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
  const opening = format === 'wordpress' ? '<item>' : '<entry>';
  const lineAt = (offset: number) => file.slice(0, offset).split('\n').length;
  const starts: number[] = [];
  for (let at = file.indexOf(opening); at >= 0; at = file.indexOf(opening, at + 1)) starts.push(at);
  // Takeout names paths only; a feed-level alternate link (when there is one) gives the site.
  const feedHead = file.slice(0, starts[0] ?? file.length);
  const site = attribute(feedHead, /<link rel=["']alternate["'][^>]*href=["']([^"']*?)\/?["']/);
  const lastLine = file.split('\n').length + 1;
  return starts.map((start, i) => {
    const block = file.slice(start, starts[i + 1] ?? file.length);
    const entry =
      format === 'wordpress'
        ? wordpress(block)
        : format === 'blogger'
          ? bloggerBackup(block)
          : bloggerTakeout(block, site);
    return { ...entry, from: lineAt(start), to: starts[i + 1] === undefined ? lastLine : lineAt(starts[i + 1]) };
  });
}

/** What resolveUrl is asked for an old URL: its path, query and fragment (resolveUrl drops the last two). */
export function pathOf(url: string): string {
  if (url.startsWith('/')) return url;
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}${parsed.hash}`;
}

/** A title as a post keeps it: runs of white space as one space, trimmed. */
export const titleAsKept = (title: string) => title.replace(/\s+/g, ' ').trim();
