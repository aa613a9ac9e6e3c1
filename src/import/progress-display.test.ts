import { PassThrough } from 'node:stream';
import { Tally } from './import-report';
import { progressDisplay } from './progress-display';

describe('progressDisplay', () => {
  it('writes a plain line (no bar) when the output is not a terminal, at most every so often', () => {
    const out = new PassThrough();
    const lines: string[] = [];
    out.on('data', (chunk: Buffer) => lines.push(chunk.toString()));
    const tally = new Tally('wordpress', false);
    tally.count('posts', 'created', 12);
    tally.count('comments', 'unchanged', 30);
    tally.skip('post', '9', 40, 'in the trash');
    const display = progressDisplay(Object.assign(out, { isTTY: false }) as unknown as NodeJS.WriteStream, 2000, 0);
    display.update(tally.report, 500);
    const hourly = progressDisplay(
      Object.assign(out, { isTTY: false }) as unknown as NodeJS.WriteStream,
      2000,
      3_600_000,
    );
    hourly.update(tally.report, 1000);
    display.stop();
    expect(lines).toEqual(['import: 25% of the file read; 12 posts, 30 comments, 1 left out\n']);
  });
});
