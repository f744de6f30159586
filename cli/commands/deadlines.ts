import { parseArgs } from 'node:util';
import { parseInstant } from '#domain/calendar/parse-instant';
import { loadConfig, policyDefaultsFrom } from '#config/config';
import { loadPolicyDirectory } from '#adapters/file/policy-files';
import { planDeadlines } from '#domain/planner/plan-deadlines';
import { UsageError } from '#cli/usage-error';

/** `redress deadlines --policy ID --stage ID --event EVENT --at INSTANT`, per ../shared/conventions/deadlines.md. */
export function deadlinesCommand(args: string[]): number {
  const { values } = parseArgs({
    args,
    options: {
      policy: { type: 'string' },
      stage: { type: 'string' },
      event: { type: 'string' },
      at: { type: 'string' },
    },
    strict: true,
  });
  const { policy: policyId, stage, event, at } = values;
  if (!policyId || !stage || !event || !at) {
    throw new UsageError('usage: redress deadlines --policy ID --stage ID --event EVENT --at INSTANT');
  }
  const instant = parseInstant(at);
  const policy = loadPolicyDirectory(loadConfig().REDRESS_POLICIES_DIR, policyDefaultsFrom(loadConfig())).get(policyId);
  const deadlines = planDeadlines(policy, stage, event, instant).map(({ kind, dueDate, dueAt, rule, clause }) => ({
    kind,
    dueDate,
    dueAt,
    rule,
    clause,
  }));
  process.stdout.write(JSON.stringify({ policy: policyId, stage, event, at, deadlines }) + '\n');
  return 0;
}
