import type { SourceFormat, SourceParser } from '../source-records';
import { parseBloggerClassic } from './blogger-classic';
import { parseBloggerTakeout } from './blogger-takeout';
import { parseWordPress } from './wordpress-wxr';

export { chooseFormat } from './choose-format';
export { detectFormat } from './detect-format';
export { exportBlog } from './export-blog';

/** Each export format's streaming parser: a file in, its items out in file order, memory flat. */
export const PARSERS: Record<SourceFormat, SourceParser> = {
  blogger: parseBloggerClassic,
  'blogger-takeout': parseBloggerTakeout,
  wordpress: parseWordPress,
};
