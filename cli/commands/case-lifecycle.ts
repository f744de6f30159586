import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import type { Case, Decision } from '#domain/case/case';
import { parseInstant } from '#domain/calendar/parse-instant';
import { CaseNotFoundError } from '#application/ports/store-errors';
import { pageAddress } from '#domain/letters/addressing';
import { caseJson } from '#cli/commands/case-json';
import { withStack, type StackContext } from '#cli/stack-context';
import { UsageError } from '#cli/usage-error';
import { clauseInWords } from '#domain/policy/clause-words';

const DECISIONS: readonly Decision[] = ['upheld', 'partly-upheld', 'not-upheld'];
const CHANNELS = ['phone', 'letter', 'in-person'] as const;

/** Every option any case verb takes; each verb checks the ones it needs (../shared/conventions/case-actions.md). */
const OPTIONS = {
  at: { type: 'string' },
  by: { type: 'string' },
  json: { type: 'boolean' },
  reason: { type: 'string' },
  grounds: { type: 'string' },
  'respond-by': { type: 'string' },
  'by-post-or-phone': { type: 'boolean' },
  offered: { type: 'string' },
  held: { type: 'boolean' },
  summary: { type: 'string' },
  lessons: { type: 'string' },
  'what-upheld': { type: 'string' },
  'what-not-upheld': { type: 'string' },
  remedy: { type: 'string', multiple: true },
  action: { type: 'string', multiple: true },
  due: { type: 'string', multiple: true },
  'confirmed-in-writing': { type: 'boolean' },
  agreed: { type: 'boolean' },
  policy: { type: 'string' },
  name: { type: 'string' },
  email: { type: 'string' },
  phone: { type: 'string' },
  address: { type: 'string' },
  about: { type: 'string' },
  channel: { type: 'string' },
  confidential: { type: 'boolean' },
  new: { type: 'boolean' },
  revoke: { type: 'boolean' },
} as const;

function parse(args: string[]) {
  const { positionals, values } = parseArgs({ args, allowPositionals: true, options: OPTIONS, strict: true });
  const at = values.at ? parseInstant(values.at) : DateTime.now();
  return { positionals, values, at, actor: values.by ?? process.env.USER ?? 'staff' };
}

type Values = ReturnType<typeof parse>['values'];
type Staff = StackContext['useCases']['staff'];
interface Parsed {
  readonly reference: string;
  readonly rest: string[];
  readonly at: DateTime;
  readonly actor: string;
  readonly values: Values;
}

async function print(ctx: StackContext, c: Case, json: boolean): Promise<number> {
  if (json) {
    process.stdout.write(JSON.stringify(caseJson(c, await ctx.outbox.ofCase(c.reference))) + '\n');
    return 0;
  }
  process.stdout.write(`${c.reference}: ${c.status}${c.closure ? ` (${c.closure})` : ''}, stage ${c.stage}, handled by ${c.handlerRole}\n`);
  for (const d of c.deadlines.filter((x) => x.status === 'pending')) process.stdout.write(`  ${d.kind} by ${d.dueDate} (${d.rule}, ${clauseInWords(d.clause)})\n`);
  return 0;
}

/**
 * One staff verb: its usage line, whether the arguments fit, and the use case it calls. Parsing, the stack,
 * sending the letters it wrote and the printed result are the same for all of them.
 */
function staffCommand(usage: string, fits: (positionals: string[], values: Values) => boolean, act: (staff: Staff, p: Parsed) => Promise<Case>): (args: string[]) => Promise<number> {
  return async (args) => {
    const { positionals, values, at, actor } = parse(args);
    if (positionals.length === 0 || !fits(positionals.slice(1), values)) throw new UsageError(`usage: redress case ${usage} [--at INSTANT] [--by NAME] [--json]`);
    const [reference, ...rest] = positionals as [string, ...string[]];
    return withStack(async (ctx) => print(ctx, await act(ctx.useCases.staff, { reference: reference.toUpperCase(), rest, at, actor, values }), Boolean(values.json)), { sendLetters: true });
  };
}

const none = (p: string[]) => p.length === 0;
const one = (p: string[]) => p.length === 1;

