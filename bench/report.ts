import { FeedName } from './queries';

/** One measured load run of one target. */
export interface RunFigures {
  target: 'Broadsheet' | 'Broadsheet resolvers' | 'Broadsheet cached' | 'hand-written';
  /**
   * What answered the measured requests, from Broadsheet's log lines: `compiled`, `resolvers`,
   * `none` (nothing executed: the response cache answered, or the run's end cut the request off),
   * with shares when mixed; `-` for the hand-written endpoint.
   */
  servedBy: string;
  /** `staff` for a run signed in as the bench's administrator (sees what an editor sees); else anonymous. */
  viewer?: 'staff';
  feed: FeedName;
  first: number;
  connections: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Server process CPU, ms per request. */
  cpuMs: number;
  /** PostgreSQL processes' CPU, ms per request; undefined when the server is not on this machine. */
  pgCpuMs: number | undefined;
  /** Statements per request counted by pg_stat_statements; undefined when not available. */
  statements: number | undefined;
  peakRssMb: number;
  responses: number;
  failures: number;
  /** Bytes per response on the wire, uncompressed (headers included). */
  bytes: number;
  /** The body's bytes with brotli, as a client that accepts it gets it. */
  brotliBytes: number | undefined;
}

/** One of the targets: the figure, the goal, and whether it is met. */
export interface TargetCheck {
  name: string;
  figure: string;
  goal: string;
  /** 'met', 'MISSED by <how much> (<percent>)', or 'n/a' when the figure could not be measured. */
  verdict: string;
}

const fixed = (value: number | undefined, digits: number) =>
  value === undefined || Number.isNaN(value) ? 'n/a' : value.toFixed(digits);

