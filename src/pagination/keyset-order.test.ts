/**
 * `keysetCondition` turns a cursor into the SQL "after/before this row" for a list's order, and
 * refuses (BAD_USER_INPUT) a cursor value its column type cannot take, before it reaches SQL.
 */
import { extensionsOf } from '../../tests/helpers/thrown';
import { encodeCursor } from './cursor';
import { KeysetOrder, keysetCondition } from './keyset-order';
import { BY_CREATED_AT_ASC, BY_NAME, BY_PUBLISHED_AT, BY_SEARCH_RANK } from './sort-orders';

const ID = '3f2b8c1e-9a4d-4c6b-8e2f-0a1b2c3d4e5f';
const AT = '2024-05-01T12:30:00.123Z';

const condition = (
  order: KeysetOrder,
  value: string | number | null,
  side: 'after' | 'before',
  params: unknown[] = [],
) => keysetCondition(order, encodeCursor(order.name, { value, id: ID }), side, params);
const expectRefused = (order: KeysetOrder, value: string | number | null, side: 'after' | 'before' = 'after') =>
  expect(extensionsOf(() => condition(order, value, side))).toMatchObject({ code: 'BAD_USER_INPUT', field: side });

describe('keysetCondition', () => {
  it("gives '<' for 'after' on a DESC order", () =>
    expect(condition(BY_PUBLISHED_AT, AT, 'after')).toBe('(p.published_at, p.id) < ($1::timestamptz, $2::uuid)'));
  it("gives '>' for 'before' on a DESC order", () =>
    expect(condition(BY_PUBLISHED_AT, AT, 'before')).toBe('(p.published_at, p.id) > ($1::timestamptz, $2::uuid)'));
  it("gives '>' for 'after' on an ASC order", () =>
    expect(condition(BY_CREATED_AT_ASC, AT, 'after')).toBe('(c.created_at, c.id) > ($1::timestamptz, $2::uuid)'));
  it("gives '<' for 'before' on an ASC order", () =>
    expect(condition(BY_CREATED_AT_ASC, AT, 'before')).toBe('(c.created_at, c.id) < ($1::timestamptz, $2::uuid)'));

  it('pushes the value and the id onto params', () => {
    const params: unknown[] = [];
    condition(BY_PUBLISHED_AT, AT, 'after', params);
    expect(params).toEqual([AT, ID]);
  });
  it('numbers its placeholders after the params already there', () => {
    const params: unknown[] = ['search words'];
    expect(condition(BY_SEARCH_RANK, 0.5, 'after', params)).toBe(
      '(ts_rank(p.search, q)::float8, p.id) < ($2::float8, $3::uuid)',
    );
    expect(params).toEqual(['search words', 0.5, ID]);
  });
  it('takes a string value for a text order', () =>
    expect(condition(BY_NAME, 'Ada', 'after')).toBe('(a.name, a.id) > ($1::text, $2::uuid)'));

  it('refuses a cursor of another list', () =>
    expect(
      extensionsOf(() => keysetCondition(BY_PUBLISHED_AT, encodeCursor('updated', { value: AT, id: ID }), 'after', [])),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
    }));
  it('refuses a date without a time for a timestamptz order', () => expectRefused(BY_PUBLISHED_AT, '2021-01-01'));
  it('refuses an instant without milliseconds', () => expectRefused(BY_PUBLISHED_AT, '2021-01-01T00:00:00Z'));
  it('refuses an instant with an offset instead of Z', () =>
    expectRefused(BY_PUBLISHED_AT, '2021-01-01T00:00:00.000+01:00'));
  it('refuses a day that does not exist', () => expectRefused(BY_PUBLISHED_AT, '2021-02-30T00:00:00.000Z', 'before'));
  it('refuses an expanded year', () => expectRefused(BY_PUBLISHED_AT, '+002021-01-01T00:00:00.000Z'));
  it('refuses text that is no date at all', () => expectRefused(BY_PUBLISHED_AT, "'; DROP TABLE posts; --"));
  it('refuses a number for a timestamptz order', () => expectRefused(BY_PUBLISHED_AT, 1714566600123));
  it('refuses a null value for a timestamptz order', () => expectRefused(BY_CREATED_AT_ASC, null));
  it('refuses a string value for a float8 order', () => expectRefused(BY_SEARCH_RANK, '0.5'));
  it('refuses a number for a text order', () => expectRefused(BY_NAME, 7));
  it('leaves params alone when it refuses', () => {
    const params: unknown[] = [];
    expect(() => condition(BY_SEARCH_RANK, '0.5', 'after', params)).toThrow();
    expect(params).toEqual([]);
  });
});
