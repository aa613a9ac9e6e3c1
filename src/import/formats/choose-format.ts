import type { SourceFormat } from '../source-records';
import { detectFormat } from './detect-format';

/** What `--format` names: Blogger's two exports are one family, told apart by their start. */
export type FormatFamily = 'blogger' | 'wordpress';

const FAMILY: Record<SourceFormat, FormatFamily> = {
  blogger: 'blogger',
  'blogger-takeout': 'blogger',
  wordpress: 'wordpress',
};
const NAMES: Record<FormatFamily, string> = { blogger: 'a Blogger', wordpress: 'a WordPress' };
/** The root element each family's exports have: Atom's feed, RSS's rss. */
const ROOT: Record<FormatFamily, string> = { blogger: 'feed', wordpress: 'rss' };

/** The local name of a document's root element, past its declaration, comments, doctype and PIs. */
function rootElementOf(head: string): string | null {
  const text = head.replace(/^\uFEFF/, '').replace(/^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)*/i, '');
  return /^<(?:[\w.-]+:)?([\w.-]+)[\s/>]/.exec(text)?.[1] ?? null;
}

/**
 * The format to read a file in, from its first KB and the `--format` given (null: none), or why
 * the file is refused: recognised, it is read as what it is (a Blogger file named `wordpress`
 * would import nothing and say so only by its zeros); not recognised, `--format` decides, as long
 * as the file is XML with that format's root element; a zip or gzip archive (Takeout comes as
 * one) must be unpacked first.
 */
export function chooseFormat(
  head: string,
  given: FormatFamily | null,
): { format: SourceFormat; refused?: never } | { refused: string; format?: never } {
  if (head.startsWith('PK\u0003\u0004') || head.startsWith('\u001f\uFFFD')) {
    return {
      refused: 'is an archive: unpack it and import the export inside (Takeout: Blogger/Blogs/<blog>/feed.atom)',
    };
  }
  const detected = detectFormat(head);
  if (detected && given && FAMILY[detected] !== given) {
    return { refused: `is ${NAMES[FAMILY[detected]]} export, not ${given}` };
  }
  if (detected) return { format: detected };
  if (!given) return { refused: 'is no Blogger or WordPress export this recognises; name its format with --format' };
  const root = rootElementOf(head);
  if (root !== ROOT[given]) {
    return {
      refused: `is not ${NAMES[given]} export: ${root ? `its root element is <${root}>` : 'it is not XML'}, not <${ROOT[given]}>`,
    };
  }
  return { format: given };
}