export const caseAcknowledgeCommand = staffCommand('acknowledge REF [--respond-by YYYY-MM-DD] [--by-post-or-phone]', none, (s, p) =>
  s.acknowledge({ ...p, ...(p.values['respond-by'] ? { respondBy: p.values['respond-by'] } : {}), ...(p.values['by-post-or-phone'] ? { byPostOrPhone: true } : {}) }),
);
export const caseSignCommand = staffCommand('sign REF', none, (s, p) => s.sign(p));
export const caseEventCommand = staffCommand('event REF EVENT', one, (s, p) => s.event({ ...p, event: p.rest[0] as string }));
export const caseMeetingCommand = staffCommand('meeting REF --offered YYYY-MM-DD | --held', (p, v) => none(p) && Boolean(v.offered) !== Boolean(v.held), (s, p) =>
  s.meeting({ ...p, ...(p.values.offered ? { offeredFor: p.values.offered } : {}), held: Boolean(p.values.held) }),
);
export const caseMetCommand = staffCommand('met REF KIND', one, (s, p) => s.met({ ...p, kind: p.rest[0] as string }));
export const caseExtendCommand = staffCommand('extend REF KIND YYYY-MM-DD --reason TEXT [--agreed]', (p, v) => p.length === 2 && Boolean(v.reason), (s, p) =>
  s.extend({ ...p, kind: p.rest[0] as string, newDate: p.rest[1] as string, reason: p.values.reason ?? '', agreed: Boolean(p.values.agreed) }),
);

/** `--action TEXT --due DATE`, repeated: each action pairs with the --due that follows it. */
function actionsOf(values: Values): { text: string; due: string }[] {
  const texts = values.action ?? [];
  const dues = values.due ?? [];
  if (texts.length !== dues.length) throw new UsageError('give each --action TEXT its --due YYYY-MM-DD');
  return texts.map((text, i) => ({ text, due: dues[i] as string }));
}

export const caseOutcomeCommand = staffCommand(
  `outcome REF ${DECISIONS.join('|')} --summary TEXT [--what-upheld TEXT --what-not-upheld TEXT] [--remedy KIND]... [--action TEXT --due YYYY-MM-DD]... [--lessons TEXT]`,
  (p, v) => one(p) && DECISIONS.includes(p[0] as Decision) && Boolean(v.summary),
  (s, p) =>
    s.outcome({
      ...p,
      decision: p.rest[0] as Decision,
      summary: p.values.summary ?? '',
      ...(p.values['what-upheld'] ? { whatUpheld: p.values['what-upheld'] } : {}),
      ...(p.values['what-not-upheld'] ? { whatNotUpheld: p.values['what-not-upheld'] } : {}),
      remedies: p.values.remedy ?? [],
      actions: actionsOf(p.values),
      ...(p.values.lessons ? { lessons: p.values.lessons } : {}),
    }),
);
export const caseEscalateCommand = staffCommand('escalate REF [--grounds TEXT] [--reason TEXT]', none, (s, p) =>
  s.escalate({ ...p, ...(p.values.grounds ? { grounds: p.values.grounds } : {}), ...(p.values.reason ? { reason: p.values.reason } : {}) }),
);
export const caseWithdrawCommand = staffCommand('withdraw REF [--confirmed-in-writing]', none, (s, p) => s.withdraw({ ...p, confirmedInWriting: Boolean(p.values['confirmed-in-writing']) }));
export const caseRedirectCommand = staffCommand('redirect REF OUT-OF-SCOPE-ID', one, (s, p) => s.redirect({ ...p, outOfScope: p.rest[0] as string }));
export const caseEarlyResolutionCommand = staffCommand('early-resolution REF --summary TEXT', (p, v) => none(p) && Boolean(v.summary), (s, p) => s.earlyResolution({ ...p, summary: p.values.summary ?? '' }));
export const caseReassignCommand = staffCommand('reassign REF ROLE', one, (s, p) => s.reassign({ ...p, role: p.rest[0] as string }));
export const caseNamedCommand = staffCommand('named REF confirm|undo [--reason TEXT]', (p) => one(p) && (p[0] === 'confirm' || p[0] === 'undo'), (s, p) =>
  s.named({ ...p, decision: p.rest[0] === 'undo' ? 'undo' : 'confirm', ...(p.values.reason ? { reason: p.values.reason } : {}) }),
);
export const caseNoteCommand = staffCommand('note REF TEXT', one, (s, p) => s.note({ ...p, text: p.rest[0] as string }));
export const caseCloseCommand = staffCommand('close REF', none, (s, p) => s.close(p));
export const caseReopenCommand = staffCommand('reopen REF --reason TEXT', (p, v) => none(p) && Boolean(v.reason), (s, p) => s.reopen({ ...p, reason: p.values.reason ?? '' }));
export const caseNotARequestCommand = staffCommand('not-a-request REF [--reason TEXT]', none, (s, p) => s.notARequest({ ...p, ...(p.values.reason ? { reason: p.values.reason } : {}) }));
export const caseCategoryCommand = staffCommand('category REF ID', one, (s, p) => s.setCategory({ ...p, category: p.rest[0] as string }));
export const caseActionDoneCommand = staffCommand('action-done REF N', (p) => one(p) && /^[1-9]\d{0,2}$/.test(p[0] as string), (s, p) => s.markActionDone({ ...p, action: Number(p.rest[0]) }));
export const caseOutsideBodyCommand = staffCommand('outside-body REF BODY', one, (s, p) => s.recordReferral({ ...p, body: p.rest[0] as string }));
export const caseAddParticipantCommand = staffCommand('add-participant REF EMAIL', one, (s, p) => s.addParticipant({ ...p, email: p.rest[0] as string }));

