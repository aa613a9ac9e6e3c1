import { types } from 'pg';
import { parseTimestamptz } from './timestamp-parser';

const parseAnyForm = types.getTypeParser(1184, 'text') as (text: string) => unknown;
const same = (text: string) => expect([text, parseTimestamptz(text)]).toEqual([text, parseAnyForm(text)]);

describe('parseTimestamptz', () => {
  it('reads the UTC form as pg does, every fraction length, to the millisecond', () => {
    let seed = 7;
    const next = (n: number) => (seed = (seed * 48271) % 2147483647) % n;
    for (let i = 0; i < 5000; i += 1) {
      const pad = (value: number, width: number) => String(value).padStart(width, '0');
      const base = `${1000 + next(9000)}-${pad(1 + next(12), 2)}-${pad(1 + next(28), 2)} ${pad(next(24), 2)}:${pad(next(60), 2)}:${pad(next(60), 2)}`;
      const digits = next(7);
      same(digits === 0 ? `${base}+00` : `${base}.${pad(next(10 ** digits), digits)}+00`);
    }
  });

  it('leaves every other form to pg: zones, BC, infinity, five-digit years, odd text', () => {
    for (const text of [
      '2026-12-04 23:37:19.277+01',
      '2026-12-04 23:37:19+05:30',
      '0044-03-15 12:00:00+00 BC',
      '0099-01-01 00:00:00+00',
      '12026-12-04 23:37:19+00',
      'infinity',
      '-infinity',
      '2026-12-04 23:37:19.+00',
      '2026-12-04T23:37:19.277+00',
      '2026-12-04 23:37:19.1234567+00',
    ]) {
      same(text);
    }
  });
});
