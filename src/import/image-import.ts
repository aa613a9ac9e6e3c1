import { decodeHTML } from 'entities';
import { EntityManager } from 'typeorm';
import { ImageType } from '../media/image/image-type';
import { fetchImage } from './image-fetch';
import { Tally } from './import-report';
import { PreparedPost } from './post-batch';
import { SourceIds } from './source-ids';

/** Images fetched at once. */
const FETCHES_AT_ONCE = 4;

/** The media library as the import writes to it (src/import/index.ts makes it from the media capability). */
export interface ImageLibrary {
  /** MEDIA_MAX_BYTES. */
  maxBytes: number;
  /** Stores an image: its id and URL in the library. Absent in a dry run: images are fetched and checked, not stored. */
  store?(image: { bytes: Buffer; type: ImageType; fileName: string }): Promise<{ mediaId: string; url: string }>;
  /** Where a stored file is served. */
  urlOf(storageKey: string): string;
}

/** Each <img> of sanitized HTML (the sanitizer writes attributes double-quoted). */
const IMG = /<img\b[^>]*>/g;
const SRC = /\ssrc="([^"]*)"/;
const SRCSET = /\ssrcset="[^"]*"/;

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

function fileNameOf(url: string): string {
  const last = new URL(url).pathname.split('/').filter(Boolean).pop() ?? '';
  let name = last;
  try {
    name = decodeURIComponent(last);
  } catch {
    // kept as it is
  }
  return name.slice(0, 200) || 'image';
}

/**
 * --import-images: every `<img src>` of the posts being written is fetched into the media
 * library once per run (and not again in a later run: the image's URL is a source id), and the
 * body is rewritten to the library's URL (its srcset, the old site's sizes, goes). An image that
 * cannot be fetched keeps its old URL and is noted; its post's hash is marked, so the next run
 * tries again. Runs outside the batch's transaction: a stored image stays in the library.
 */
export class ImageImporter {
  /** URL -> the library's URL, or why it could not be fetched; bounded by the images the file names. */
  private readonly done = new Map<string, { url: string } | { failed: string }>();

  constructor(
    private readonly library: ImageLibrary,
    private readonly sources: SourceIds,
    /** The pool's manager: an image is stored and remembered at once, whatever its post's batch does. */
    private readonly m: EntityManager,
  ) {}

  async bring(posts: PreparedPost[], tally: Tally): Promise<void> {
    const { m } = this;
    const urls = new Set<string>();
    for (const post of posts) {
      for (const [tag] of post.mapped.body.matchAll(IMG)) {
        const src = SRC.exec(tag)?.[1];
        if (src) urls.add(decodeHTML(src));
      }
    }
    // A relative src (the old site's own path) has no host to fetch from here: left as it is.
    const wanted = [...urls].filter((url) => /^https?:\/\//i.test(url) && !this.done.has(url) && url.length <= 2048);
    const stored = await this.sources.find<{ storageKey: string }>(m, 'image', wanted, 't.storage_key AS "storageKey"');
    const toFetch: string[] = [];
    for (const url of wanted) {
      const earlier = stored.get(url);
      if (earlier?.present) {
        this.done.set(url, { url: this.library.urlOf(earlier.storageKey) });
        tally.image('reused');
      } else toFetch.push(url);
    }
    for (let i = 0; i < toFetch.length; i += FETCHES_AT_ONCE) {
      await Promise.all(toFetch.slice(i, i + FETCHES_AT_ONCE).map((url) => this.fetchOne(url, tally)));
    }
    for (const post of posts) this.rewrite(post, tally);
  }

  private async fetchOne(url: string, tally: Tally): Promise<void> {
    const fetched = await fetchImage(url, this.library.maxBytes);
    if ('failed' in fetched) {
      this.done.set(url, fetched);
      tally.image('failed');
      return;
    }
    tally.image('fetched');
    if (!this.library.store) return; // a dry run: checked, not stored
    try {
      const { mediaId, url: libraryUrl } = await this.library.store({ ...fetched, fileName: fileNameOf(url) });
      await this.sources.record(this.m, 'image', [{ sourceId: url, targetId: mediaId, hash: '' }]);
      this.done.set(url, { url: libraryUrl });
    } catch (error) {
      this.done.set(url, { failed: error instanceof Error ? error.message : String(error) });
      tally.report.images.fetched -= 1;
      tally.image('failed');
    }
  }

  private rewrite(post: PreparedPost, tally: Tally): void {
    let failed = false;
    post.mapped.body = post.mapped.body.replace(IMG, (tag) => {
      const src = SRC.exec(tag)?.[1];
      const outcome = src === undefined ? undefined : this.done.get(decodeHTML(src));
      if (!outcome) return tag;
      if ('failed' in outcome) {
        failed = true;
        tally.note('image', decodeHTML(src!), post.line, `not fetched (${outcome.failed}): kept its old URL`);
        return tag;
      }
      return tag.replace(SRCSET, '').replace(SRC, ` src="${escapeAttribute(outcome.url)}"`);
    });
    // The next run's hash differs, so it tries the image again.
    if (failed) post.hash = `${post.hash}!`;
  }
}
