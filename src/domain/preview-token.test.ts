import { hasPreviewTokenShape, newPreviewToken, previewTokenHash, previewUrl } from './preview-token';

describe('preview tokens', () => {
  it('are new each time, of the one shape, and hashed to 32 bytes', () => {
    const [a, b] = [newPreviewToken(), newPreviewToken()];
    expect(a).not.toBe(b);
    expect(hasPreviewTokenShape(a)).toBe(true);
    expect(previewTokenHash(a)).toHaveLength(32);
    expect(previewTokenHash(a).equals(previewTokenHash(b))).toBe(false);
  });

  it.each([
    ['', false],
    ['bsp_', false],
    [`bsp_${'A'.repeat(42)}`, false],
    [`bsp_${'A'.repeat(44)}`, false],
    [`bsp_${'A'.repeat(42)}=`, false],
    [`xyz_${'A'.repeat(43)}`, false],
    [`bsp_${'a\u0000'.repeat(21)}a`, false],
    [`bsp_${'-_'.repeat(21)}Z`, true],
  ])('%j has the shape of a token: %s', (token, shaped) => {
    expect(hasPreviewTokenShape(token)).toBe(shaped);
  });
});

describe('previewUrl', () => {
  it.each([
    ['/preview/{token}', undefined, '/preview/T'],
    ['/preview/{token}', 'https://news.example.com', 'https://news.example.com/preview/T'],
    ['/preview/{token}', 'https://news.example.com/', 'https://news.example.com/preview/T'],
    ['/api/draft?token={token}', 'https://news.example.com', 'https://news.example.com/api/draft?token=T'],
    ['https://app.example.com/p/{token}', 'https://news.example.com', 'https://app.example.com/p/T'],
  ])('%s after %s is %s', (template, base, url) => {
    expect(previewUrl(template, base, 'T')).toBe(url);
  });
});
