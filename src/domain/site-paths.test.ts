import { SitePaths } from './site-paths';

describe('SitePaths', () => {
  it.each([
    ['/posts/{slug}', '/posts/harbour-ferries'],
    ['/posts/{slug}/', '/posts/harbour-ferries'],
    ['/{slug}', '/harbour-ferries'],
    ['/news/{slug}.html', '/news/harbour-ferries.html'],
    ['posts/{slug}', '/posts/harbour-ferries'],
    ['https://news.example.com/stories/{slug}', '/stories/harbour-ferries'],
  ])('%j shows the post harbour-ferries at %j, and reads the slug back from it', (template, path) => {
    const paths = new SitePaths(template);
    expect(paths.postPath('harbour-ferries')).toBe(path);
    expect(paths.slugAt(path)).toBe('harbour-ferries');
  });

  it.each([
    ['/posts/{slug}', '/posts'],
    ['/posts/{slug}', '/posts/a/b'],
    ['/posts/{slug}', '/about'],
    ['/posts/{slug}', '/posts/Harbour'],
    ['/posts/{slug}', '/posts/caf%C3%A9'],
    ['/news/{slug}.html', '/news/a.htm'],
    ['/{slug}', '/'],
  ])('with %j, no post can be at %j', (template, path) => {
    expect(new SitePaths(template).slugAt(path)).toBeNull();
  });

  it('reads full URLs of PUBLIC_BASE_URL (whatever its path) as paths, and no others', () => {
    const paths = new SitePaths('/posts/{slug}', 'https://news.example.com/edition/');
    expect(paths.path('https://news.example.com/posts/a?x=1', 'path')).toBe('/posts/a');
    expect(paths.location('https://news.example.com/posts/b/')).toBe('/posts/b');
    expect(() => paths.path('https://example.com/posts/a', 'path')).toThrow(/path/);
  });

  it.each(['/posts/', '/posts/{slug}/{slug}', '/?p={slug}'])('refuses to start with the template %j', (template) => {
    expect(() => new SitePaths(template)).toThrow(/POST_URL_TEMPLATE/);
  });
});
