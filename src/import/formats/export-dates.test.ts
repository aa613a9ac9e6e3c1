import { isUnsetWordPressDate, parseAtomDate, parseWordPressDate } from './export-dates';

describe('parseAtomDate', () => {
  it.each([
    ['2012-03-04T10:20:00.000-08:00', '2012-03-04T18:20:00.000Z'],
    ['2019-11-09T19:43:00.001Z', '2019-11-09T19:43:00.001Z'],
    ['2022-01-01T10:00Z', '2022-01-01T10:00:00.000Z'],
    ['  2024-02-29T00:00:00+02:00\n', '2024-02-28T22:00:00.000Z'],
  ])('reads %j', (text, iso) => expect(parseAtomDate(text)?.toISOString()).toBe(iso));

  it.each(['2023-02-30T10:00:00Z', '2023-02-28T24:00:00Z', '2023-02-28T10:00:00', 'yesterday', '', '2023-02-28'])(
    'refuses %j',
    (text) => expect(parseAtomDate(text)).toBeNull(),
  );
});

describe('parseWordPressDate', () => {
  it('reads a WXR date as UTC', () => {
    expect(parseWordPressDate('2010-10-16 20:53:18')?.toISOString()).toBe('2010-10-16T20:53:18.000Z');
  });

  it.each(['2021-02-30 10:00:00', '2022-13-45 99:00:00', '0000-00-00 00:00:00', '2010-10-16T20:53:18', ''])(
    'refuses %j',
    (text) => expect(parseWordPressDate(text)).toBeNull(),
  );

  it.each([
    ['0000-00-00 00:00:00', true],
    ['', true],
    ['2010-10-16 20:53:18', false],
  ])('isUnsetWordPressDate(%j) is %s', (text, unset) => expect(isUnsetWordPressDate(text)).toBe(unset));
});
