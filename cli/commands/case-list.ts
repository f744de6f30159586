import { parseArgs } from 'node:util';
import { nextDeadline, type Case } from '#domain/case/case';
import { oneLineSafe } from '#domain/text/display-safe';
import { withStack } from '#cli/stack-context';

/** `redress case list [--policy ID] [--from EMAIL]`: one line per case, newest first; --from: one complainant's cases. */
export async function caseListCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { policy: { type: 'string' }, from: { type: 'string' } } });
  return withStack(async ({ policies, cases }) => {
    const ids = values.policy ? [policies.get(values.policy).id] : policies.all.map((p) => p.id);
    const from = values.from;
    let count = 0;
    for (const id of ids) {
      for (const c of from ? await cases.ofComplainant(id, from) : await cases.newestFirst(id)) {
        process.stdout.write(caseLine(c) + '\n');
        count++;
      }
    }
    if (count === 0) process.stdout.write('no cases\n');
    return 0;
  });
}

function caseLine(c: Case): string {
  const next = nextDeadline(c);
  const who = c.confidential ? 'confidential' : c.complainant.anonymous ? 'anonymous' : (c.complainant.name ?? c.complainant.email ?? '');
  const due = next ? `${next.kind} by ${next.dueDate}` : '-';
  return [c.reference, c.status, c.stage, c.receivedAt.slice(0, 16).replace('T', ' '), due, oneLineSafe(who)].join('\t');
}
