import { normalizeLocation, normalizePath } from './url-path';

const SITE = 'https://news.example.com';
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string; field?: string } }).extensions;
  }
  return undefined;
};

describe('normalizePath', () => {
  it.each([
    ['/', '/'],
    ['/posts/harbour-ferries', '/posts/harbour-ferries'],
    ['/posts/harbour-ferries/', '/posts/harbour-ferries'],
    ['/posts/harbour-ferries?utm_source=x&b=2', '/posts/harbour-ferries'],
    ['/posts/harbour-ferries#comments', '/posts/harbour-ferries'],
    ['/posts/harbour-ferries/?a=1#top', '/posts/harbour-ferries'],
    ['//posts///harbour-ferries//', '/posts/harbour-ferries'],
    ['  /posts/x  ', '/posts/x'],
    ['/?q=1', '/'],
    ['//', '/'],
    ['/posts/./a/../b', '/posts/b'],
    ['/posts/%2e%2E/about', '/about'],
    ['/../../etc', '/etc'],
    ['/posts/%68arbour', '/posts/harbour'],
    ['/2024/05/caf%c3%a9.html', '/2024/05/caf%C3%A9.html'],
    ['/2024/05/café.html', '/2024/05/caf%C3%A9.html'],
    ['/a%20b', '/a%20b'],
    ['/a b', '/a%20b'],
    ['/what%3F%23', '/what%3F%23'],
    ['/100%25', '/100%25'],
    ['/a%2Fb', '/a/b'],
    ['/a\\b', '/a%5Cb'],
    ['/%00', '/%00'],
    ["/it's-(here)!~*:@$&+,;=", "/it's-(here)!~*:@$&+,;="],
    ['/Posts/Harbour', '/Posts/Harbour'],
    [`${SITE}/posts/harbour/?x=1`, '/posts/harbour'],
    [`${SITE}`, '/'],
    ['HTTPS://NEWS.example.com:443/posts/a', '/posts/a'],
  ])('%j is %j', (raw, normalized) => {
    expect(normalizePath(raw, 'path', SITE)).toBe(normalized);
  });

  it.each(['/2024/05/café.html?x#y', '/a%20b/./c//', "/it's", '/a%2Fb%3F', '/'])(
    'normalising %j twice changes nothing',
    (raw) => {
      const once = normalizePath(raw, 'path');
      expect(normalizePath(once, 'path')).toBe(once);
    },
  );

  it.each([
    ['no leading slash', 'posts/harbour'],
    ['empty', ''],
    ['a malformed escape', '/posts/%zz'],
    ['a truncated escape', '/posts/%E'],
    ['an escape that is not UTF-8', '/posts/%ff'],
    ['a lone surrogate', '/posts/\ud800x'],
    ['another site', 'https://elsewhere.example.org/posts/a'],
    ['the site over another scheme', 'http://news.example.com/posts/a'],
    ['not http', 'javascript:alert(1)'],
    ['a mailto', 'mailto:editor@example.com'],
    ['too long once normalised', `/${'a'.repeat(2048)}`],
    ['too long as given', `/a?${'q'.repeat(9000)}`],
  ])('%s is BAD_USER_INPUT naming the field', (_case, raw) => {
    expect(codeOf(() => normalizePath(raw, 'path', SITE))).toEqual({ code: 'BAD_USER_INPUT', field: 'path' });
  });

  it('takes no full URL at all when the site has no PUBLIC_BASE_URL', () => {
    expect(codeOf(() => normalizePath(`${SITE}/posts/a`, 'path'))).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('a path of exactly 2048 characters is kept', () => {
    const path = `/${'a'.repeat(2047)}`;
    expect(normalizePath(path, 'path')).toBe(path);
  });
});

describe('normalizeLocation', () => {
  it.each([
    ['/posts/new-slug/', '/posts/new-slug'],
    ['/posts/new-slug?campaign=x#top', '/posts/new-slug'],
    ['//evil.example.org/phish', '/evil.example.org/phish'],
    ['/\\evil.example.org', '/%5Cevil.example.org'],
    [`${SITE}/posts/a/`, '/posts/a'],
    ['https://elsewhere.example.org/a b?q=1#x', 'https://elsewhere.example.org/a%20b?q=1#x'],
    ['http://münchen.example/straße', 'http://xn--mnchen-3ya.example/stra%C3%9Fe'],
    ['https://example.org', 'https://example.org/'],
  ])('%j leads to %j', (raw, normalized) => {
    expect(normalizeLocation(raw, SITE)).toBe(normalized);
  });

  it.each(['javascript:alert(1)', 'ftp://example.org/file', 'data:text/html,x', 'relative/path', 'https://', ''])(
    '%j is BAD_USER_INPUT on location',
    (raw) => {
      expect(codeOf(() => normalizeLocation(raw, SITE))).toEqual({ code: 'BAD_USER_INPUT', field: 'location' });
    },
  );
});
