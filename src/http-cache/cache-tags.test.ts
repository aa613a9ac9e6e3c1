import { cacheTagHeaders, cacheTags } from './cache-tags';

describe('cacheTags', () => {
  it('keeps every key while they fit in a header, sorted', () => {
    expect(cacheTags(['post:b', 'list:post', 'author:a'])).toEqual(['author:a', 'list:post', 'post:b']);
  });

  it('falls back to the list key (and featured) when the keys would not fit in 8,000 bytes', () => {
    const many = Array.from({ length: 200 }, (_, i) => `post:${'x'.repeat(50)}${i}`);
    expect(cacheTags([...many, 'list:post', 'author:a'])).toEqual(['list:post']);
    expect(cacheTags([...many, 'featured'])).toEqual(['featured', 'list:post']);
  });
});

describe('cacheTagHeaders', () => {
  const keys = ['post:b', 'list:post'];
  it.each([
    [
      'both',
      [
        ['surrogate-key', 'list:post post:b'],
        ['cache-tag', 'list:post,post:b'],
      ],
    ],
    ['surrogate-key', [['surrogate-key', 'list:post post:b']]],
    ['cache-tag', [['cache-tag', 'list:post,post:b']]],
    ['none', []],
  ] as const)('%s', (which, headers) => expect(cacheTagHeaders(keys, which)).toEqual(headers));

  it('sends none for an answer with no keys', () => expect(cacheTagHeaders([], 'both')).toEqual([]));
});
