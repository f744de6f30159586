import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { monitoringCsv } from '#domain/reporting/monitoring-row';
import { withStack } from '#cli/stack-context';
import { UsageError } from '#cli/usage-error';

const USAGE = 'usage: redress export --policy ID --year YYYY [--out FILE] [--by NAME] [--confidential]';

/**
 * `redress export --policy ID --year YYYY [--out FILE] [--by NAME] [--confidential]`: the monitoring fields of each
 * case active in the year, as CSV, for staff (personal data: never the board's report). A confidential case's
 * content is left out unless --confidential says its reader may see it; every case exported has it on its timeline.
 */
export async function exportCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { policy: { type: 'string' }, year: { type: 'string' }, out: { type: 'string' }, by: { type: 'string' }, confidential: { type: 'boolean' } } });
  if (!values.policy || !/^\d{4}$/.test(values.year ?? '')) throw new UsageError(USAGE);
  return withStack(async ({ useCases }) => {
    const rows = await useCases.monitoringExport({
      policyId: values.policy as string,
      year: Number(values.year),
      actor: values.by ?? 'operator (CLI)',
      at: DateTime.now(),
      mayRead: (c) => !c.confidential || Boolean(values.confidential),
    });
    const csv = monitoringCsv(rows);
    if (values.out) {
      // Personal data: readable by its owner only.
      writeFileSync(values.out, csv, { mode: 0o600 });
      process.stderr.write(`wrote the monitoring fields of ${rows.length} cases to ${values.out}; each case has the export on its timeline\n`);
    } else process.stdout.write(csv);
    return 0;
  });
}
