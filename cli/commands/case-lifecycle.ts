import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import type { Case } from '../../shared/case/case.js';
import type { Decision } from '../../shared/case/case-lifecycle.js';
import { parseInstant } from '../../shared/calendar/parse-instant.js';
import { withStack } from '../stack-context.js';
import { UsageError } from '../usage-error.js';

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

/** `redress case sign REF [--at INSTANT]`: the signed complaint arrived; the policy's clock starts. */
export async function caseSignCommand(args: string[]): Promise<number> {
  const { positionals, at, actor } = options(args);
  if (positionals.length !== 1) throw new UsageError('usage: redress case sign REF [--at INSTANT] [--by NAME]');
  return withStack(async ({ intake }) => printDeadlines(await intake.lifecycle.recordSignature((positionals[0] as string).toUpperCase(), at, actor)));
}

/** `redress case stage REF STAGE [--at INSTANT]`: move the case to another stage. */
export async function caseStageCommand(args: string[]): Promise<number> {
  const { positionals, at, actor } = options(args);
  if (positionals.length !== 2) throw new UsageError('usage: redress case stage REF STAGE [--at INSTANT] [--by NAME]');
  return withStack(async ({ intake }) => printDeadlines(await intake.lifecycle.changeStage((positionals[0] as string).toUpperCase(), positionals[1] as string, at, actor)));
}

/** `redress case extend REF KIND YYYY-MM-DD --reason TEXT`: more time, with the reason on the timeline. */
export async function caseExtendCommand(args: string[]): Promise<number> {
  const { positionals, values, at, actor } = options(args);
  const [reference, kind, date] = positionals;
  const reason = values.reason;
  if (!reference || !kind || !date || positionals.length !== 3 || !reason || !/^\d{4}-\d{2}-\d{2}$/.test(date)) {
    throw new UsageError('usage: redress case extend REF KIND YYYY-MM-DD --reason TEXT');
  }
  return withStack(async ({ intake }) => printDeadlines(await intake.lifecycle.extendDeadline(reference.toUpperCase(), kind, date, reason, at, actor)));
}

/** `redress case outcome REF DECISION [--at INSTANT]`: the stage's outcome was sent. */
export async function caseOutcomeCommand(args: string[]): Promise<number> {
  const { positionals, at, actor } = options(args);
  const [reference, decision] = positionals;
  if (!reference || !decision || !DECISIONS.includes(decision as Decision)) {
    throw new UsageError(`usage: redress case outcome REF ${DECISIONS.join('|')} [--at INSTANT]`);
  }
  return withStack(async ({ intake }) => printDeadlines(await intake.lifecycle.recordOutcome(reference.toUpperCase(), decision as Decision, at, actor)));
}

/** `redress case close REF [--at INSTANT]`: close the case; the retention clock starts. */
export async function caseCloseCommand(args: string[]): Promise<number> {
  const { positionals, at, actor } = options(args);
  if (positionals.length !== 1) throw new UsageError('usage: redress case close REF [--at INSTANT] [--by NAME]');
  return withStack(async ({ intake }) => printDeadlines(await intake.lifecycle.close((positionals[0] as string).toUpperCase(), at, actor)));
}

/** `redress case met REF KIND [--at INSTANT]`: a deadline was met (acknowledged, met the complainant, responded). */
export async function caseMetCommand(args: string[]): Promise<number> {
  const { positionals, at, actor } = options(args);
  if (positionals.length !== 2) throw new UsageError('usage: redress case met REF KIND [--at INSTANT] [--by NAME]');
  return withStack(async ({ intake }) => printDeadlines(await intake.lifecycle.markMet((positionals[0] as string).toUpperCase(), positionals[1] as string, at, actor)));
}
