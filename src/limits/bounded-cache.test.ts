import { BoundedCache } from './bounded-cache';

const keep = (cache: BoundedCache<number>, key: string, value: number) => cache.getOrMake(key, () => value);

describe('BoundedCache', () => {
  it('computes a value once and then answers it', () => {
    const cache = new BoundedCache<number>(2);
    expect(keep(cache, 'a', 1)).toBe(1);
    expect(keep(cache, 'a', 2)).toBe(1);
  });

  it('drops the least recently used entry past its bound', () => {
    const cache = new BoundedCache<number>(2);
    keep(cache, 'a', 1);
    keep(cache, 'b', 2);
    keep(cache, 'a', 0); // a is now the most recently used
    keep(cache, 'c', 3);
    expect(cache.size).toBe(2);
    expect(keep(cache, 'a', 9)).toBe(1);
    expect(keep(cache, 'b', 9)).toBe(9);
  });

  it('replaces a value set again, without growing', () => {
    const cache = new BoundedCache<number>(2);
    cache.set('a', 1);
    cache.set('a', 2);
    expect([cache.get('a'), cache.size]).toEqual([2, 1]);
  });

  it('keeps nothing with 0 entries', () => {
    const cache = new BoundedCache<number>(0);
    expect(keep(cache, 'a', 1)).toBe(1);
    expect(keep(cache, 'a', 2)).toBe(2);
    expect(cache.size).toBe(0);
  });
});
