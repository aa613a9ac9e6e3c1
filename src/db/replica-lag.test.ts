import { PrimaryPositions } from './replica-lag';

describe('PrimaryPositions', () => {
  const positions = (...samples: Array<[at: number, position: bigint]>) => {
    const primary = new PrimaryPositions(10_000);
    for (const [at, position] of samples) primary.record(at, position);
    return primary;
  };

  it('knows nothing before the first sample', () => expect(positions().lagMs(5n, 0)).toBeUndefined());

  it('puts a replica of an idle primary at 0, however long ago the last write was', () =>
    expect(positions([0, 100n], [60_000, 100n], [120_000, 100n]).lagMs(100n, 120_000)).toBe(0));

  it('counts a paused replica from the last check that found the primary where the replica stands', () =>
    expect(positions([0, 100n], [1_000, 200n], [2_000, 300n], [3_000, 300n]).lagMs(150n, 3_000)).toBe(3_000));

  it('puts a replica that lacks only a write after a long idle spell at most one check behind', () =>
    expect(positions([0, 100n], [60_000, 100n], [60_250, 200n]).lagMs(100n, 60_250)).toBe(250));

  it('calls a replica behind every position kept infinitely behind (how far is unknown)', () =>
    expect(positions([0, 100n], [1_000, 200n]).lagMs(50n, 1_000)).toBe(Infinity));

  it('forgets positions the primary left more than its window ago', () => {
    const primary = positions([0, 100n], [5_000, 200n], [20_000, 300n], [30_000, 400n]);
    expect(primary.lagMs(350n, 30_000)).toBe(10_000);
    expect(primary.lagMs(250n, 30_000)).toBe(Infinity);
  });

  it('starts over when the primary stands behind where it stood (another server)', () =>
    expect(positions([0, 500n], [1_000, 100n]).lagMs(100n, 1_000)).toBe(0));
});
