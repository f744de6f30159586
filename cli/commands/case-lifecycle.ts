import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import type { Case } from '#domain/case/case';
import type { Decision } from '#application/staff/case-lifecycle';
import { parseInstant } from '#domain/calendar/parse-instant';
import { withStack, type StackContext } from '#cli/stack-context';
import { UsageError } from '#cli/usage-error';

const DECISIONS: readonly Decision[] = ['upheld', 'partly-upheld', 'not-upheld'];

function options(args: string[]) {
  const { positionals, values } = parseArgs({
    args,
    allowPositionals: true,
    options: { at: { type: 'string' }, by: { type: 'string' }, reason: { type: 'string' } },
  });
  const at = values.at ? parseInstant(values.at) : DateTime.now();
  return { positionals, values, at, actor: values.by ?? process.env.USER ?? 'staff' };
}

function printDeadlines(c: Case): number {
  process.stdout.write(`${c.reference}: ${c.status}, stage ${c.stage}\n`);
  for (const d of c.deadlines.filter((x) => x.status === 'pending')) process.stdout.write(`  ${d.kind} by ${d.dueDate} (${d.rule}, clause ${d.clause})\n`);
  return 0;
}

type Lifecycle = StackContext['intake']['lifecycle'];

/**
 * One lifecycle verb: its usage line, whether the arguments fit, and the change it makes. Parsing, the stack
 * and the printed result are the same for all of them.
 */
function lifecycleCommand(
  usage: string,
  fits: (positionals: string[], reason: string | undefined) => boolean,
  change: (lifecycle: Lifecycle, reference: string, rest: string[], at: DateTime, actor: string, reason: string) => Promise<Case>,
): (args: string[]) => Promise<number> {
  return async (args) => {
    const { positionals, values, at, actor } = options(args);
    if (!fits(positionals, values.reason)) throw new UsageError(`usage: redress case ${usage}`);
    const [reference, ...rest] = positionals as [string, ...string[]];
    return withStack(async ({ intake }) => printDeadlines(await change(intake.lifecycle, reference.toUpperCase(), rest, at, actor, values.reason ?? '')));
  };
}

const AT_BY = '[--at INSTANT] [--by NAME]';

/** `redress case sign REF`: the signed complaint arrived; the policy's clock starts. */
export const caseSignCommand = lifecycleCommand(`sign REF ${AT_BY}`, (p) => p.length === 1, (l, ref, _rest, at, actor) => l.recordSignature(ref, at, actor));

/** `redress case stage REF STAGE`: move the case to another stage. */
export const caseStageCommand = lifecycleCommand(`stage REF STAGE ${AT_BY}`, (p) => p.length === 2, (l, ref, [stage], at, actor) => l.changeStage(ref, stage as string, at, actor));

/** `redress case extend REF KIND YYYY-MM-DD --reason TEXT`: more time, with the reason on the timeline. */
export const caseExtendCommand = lifecycleCommand(
  `extend REF KIND YYYY-MM-DD --reason TEXT ${AT_BY}`,
  (p, reason) => p.length === 3 && /^\d{4}-\d{2}-\d{2}$/.test(p[2] as string) && Boolean(reason),
  (l, ref, [kind, date], at, actor, reason) => l.extendDeadline(ref, kind as string, date as string, reason, at, actor),
);

/** `redress case outcome REF DECISION`: the stage's outcome was sent. */
export const caseOutcomeCommand = lifecycleCommand(
  `outcome REF ${DECISIONS.join('|')} ${AT_BY}`,
  (p) => p.length === 2 && DECISIONS.includes(p[1] as Decision),
  (l, ref, [decision], at, actor) => l.recordOutcome(ref, decision as Decision, at, actor),
);

/** `redress case close REF`: close the case; the retention clock starts. */
export const caseCloseCommand = lifecycleCommand(`close REF ${AT_BY}`, (p) => p.length === 1, (l, ref, _rest, at, actor) => l.close(ref, at, actor));

/** `redress case met REF KIND`: a deadline was met (acknowledged, met the complainant, responded). */
export const caseMetCommand = lifecycleCommand(`met REF KIND ${AT_BY}`, (p) => p.length === 2, (l, ref, [kind], at, actor) => l.markMet(ref, kind as string, at, actor));
