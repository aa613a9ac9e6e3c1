/**
 * `pageSizeOf` is the list size the cost estimate multiplies by: `last`, else `first`, else
 * `limit`, held to 1..100 so that no argument can shrink (or blow up) the estimate.
 */
import { pageSizeOf } from './list-size.estimator';

const expectSize = (args: Record<string, unknown>) => expect(pageSizeOf(args));

describe('pageSizeOf', () => {
  it('reads `first`', () => expectSize({ first: 20 }).toBe(20));
  it('reads `last`', () => expectSize({ last: 7 }).toBe(7));
  it('reads `limit`', () => expectSize({ limit: 5 }).toBe(5));
  it('prefers `last` over `first`', () => expectSize({ first: 20, last: 3 }).toBe(3));
  it('prefers `first` over `limit`', () => expectSize({ first: 8, limit: 50 }).toBe(8));
  it('falls back to `first` when `last` is null', () => expectSize({ first: 20, last: null }).toBe(20));
  it('clamps to 100 at most', () => expectSize({ first: 10_000 }).toBe(100));
  it('keeps exactly 100', () => expectSize({ last: 100 }).toBe(100));
  it('clamps 0 to 1', () => expectSize({ first: 0 }).toBe(1));
  it('clamps a negative size to 1', () => expectSize({ last: -5 }).toBe(1));
  it('truncates a fraction', () => expectSize({ first: 2.7 }).toBe(2));
  it('truncates a fraction below 1 and then clamps to 1', () => expectSize({ limit: 0.5 }).toBe(1));
  it('is undefined when no size is given', () => expectSize({}).toBeUndefined());
  it('is undefined when every size is null', () =>
    expectSize({ first: null, last: null, limit: null }).toBeUndefined());
  it('ignores unrelated arguments', () => expectSize({ after: 'abc', tag: 'news' }).toBeUndefined());
});
