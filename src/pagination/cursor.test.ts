/**
 * Cursors are opaque, tagged with their list's sort, and anything `encodeCursor` did not make for
 * that sort is BAD_USER_INPUT naming the argument (CONTRACT.md "Rules", Ids and cursors).
 */
import { extensionsOf } from '../../tests/helpers/thrown';
import { decodeCursor, encodeCursor, KeysetPosition } from './cursor';

const ID = '3f2b8c1e-9a4d-4c6b-8e2f-0a1b2c3d4e5f';

const roundTrip = (position: KeysetPosition) =>
  expect(decodeCursor('published', encodeCursor('published', position), 'after'));
const forge = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');
const expectRefused = (cursor: string, field = 'after') =>
  expect(extensionsOf(() => decodeCursor('published', cursor, field))).toMatchObject({ code: 'BAD_USER_INPUT', field });

describe('encodeCursor / decodeCursor', () => {
  it('round-trips a timestamp string', () =>
    roundTrip({ value: '2024-05-01T12:30:00.123Z', id: ID }).toEqual({ value: '2024-05-01T12:30:00.123Z', id: ID }));
  it('round-trips a number', () => roundTrip({ value: 0.0625, id: ID }).toEqual({ value: 0.0625, id: ID }));
  it('round-trips a null value', () => roundTrip({ value: null, id: ID }).toEqual({ value: null, id: ID }));
  it('writes URL-safe text only', () =>
    expect(encodeCursor('published', { value: '?>?>~~~', id: ID })).toMatch(/^[A-Za-z0-9_-]+$/));

  it('refuses a cursor of another sort, naming the field passed', () =>
    expect(
      extensionsOf(() => decodeCursor('published', encodeCursor('rank', { value: 1, id: ID }), 'before')),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'before',
    }));
  it('refuses garbage that is not base64 JSON', () => expectRefused('!!not-a-cursor!!'));
  it('refuses the empty string', () => expectRefused(''));
  it('refuses JSON that is not an array', () => expectRefused(forge({ sort: 'published', value: null, id: ID })));
  it('refuses an array of two', () => expectRefused(forge(['published', ID])));
  it('refuses an array of four', () => expectRefused(forge(['published', null, ID, 'extra'])));
  it('refuses an id that is not a uuid', () => expectRefused(forge(['published', null, '42'])));
  it('refuses an upper-case uuid, which gen_random_uuid never writes', () =>
    expectRefused(forge(['published', null, ID.toUpperCase()])));
  it('refuses an object value', () => expectRefused(forge(['published', { $gt: 0 }, ID])));
  it('refuses an array value', () => expectRefused(forge(['published', [1], ID])));
  it('refuses a boolean value', () => expectRefused(forge(['published', true, ID])));
  it('passes the field name through', () => expectRefused('garbage', 'input.after'));
});
