import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import type { Case } from '#domain/case/case';
import type { Decision } from '#domain/case/staff-actions';
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

type Staff = StackContext['useCases']['staff'];
interface Parsed {
  readonly reference: string;
  readonly rest: string[];
  readonly at: DateTime;
  readonly actor: string;
  readonly reason: string;
}

/**
 * One staff verb: its usage line, whether the arguments fit, and the use case it calls. Parsing, the stack,
 * sending the letters it wrote and the printed result are the same for all of them.
 */
function staffCommand(usage: string, fits: (positionals: string[], reason: string | undefined) => boolean, act: (staff: Staff, p: Parsed) => Promise<Case>): (args: string[]) => Promise<number> {
  return async (args) => {
    const { positionals, values, at, actor } = options(args);
    if (!fits(positionals, values.reason)) throw new UsageError(`usage: redress case ${usage}`);
    const [reference, ...rest] = positionals as [string, ...string[]];
    return withStack(async ({ useCases }) => printDeadlines(await act(useCases.staff, { reference: reference.toUpperCase(), rest, at, actor, reason: values.reason ?? '' })), { sendLetters: true });
  };
}

const AT_BY = '[--at INSTANT] [--by NAME]';

/** `redress case sign REF`: the signed complaint arrived; the policy's clock starts. */
export const caseSignCommand = staffCommand(`sign REF ${AT_BY}`, (p) => p.length === 1, (s, p) => s.sign(p));

/** `redress case stage REF STAGE`: move the case to another stage. */
export const caseStageCommand = staffCommand(`stage REF STAGE ${AT_BY}`, (p) => p.length === 2, (s, p) => s.stage({ ...p, stage: p.rest[0] as string }));

/** `redress case extend REF KIND YYYY-MM-DD --reason TEXT`: more time, with the reason on the timeline. */
export const caseExtendCommand = staffCommand(
  `extend REF KIND YYYY-MM-DD --reason TEXT ${AT_BY}`,
  (p, reason) => p.length === 3 && /^\d{4}-\d{2}-\d{2}$/.test(p[2] as string) && Boolean(reason),
  (s, p) => s.extend({ ...p, kind: p.rest[0] as string, newDate: p.rest[1] as string }),
);

/** `redress case outcome REF DECISION`: the stage's outcome was sent. */
export const caseOutcomeCommand = staffCommand(
  `outcome REF ${DECISIONS.join('|')} ${AT_BY}`,
  (p) => p.length === 2 && DECISIONS.includes(p[1] as Decision),
  (s, p) => s.outcome({ ...p, decision: p.rest[0] as Decision }),
);

/** `redress case close REF`: close the case; the retention clock starts. */
export const caseCloseCommand = staffCommand(`close REF ${AT_BY}`, (p) => p.length === 1, (s, p) => s.close(p));

/** `redress case met REF KIND`: a deadline was met (acknowledged, met the complainant, responded). */
export const caseMetCommand = staffCommand(`met REF KIND ${AT_BY}`, (p) => p.length === 2, (s, p) => s.met({ ...p, kind: p.rest[0] as string }));

/** `redress case add-participant REF EMAIL`: someone besides the complainant may write into the case. */
export const caseAddParticipantCommand = staffCommand(`add-participant REF EMAIL ${AT_BY}`, (p) => p.length === 2, (s, p) => s.addParticipant({ ...p, email: p.rest[0] as string }));