/** `redress case open --policy ID --name N ... --summary TEXT`: a complaint by phone, letter or in person; prints the new reference. */
export async function caseOpenCommand(args: string[]): Promise<number> {
  const { positionals, values, at, actor } = parse(args);
  const channel = values.channel ?? 'phone';
  if (positionals.length > 0 || !values.policy || !values.name || !values.summary || !(CHANNELS as readonly string[]).includes(channel)) {
    throw new UsageError(
      'usage: redress case open --policy ID --name N [--email E] [--phone P] [--address A] --summary TEXT [--about ROLE] [--channel phone|letter|in-person] [--confidential] [--at INSTANT] [--by NAME] [--json]',
    );
  }
  return withStack(
    async (ctx) => {
      const opened = await ctx.useCases.staff.open({
        policyId: values.policy as string,
        at,
        actor,
        name: values.name as string,
        summary: values.summary as string,
        channel: channel as (typeof CHANNELS)[number],
        confidential: Boolean(values.confidential),
        ...(values.email ? { email: values.email } : {}),
        ...(values.phone ? { phone: values.phone } : {}),
        ...(values.address ? { address: values.address } : {}),
        ...(values.about ? { about: values.about } : {}),
      });
      const c = await ctx.cases.get(opened.reference);
      if (values.json && c) return print(ctx, c, true);
      process.stdout.write(`${opened.reference}\n`);
      return 0;
    },
    { sendLetters: true },
  );
}

/**
 * `redress case page REF [--new | --revoke]`: the address of the complainant's own page (to give them by phone,
 * or to post), a new address that replaces it, or the page taken down.
 */
export async function casePageCommand(args: string[]): Promise<number> {
  const { positionals, values, at, actor } = parse(args);
  if (positionals.length !== 1 || (values.new && values.revoke)) throw new UsageError('usage: redress case page REF [--new | --revoke] [--at INSTANT] [--by NAME]');
  const reference = (positionals[0] as string).toUpperCase();
  return withStack(async (ctx) => {
    const request = { reference, at, actor };
    const c = values.new ? await ctx.useCases.staff.issuePage(request) : values.revoke ? await ctx.useCases.staff.revokePage(request) : await ctx.cases.get(reference);
    if (!c) throw new CaseNotFoundError(reference);
    const base = ctx.config.REDRESS_PUBLIC_URL;
    if (!c.page) process.stdout.write(`${reference}: no page (make one with case page ${reference} --new)\n`);
    else process.stdout.write(base ? `${pageAddress(base, c.page.token)}\n` : `${reference}: the page's address needs REDRESS_PUBLIC_URL\n`);
    return 0;
  });
}
