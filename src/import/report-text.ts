import { Counts, ImportReport, ReportEntry } from './import-report';

const pad = (text: string | number, width: number) => String(text).padStart(width);

function row(name: string, counts: Counts): string {
  return `  ${name.padEnd(10)}${pad(counts.created, 9)}${pad(counts.updated, 9)}${pad(counts.unchanged, 11)}${pad(counts.skipped, 9)}`;
}

function where(entry: ReportEntry): string {
  const parts = [entry.line === null ? null : `line ${entry.line}`, entry.sourceId === null ? null : entry.sourceId];
  return `${entry.what}${parts.some(Boolean) ? ` (${parts.filter(Boolean).join(', ')})` : ''}`;
}

function section(title: string, entries: ReportEntry[]): string[] {
  if (entries.length === 0) return [];
  return ['', `${title}:`, ...entries.map((entry) => `  ${where(entry)}: ${entry.reason}`)];
}

/** The report as `npm run import` prints it: counts per kind, then every skipped, malformed and noted item. */
export function reportText(report: ImportReport, file?: string): string {
  const images = report.images;
  const lines = [
    `Import${file ? ` of ${file}` : ''} (${report.format})${report.dryRun ? ': DRY RUN, nothing was written' : ''}`,
    '',
    `  ${''.padEnd(10)}${pad('created', 9)}${pad('updated', 9)}${pad('unchanged', 11)}${pad('skipped', 9)}`,
    row('posts', report.posts),
    row('comments', report.comments),
    row('authors', report.authors),
    row('redirects', report.redirects),
    `  (authors: ${report.authors.matched} matched to existing authors by email or by name)`,
  ];
  if (images.fetched + images.reused + images.failed > 0) {
    lines.push(
      `  images: ${images.fetched} fetched into the media library${report.dryRun ? ' (checked, not stored)' : ''}, ${images.reused} already there, ${images.failed} failed (kept their old URL)`,
    );
  }
  lines.push(
    ...section('Skipped', report.skipped),
    ...section('Malformed (the rest was imported)', report.malformed),
    ...section('Notes', report.notes),
  );
  if (report.unlisted > 0) lines.push('', `... and ${report.unlisted} more entries, not listed.`);
  return `${lines.join('\n')}\n`;
}