function table(header: string[], rows: string[][], rightAligned: (column: number) => boolean): string {
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i].length)));
  const line = (row: string[]) =>
    row
      .map((cell, i) => (rightAligned(i) ? cell.padStart(widths[i]) : cell.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n');
}

export function runsTable(runs: RunFigures[]): string {
  return table(
    [
      'target',
      'served by',
      'query',
      'first',
      'conns',
      'req/s',
      'p50 ms',
      'p99 ms',
      'CPU ms/req',
      'PG CPU ms/req',
      'SQL/req',
      'peak RSS MB',
      'KB/answer',
      'br KB',
      'failed',
    ],
    runs.map((run) => [
      run.viewer ? `${run.target} (${run.viewer})` : run.target,
      run.servedBy,
      run.feed,
      String(run.first),
      String(run.connections),
      fixed(run.perSecond, 0),
      fixed(run.p50, 2),
      fixed(run.p99, 2),
      fixed(run.cpuMs, 3),
      fixed(run.pgCpuMs, 3),
      fixed(run.statements, 2),
      fixed(run.peakRssMb, 0),
      fixed(run.bytes / 1024, 1),
      fixed(run.brotliBytes === undefined ? undefined : run.brotliBytes / 1024, 1),
      `${run.failures}/${run.responses}`,
    ]),
    (column) => column >= 3,
  );
}

export function ratiosTable(runs: RunFigures[]): string {
  const rows: string[][] = [];
  for (const run of runs.filter((r) => r.target !== 'hand-written' && !r.viewer)) {
    const reference = runs.find(
      (r) =>
        r.target === 'hand-written' &&
        r.feed === run.feed &&
        r.first === run.first &&
        r.connections === run.connections,
    );
    if (!reference) continue;
    rows.push([
      run.target,
      run.feed,
      String(run.first),
      String(run.connections),
      `${(run.perSecond / reference.perSecond).toFixed(2)}x`,
      `${(run.cpuMs / reference.cpuMs).toFixed(2)}x`,
      run.pgCpuMs !== undefined && reference.pgCpuMs !== undefined
        ? `${(run.pgCpuMs / reference.pgCpuMs).toFixed(2)}x`
        : 'n/a',
    ]);
  }
  return table(
    ['target', 'query', 'first', 'conns', 'req/s B/h', 'CPU ms/req B/h', 'PG CPU ms/req B/h'],
    rows,
    (column) => column >= 2,
  );
}

export function targetsTable(checks: TargetCheck[]): string {
  return table(
    ['target', 'figure', 'goal', 'verdict'],
    checks.map((check) => [check.name, check.figure, check.goal, check.verdict]),
    (column) => column === 1 || column === 2,
  );
}

/** `met`, or by how much the figure misses an upper (`<=`) or lower (`>=`) bound. */
function verdict(figure: number | undefined, bound: number, kind: '<=' | '>=', unit = ''): string {
  if (figure === undefined || Number.isNaN(figure)) return 'n/a';
  const met = kind === '<=' ? figure <= bound : figure >= bound;
  if (met) return 'met';
  const by = Math.abs(figure - bound);
  const digits = by >= 10 ? 0 : by >= 1 ? 2 : 3;
  return `MISSED by ${by.toFixed(digits)}${unit} (${((figure / bound - 1) * 100).toFixed(0)}%)`;
}

/** Least-squares slope of y over x. */
function slope(points: Array<[number, number]>): number {
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  return sxy / sxx;
}

/**
 * The issue's targets against this run: the simple and mobile feeds at 20 posts and 20
 * connections against the hand-written endpoint, statements per request (the simple feed under
 * load at every size, the mobile feed sent one by one at `mobileSizes`), CPU per request and per
 * extra post (least-squares slope over the simple feed's sizes), relatedPosts' PostgreSQL time,
 * and peak RSS of the mobile feed under 50 connections.
 */
export function checkTargets(
  runs: RunFigures[],
  mobileSizes: number[],
  mobileStatements: Array<number | undefined>,
  relatedMs: number | undefined,
): TargetCheck[] {
  const find = (target: RunFigures['target'], feed: FeedName, first: number, connections = 20, viewer?: 'staff') => {
    const run = runs.find(
      (r) =>
        r.target === target &&
        r.feed === feed &&
        r.first === first &&
        r.connections === connections &&
        r.viewer === viewer,
    );
    if (!run) throw new Error(`no run of ${target} ${feed}(${first}) x${connections}`);
    return run;
  };
  const ratio = (feed: FeedName, target: RunFigures['target'] = 'Broadsheet') =>
    find(target, feed, 20).perSecond / find('hand-written', feed, 20).perSecond;
  const simpleRuns = runs.filter((r) => r.target === 'Broadsheet' && r.feed === 'SimpleFeed' && !r.viewer);
  const mobilePg = find('Broadsheet', 'MobileFeed', 20).pgCpuMs;
  const staff = find('Broadsheet', 'SimpleFeed', 20, 20, 'staff');
  const staffCpu = staff.cpuMs / find('Broadsheet', 'SimpleFeed', 20).cpuMs;
  const defined = (values: Array<number | undefined>) =>
    values.every((value) => value !== undefined) ? Math.max(...(values as number[])) : undefined;
  const simpleStatements = defined(simpleRuns.map((r) => r.statements));
  const mobileMax = defined(mobileStatements);
  const perExtraPost = slope(simpleRuns.map((r) => [r.first, r.cpuMs]));
  const cpu20 = find('Broadsheet', 'SimpleFeed', 20).cpuMs;
  const peak = find('Broadsheet', 'MobileFeed', 20, 50).peakRssMb;
  return [
    {
      name: 'Simple feed (20) req/s, Broadsheet / hand-written',
      figure: `${ratio('SimpleFeed').toFixed(2)}x`,
      goal: '>= 0.45x',
      verdict: verdict(ratio('SimpleFeed'), 0.45, '>=', 'x'),
    },
    {
      name: `Simple feed SQL statements per request (${simpleRuns.map((r) => r.first).join('/')})`,
      figure: simpleStatements === undefined ? 'n/a' : simpleRuns.map((r) => fixed(r.statements, 2)).join('/'),
      goal: '<= 4',
      verdict: verdict(simpleStatements, 4, '<='),
    },
    {
      name: 'Simple feed (20) server CPU per request',
      figure: `${cpu20.toFixed(3)} ms`,
      goal: '<= 1.5 ms',
      verdict: verdict(cpu20, 1.5, '<=', ' ms'),
    },
    {
      name: 'Simple feed server CPU per extra post (slope)',
      figure: `${perExtraPost.toFixed(4)} ms`,
      goal: '<= 0.05 ms',
      verdict: verdict(perExtraPost, 0.05, '<=', ' ms'),
    },
    {
      name: 'Mobile feed (20) req/s, Broadsheet / hand-written',
      figure: `${ratio('MobileFeed').toFixed(2)}x`,
      goal: '>= 0.4x',
      verdict: verdict(ratio('MobileFeed'), 0.4, '>=', 'x'),
    },
    {
      name: 'Mobile feed (20) PostgreSQL CPU per request',
      figure: mobilePg === undefined ? 'n/a' : `${mobilePg.toFixed(3)} ms`,
      goal: '<= 4 ms',
      verdict: verdict(mobilePg, 4, '<=', ' ms'),
    },
    {
      name: 'Simple feed (20) signed in (staff), server CPU per request / anonymous',
      figure: `${staffCpu.toFixed(2)}x`,
      goal: '<= 1.3x',
      verdict: verdict(staffCpu, 1.3, '<=', 'x'),
    },
    {
      name: `Mobile feed SQL statements per request (${mobileSizes.join('/')})`,
      figure: mobileMax === undefined ? 'n/a' : mobileStatements.map((s) => fixed(s, 2)).join('/'),
      goal: '<= 7',
      verdict: verdict(mobileMax, 7, '<='),
    },
    {
      name: 'relatedPosts for 20 posts, PostgreSQL plan+exec',
      figure: relatedMs === undefined ? 'n/a' : `${relatedMs.toFixed(3)} ms`,
      goal: '<= 3 ms',
      verdict: verdict(relatedMs, 3, '<=', ' ms'),
    },
    {
      name: 'Simple feed (20) req/s, Broadsheet with its response cache / hand-written',
      figure: `${ratio('SimpleFeed', 'Broadsheet cached').toFixed(2)}x`,
      goal: '>= 1.5x',
      verdict: verdict(ratio('SimpleFeed', 'Broadsheet cached'), 1.5, '>=', 'x'),
    },
    {
      name: 'Peak RSS, mobile feed (20), 50 connections',
      figure: `${peak.toFixed(0)} MB`,
      goal: '<= 200 MB',
      verdict: verdict(peak, 200, '<=', ' MB'),
    },
  ];
}
