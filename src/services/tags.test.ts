/**
 * `normalizeTags` against the contract (CONTRACT.md "Rules", Tags): trimmed, lower-cased,
 * de-duplicated in the order given, at most 20 per post; bad tags are BAD_USER_INPUT on `tags`.
 */
import { extensionsOf } from '../../tests/helpers/thrown';
import { normalizeTags } from './tags';

const expectTags = (tags: string[]) => expect(normalizeTags(tags));
const expectRefused = (tags: string[]) =>
  expect(extensionsOf(() => normalizeTags(tags))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'tags' });

describe('normalizeTags', () => {
  it('trims tags', () => expectTags(['  politics ', '\tsport\n']).toEqual(['politics', 'sport']));
  it('lower-cases tags', () => expectTags(['EU', 'Climate Change']).toEqual(['eu', 'climate change']));
  it('collapses inner whitespace to one space', () =>
    expectTags(['new   york', 'los\t\nangeles']).toEqual(['new york', 'los angeles']));
  it('removes duplicates, keeping the first occurrence in order', () =>
    expectTags(['b', 'A', ' a ', 'c', 'B']).toEqual(['b', 'a', 'c']));
  it('treats tags equal after normalizing as duplicates', () =>
    expectTags(['New York', 'new  york ']).toEqual(['new york']));
  it('accepts no tags', () => expectTags([]).toEqual([]));
  it('refuses an empty tag', () => expectRefused(['ok', '']));
  it('refuses a tag of only whitespace', () => expectRefused([' \t ']));
  it('accepts a tag of exactly 50 characters', () => expectTags(['x'.repeat(50)]).toEqual(['x'.repeat(50)]));
  it('refuses a tag over 50 characters', () => expectRefused(['x'.repeat(51)]));
  it('measures the length after trimming', () => expectTags([`  ${'x'.repeat(50)}  `]).toEqual(['x'.repeat(50)]));
  it('accepts 20 distinct tags', () => expectTags(distinct(20)).toHaveLength(20));
  it('refuses more than 20 distinct tags', () => expectRefused(distinct(21)));
  it('counts the limit after de-duplicating: 25 raw tags that are 20 distinct pass', () =>
    expectTags([...distinct(20), 'TAG-1', ' tag-2', 'Tag-3 ', 'tag-4', 'TAG-5']).toEqual(distinct(20)));
});

function distinct(n: number): string[] {
  return Array.from({ length: n }, (_, i) => `tag-${i + 1}`);
}
