/**
 * Page and limit arguments are bound-checked without class-validator (they come with every
 * nested list); the answers must be the contract's: `first`/`last`/`limit` in 1..100.
 */
import 'reflect-metadata';
import { FeaturedPostsArgs, PageArgs } from './page.args';

const expectPage = (args: Partial<PageArgs>) => expect(Object.assign(new PageArgs(), args).boundViolations());
const expectLimit = (limit: number) => expect(Object.assign(new FeaturedPostsArgs(), { limit }).boundViolations());

describe('page arguments', () => {
  it('accepts 1 and 100', () => expectPage({ first: 1, last: 100 }).toEqual([]));
  it('accepts absent and null values', () => expectPage({ first: null, after: null }).toEqual([]));
  it('refuses 0', () =>
    expectPage({ first: 0 }).toEqual([{ property: 'first', message: 'first must not be less than 1' }]));
  it('refuses 101 for last', () =>
    expectPage({ last: 101 }).toEqual([{ property: 'last', message: 'last must not be greater than 100' }]));
  it('refuses a cursor over 500 characters', () =>
    expectPage({ before: 'x'.repeat(501) }).toEqual([
      { property: 'before', message: 'before must be shorter than or equal to 500 characters' },
    ]));
  it('names every broken bound', () => expectPage({ first: -1, last: 0 }).toHaveLength(2));
});

describe('limit arguments', () => {
  it('accepts 5', () => expectLimit(5).toEqual([]));
  it('refuses -3', () => expectLimit(-3).toEqual([{ property: 'limit', message: 'limit must not be less than 1' }]));
});
