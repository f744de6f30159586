import type { StaffInput, StaffVerb } from '#application/staff/staff-action-catalogue';
import type { StaffVerbs } from '#application/staff/staff-verbs';
import type { Decision } from '#domain/case/case';
import { parseCaseArgs, printCase, type CaseValues } from '#cli/commands/case-lifecycle';
import { withStack } from '#cli/stack-context';
import { UsageError } from '#cli/usage-error';
import { readInputFile } from '#cli/read-input-file';
import { RESTRICTION_CLI_VERBS } from '#cli/commands/restriction-verbs';

const DECISIONS: readonly Decision[] = ['upheld', 'partly-upheld', 'not-upheld'];

/** One catalogue verb as `redress case VERB REF ...`: its usage, its lines in `help`, whether the arguments fit, and the input they make. */
export interface CliVerb<V extends StaffVerb> {
  /** After `case `: the verb, REF and its arguments, as the usage error prints them. */
  readonly usage: string;
  /** Its lines in `help`, exactly. */
  readonly help: string;
  readonly fits: (rest: string[], values: CaseValues) => boolean;
  readonly input: (rest: string[], values: CaseValues) => StaffInput<V>;
}

/** Every verb of the catalogue on the command line, or the command it is part of: a new verb fails tsc until it has one. */
export type CliVerbs = { readonly [V in StaffVerb]: CliVerb<V> | { readonly partOf: string } };

const none = (p: string[]) => p.length === 0;
const DETAIL_OPTIONS = ['channel', 'name', 'email', 'phone', 'postal-address', 'prefers', 'about'] as const;
const one = (p: string[]) => p.length === 1;
const first = (p: string[]) => p[0] as string;

/** `--action TEXT --due DATE`, repeated: each action pairs with the --due that follows it. */
function actionsOf(values: CaseValues): { text: string; due: string }[] {
  const texts = values.action ?? [];
  const dues = values.due ?? [];
  if (texts.length !== dues.length) throw new UsageError('give each --action TEXT its --due YYYY-MM-DD');
  return texts.map((text, i) => ({ text, due: dues[i] as string }));
}

