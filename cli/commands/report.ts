import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { annualReportHtml } from '#adapters/http/annual-report-html';
import { reportCsv, reportRows } from '#domain/reporting/report-table';
import { withStack } from '#cli/stack-context';
import { UsageError } from '#cli/usage-error';

const USAGE = 'usage: redress report --policy ID --year YYYY [--format html|csv|json] [--out FILE] [--publish]';
const FORMATS = ['html', 'csv', 'json'] as const;

/**
 * `redress report --policy ID --year YYYY [--format html|csv|json] [--out FILE] [--publish]`: the annual report
 * (../shared/conventions/report.md). JSON is the raw figures for staff; HTML (the default) and CSV are for the
 * board, and with --publish for publication, small counts in words and no lessons.
 */
export async function reportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { policy: { type: 'string' }, year: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' }, publish: { type: 'boolean' } } });
  const year = Number(values.year);
  if (!values.policy || !/^\d{4}$/.test(values.year ?? '') || year < 2000) throw new UsageError(USAGE);
  const format = (values.format ?? 'html') as (typeof FORMATS)[number];
  if (!FORMATS.includes(format)) throw new UsageError(`unknown format "${values.format}": use html, csv or json\n${USAGE}`);
  if (format === 'json' && values.publish) throw new UsageError('--format json is the raw figures for staff; publish the html or csv');
  return withStack(async ({ useCases, config }) => {
    const report = await useCases.annualReport(values.policy as string, year);
    const publication = values.publish ? { threshold: config.REDRESS_REPORT_PUBLISH_THRESHOLD } : undefined;
    const text =
      format === 'json'
        ? `${JSON.stringify({ ...report.figures, previousYear: report.previous ?? null })}\n`
        : format === 'csv'
          ? reportCsv(report.figures, reportRows(report.policy, report.figures, report.previous, publication), Boolean(report.previous))
          : await annualReportHtml(report, publication ? { publication } : {});
    if (values.out) {
      writeFileSync(values.out, text);
      process.stderr.write(`wrote the ${year} report for ${report.policy.id} (${format}${publication ? ', for publication' : ''}) to ${values.out}\n`);
    } else process.stdout.write(text);
    return 0;
  });
}

/** `redress report rebuild --policy ID`: the report records and pending actions written again for every case (after an upgrade). */
export async function reportRebuildCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { policy: { type: 'string' } } });
  if (!values.policy) throw new UsageError('usage: redress report rebuild --policy ID');
  return withStack(async ({ useCases, policies }) => {
    const policy = policies.get(values.policy as string);
    const count = await useCases.rebuildReportIndexes(policy.id);
    process.stdout.write(`rebuilt the report records and pending actions of ${count} cases of ${policy.id}\n`);
    return 0;
  });
}
