import { parseWalPosition } from './wal-position';

describe('parseWalPosition', () => {
  it('reads both halves as one offset', () => expect(parseWalPosition('16/B374D848')).toBe(0x16b374d848n));
  it('orders positions as the log does', () =>
    expect(parseWalPosition('1/0') > parseWalPosition('0/FFFFFFFF')).toBe(true));
  it('refuses anything else', () => expect(() => parseWalPosition('16-B374D848')).toThrow('not a WAL position'));
});