/** The contract of ../shared/conventions/case-actions.md, in the order `help` lists them. */
export const CLI_VERBS: CliVerbs = {
  acknowledge: {
    usage: 'acknowledge REF [--respond-by YYYY-MM-DD] [--by-post-or-phone]',
    help: `  case acknowledge REF [--respond-by DATE] [--by-post-or-phone]
                             acknowledged by staff, or the reply date the policy leaves to staff;
                             --by-post-or-phone where the form's address is not confirmed yet
`,
    fits: none,
    input: (_r, v) => ({ ...(v['respond-by'] ? { respondBy: v['respond-by'] } : {}), ...(v['by-post-or-phone'] ? { byPostOrPhone: true } : {}) }),
  },
  sign: { usage: 'sign REF', help: "  case sign REF              the signed complaint arrived; the policy's clock starts\n", fits: none, input: () => ({}) },
  event: { usage: 'event REF EVENT', help: "  case event REF EVENT       a policy's own event (connected-together: nature-established)\n", fits: one, input: (r) => ({ event: first(r) }) },
  meeting: {
    usage: 'meeting REF --offered YYYY-MM-DD | --held',
    help: `  case meeting REF --offered DATE | --held
                             a meeting with the complainant
`,
    fits: (p, v) => none(p) && Boolean(v.offered) !== Boolean(v.held),
    input: (_r, v) => ({ ...(v.offered ? { offeredFor: v.offered } : {}), held: Boolean(v.held) }),
  },
  met: { usage: 'met REF KIND', help: '  case met REF KIND          a deadline (meet, respond) was met by other means\n', fits: one, input: (r) => ({ kind: first(r) }) },
  extend: {
    usage: 'extend REF KIND YYYY-MM-DD --reason TEXT [--agreed]',
    help: `  case extend REF KIND DATE --reason TEXT [--agreed]
                             more time, with the holding letter the policy calls for
`,
    fits: (p, v) => p.length === 2 && Boolean(v.reason),
    input: (r, v) => ({ kind: first(r), newDate: r[1] as string, reason: v.reason ?? '', agreed: Boolean(v.agreed) }),
  },
  outcome: {
    usage: `outcome REF ${DECISIONS.join('|')} --summary TEXT [--what-upheld TEXT --what-not-upheld TEXT] [--remedy KIND]... [--action TEXT --due YYYY-MM-DD]... [--lessons TEXT]`,
    help: `  case outcome REF upheld|partly-upheld|not-upheld --summary TEXT [--remedy KIND]...
            [--action TEXT --due DATE]... [--lessons TEXT]
            partly-upheld also: --what-upheld TEXT --what-not-upheld TEXT
                             the stage's decision; sends the outcome (or final) letter
`,
    fits: (p, v) => one(p) && DECISIONS.includes(p[0] as Decision) && Boolean(v.summary),
    input: (r, v) => ({
      decision: first(r),
      summary: v.summary ?? '',
      ...(v['what-upheld'] ? { whatUpheld: v['what-upheld'] } : {}),
      ...(v['what-not-upheld'] ? { whatNotUpheld: v['what-not-upheld'] } : {}),
      remedies: v.remedy ?? [],
      actions: actionsOf(v),
      ...(v.lessons ? { lessons: v.lessons } : {}),
    }),
  },
  escalate: {
    usage: 'escalate REF [--grounds TEXT] [--reason TEXT]',
    help: `  case escalate REF [--grounds TEXT] [--reason TEXT]
                             the complainant asked for the next stage: --grounds, what they say is
                             still wrong (sent to its handler); after its window: --reason
`,
    fits: none,
    input: (_r, v) => ({ ...(v.grounds ? { grounds: v.grounds } : {}), ...(v.reason ? { reason: v.reason } : {}) }),
  },
  withdraw: {
    usage: 'withdraw REF [--confirmed-in-writing] [--category ID]',
    help: `  case withdraw REF [--confirmed-in-writing] [--category ID]
                             the complainant withdrew; --category where the policy reports by category
`,
    fits: none,
    input: (_r, v) => ({ confirmedInWriting: Boolean(v['confirmed-in-writing']), ...(v.category ? { category: v.category } : {}) }),
  },
  redirect: {
    usage: 'redirect REF OUT-OF-SCOPE-ID',
    help: `  case redirect REF OUT-OF-SCOPE-ID
                             not for this procedure: the letter says where to go instead
`,
    fits: one,
    input: (r) => ({ outOfScope: first(r) }),
  },
  'early-resolution': {
    usage: 'early-resolution REF --summary TEXT',
    help: `  case early-resolution REF --summary TEXT
                             resolved at once, not recorded as a complaint (county-council)
`,
    fits: (p, v) => none(p) && Boolean(v.summary),
    input: (_r, v) => ({ summary: v.summary ?? '' }),
  },
  reassign: { usage: 'reassign REF ROLE', help: '  case reassign REF ROLE     another handler (never the person complained about)\n', fits: one, input: (r) => ({ role: first(r) }) },
  assign: {
    usage: 'assign REF --to EMAIL',
    help: `  case assign REF --to EMAIL a person of the handling role has the case (an address the policy
                             gives that role)
`,
    fits: (p, v) => none(p) && Boolean(v.to),
    input: (_r, v) => ({ to: v.to ?? '' }),
  },
  take: {
    usage: 'take REF',
    help: `  case take REF              --by EMAIL takes the case: an address the policy gives the handling role
`,
    fits: none,
    input: () => ({}),
  },
  named: {
    usage: 'named REF confirm|undo [--reason TEXT]',
    help: `  case named REF confirm|undo [--reason TEXT]
                             whom the complaint's words named: confirm it is about them (kept from
                             them), or undo it with a reason (routed as usual; the handler is told)
`,
    fits: (p) => one(p) && (p[0] === 'confirm' || p[0] === 'undo'),
    input: (r, v) => ({ decision: r[0] === 'undo' ? 'undo' : 'confirm', ...(v.reason ? { reason: v.reason } : {}) }),
  },
  message: {
    usage: 'message REF --subject TEXT (--text TEXT | --file PATH)',
    help: `  case message REF --subject TEXT (--text TEXT | --file PATH)
                             write to the complainant in your own words, in the policy's greeting
                             and sign-off: by email to a proved address, else a letter for post
`,
    fits: (p, v) => none(p) && Boolean(v.subject) && Boolean(v.text) !== Boolean(v.file),
    input: (_r, v) => ({ subject: v.subject ?? '', text: v.file ? readInputFile(v.file).toString('utf8') : (v.text ?? '') }),
  },
  posted: {
    usage: 'posted REF --letter ID [--on YYYY-MM-DD]',
    help: `  case posted REF --letter ID [--on DATE]
                             a letter for post went (today unless --on); case show lists the ids;
                             the outcome's windows count from that day
`,
    fits: (p, v) => none(p) && Boolean(v.letter),
    input: (_r, v) => ({ letter: v.letter ?? '', ...(v.on ? { on: v.on } : {}) }),
  },
  note: { usage: 'note REF TEXT', help: '  case note REF TEXT         an internal note\n', fits: one, input: (r) => ({ text: first(r) }) },
  details: {
    usage: 'details REF [--channel C] [--name N] [--email E] [--phone P] [--postal-address A] [--prefers email|post|phone] [--about ROLE]',
    help: `  case details REF [--channel C] [--name N] [--email E] [--phone P] [--postal-address A]
            [--prefers email|post|phone] [--about ROLE]
                             correct how it came, who made it and how to reach them, whom it is about
                             (routed again); an empty value ('') clears it; each change on the timeline
`,
    fits: (p, v) => none(p) && DETAIL_OPTIONS.some((o) => v[o] !== undefined),
    input: (_r, v) => ({
      ...(v.channel !== undefined ? { channel: v.channel } : {}),
      ...(v.name !== undefined ? { name: v.name } : {}),
      ...(v.email !== undefined ? { email: v.email } : {}),
      ...(v.phone !== undefined ? { phone: v.phone } : {}),
      ...(v['postal-address'] !== undefined ? { postalAddress: v['postal-address'] } : {}),
      ...(v.prefers !== undefined ? { preferredChannel: v.prefers } : {}),
      ...(v.about !== undefined ? { about: v.about } : {}),
    }),
  },
  attach: { partOf: 'case attach' },
  close: {
    usage: 'close REF [--category ID]',
    help: `  case close REF [--category ID]
                             close a case; its retention clock starts. Where the policy reports by
                             category, one is needed: --category, or case category before
`,
    fits: none,
    input: (_r, v) => ({ ...(v.category ? { category: v.category } : {}) }),
  },
  reopen: {
    usage: 'reopen REF --reason TEXT',
    help: `  case reopen REF --reason TEXT
                             a closed case is open again
`,
    fits: (p, v) => none(p) && Boolean(v.reason),
    input: (_r, v) => ({ reason: v.reason ?? '' }),
  },
  'not-a-request': {
    usage: 'not-a-request REF [--reason TEXT]',
    help: `  case not-a-request REF [--reason TEXT]
                             a reply flagged as perhaps asking for the next stage was not
`,
    fits: none,
    input: (_r, v) => ({ ...(v.reason ? { reason: v.reason } : {}) }),
  },
  category: { usage: 'category REF ID', help: '  case category REF ID       the policy\'s category the case is filed under (before it closes)\n', fits: one, input: (r) => ({ category: first(r) }) },
  'action-done': {
    usage: 'action-done REF N',
    help: '  case action-done REF N     action N agreed at an outcome was done (as case show numbers them)\n',
    fits: (p) => one(p) && /^[1-9]\d{0,2}$/.test(p[0] as string),
    input: (r) => ({ action: Number(first(r)) }),
  },
  'outside-body': {
    usage: 'outside-body REF BODY',
    help: '  case outside-body REF BODY the complainant took it to an outside body the policy names (for the report)\n',
    fits: one,
    input: (r) => ({ body: first(r) }),
  },
  'add-participant': {
    usage: 'add-participant REF EMAIL',
    help: `  case add-participant REF EMAIL
                             someone besides the complainant may write into the case
`,
    fits: one,
    input: (r) => ({ email: first(r) }),
  },
  'page-new': { partOf: 'case page' },
  'page-revoke': { partOf: 'case page' },
  adjust: {
    usage: 'adjust REF KIND [--review YYYY-MM-DD] [--text DETAILS]',
    help: `  case adjust REF KIND [--review DATE] [--text DETAILS]
                             a reasonable adjustment agreed (large-print, post, phone, email-only,
                             easy-read, interpreter, advocate, more-time, the policy's own, other
                             --text WHAT), reviewed by DATE (the policy's weeks from today if not
                             given); the same KIND again is its review. Letters follow it
`,
    fits: one,
    input: (r, v) => ({ kind: first(r), ...(v.text ? { details: v.text } : {}), ...(v.review ? { reviewOn: v.review } : {}) }),
  },
  'end-adjustment': {
    usage: 'end-adjustment REF KIND [--reason TEXT]',
    help: `  case end-adjustment REF KIND [--reason TEXT]
                             an adjustment no longer needed (kept on the record, ended)
`,
    fits: one,
    input: (r, v) => ({ kind: first(r), ...(v.reason ? { reason: v.reason } : {}) }),
  },
  vulnerability: {
    usage: 'vulnerability REF (--reason TEXT | --clear)',
    help: `  case vulnerability REF (--reason TEXT | --clear)
                             why the complainant may be vulnerable: shown first on the case page,
                             to the handling role and those above only
`,
    fits: (p, v) => none(p) && Boolean(v.reason) !== Boolean(v.clear),
    input: (_r, v) => ({ ...(v.reason ? { reason: v.reason } : {}) }),
  },
  'service-request': {
    usage: 'service-request REF --summary TEXT',
    help: `  case service-request REF --summary TEXT
                             not a complaint but a service request: what they asked, in your words
                             (the letter says what happens next, and that they can still complain)
`,
    fits: (p, v) => none(p) && Boolean(v.summary),
    input: (_r, v) => ({ asked: v.summary ?? '' }),
  },
  'service-request-step': { usage: 'service-request-step REF TEXT', help: `  case service-request-step REF TEXT
                             a step taken on the service request (staff only)
`, fits: one, input: (r) => ({ text: first(r) }) },
  'service-request-done': {
    usage: 'service-request-done REF --summary TEXT',
    help: `  case service-request-done REF --summary TEXT
                             the service request is dealt with: what was done (the letter tells them)
`,
    fits: (p, v) => none(p) && Boolean(v.summary),
    input: (_r, v) => ({ done: v.summary ?? '' }),
  },
  complaint: {
    usage: 'complaint REF --summary TEXT [--on YYYY-MM-DD]',
    help: `  case complaint REF --summary TEXT [--on DATE]
                             they complain about their service request: what they are unhappy about,
                             in their words, and the day they said it (today unless --on); a complaint
                             from now on, its deadlines from the first contact where the policy says so
`,
    fits: (p, v) => none(p) && Boolean(v.summary),
    input: (_r, v) => ({ words: v.summary ?? '', ...(v.on ? { on: v.on } : {}) }),
  },
  ...RESTRICTION_CLI_VERBS,
};

