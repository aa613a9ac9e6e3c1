import { notModified } from './conditional-request';

describe('notModified', () => {
  const modified = new Date('2026-11-30T06:00:00.500Z');
  it('matches an If-None-Match weakly, in a list, or *; whatever Cache-Control says', () => {
    expect(notModified({ 'if-none-match': 'W/"a"', 'cache-control': 'no-cache' }, 'W/"a"', modified)).toBe(true);
    expect(notModified({ 'if-none-match': '"b", "a"' }, 'W/"a"', modified)).toBe(true);
    expect(notModified({ 'if-none-match': '*' }, 'W/"a"', modified)).toBe(true);
    expect(
      notModified({ 'if-none-match': '"b"', 'if-modified-since': modified.toUTCString() }, 'W/"a"', modified),
    ).toBe(false);
  });
  it('without If-None-Match, compares If-Modified-Since in whole seconds', () => {
    expect(notModified({ 'if-modified-since': 'Mon, 30 Nov 2026 06:00:00 GMT' }, 'W/"a"', modified)).toBe(true);
    expect(notModified({ 'if-modified-since': 'Mon, 30 Nov 2026 05:59:59 GMT' }, 'W/"a"', modified)).toBe(false);
    expect(notModified({ 'if-modified-since': 'yesterday' }, 'W/"a"', modified)).toBe(false);
    expect(notModified({}, 'W/"a"', modified)).toBe(false);
  });
});