/**
 * `redress case VERB REF ...` for one verb: parsing, the stack, sending the letters it wrote and the printed
 * result are the same for all of them (../shared/conventions/case-actions.md).
 */
function caseVerbCommand<V extends StaffVerb>(verb: V, cli: CliVerb<V>): (args: string[]) => Promise<number> {
  return async (args) => {
    const { positionals, values, at, actor } = parseCaseArgs(args);
    if (positionals.length === 0 || !cli.fits(positionals.slice(1), values)) throw new UsageError(`usage: redress case ${cli.usage} [--at INSTANT] [--by NAME] [--json]`);
    const [reference, ...rest] = positionals as [string, ...string[]];
    return withStack(
      async (ctx) => {
        const verbs: StaffVerbs = ctx.useCases.staff;
        const act: StaffVerbs[V] = verbs[verb];
        return printCase(ctx, await act({ reference: reference.toUpperCase(), at, actor, ...cli.input(rest, values) }), Boolean(values.json));
      },
      { sendLetters: true },
    );
  };
}

const ENTRIES = Object.entries(CLI_VERBS) as [StaffVerb, CliVerbs[StaffVerb]][];

/** `case VERB` for every verb the command line has of its own, keyed as the dispatcher looks them up. */
export const CASE_VERB_COMMANDS: Record<string, (args: string[]) => Promise<number>> = Object.fromEntries(
  ENTRIES.flatMap(([verb, cli]) => ('partOf' in cli ? [] : [[`case ${verb}`, caseVerbCommand(verb, cli as CliVerb<typeof verb>)]])),
);

/** The verbs' lines in `help`, in the table's order. */
export const CASE_VERBS_HELP: string = ENTRIES.map(([, cli]) => ('partOf' in cli ? '' : cli.help)).join('');
