/**
 * The staff and operator command line's dispatch: each verb lives in cli/commands/; this file finds the verb and
 * turns the project's typed errors into one-line messages and exit codes. cli/redress.ts runs it as a process; the
 * tests call it in their own process (one module load for a file's hundred runs, not one per run).
 */
import { CalendarRangeError } from '#domain/calendar/calendar-errors';
import { InstantError } from '#domain/calendar/parse-instant';
import { ConfigError } from '#config/config';
import { ActionRefusedError } from '#domain/case/case-change';
import { refusalHint } from './refusal-hint.js';
import { CaseNotFoundError, HeldMessageNotFoundError } from '#application/ports/store-errors';
import { NothingToRetryError } from '#application/correspondence/retry-letter';
import { MalformedEmailError } from '#domain/mail/mail-errors';
import { PolicyError, UnknownPolicyItemError } from '#domain/policy/policy-errors';
import { caseListCommand } from '#cli/commands/case-list';
import { caseShowCommand } from '#cli/commands/case-show';
import { caseAttachCommand, caseOpenCommand, casePageCommand } from '#cli/commands/case-lifecycle';
import { CASE_VERB_COMMANDS, CASE_VERBS_HELP } from '#cli/commands/case-verbs';
import { digestCommand } from '#cli/commands/digest';
import { quarterlySummaryCommand, themesCommand } from '#cli/commands/oversight';
import { heldDiscardCommand, heldListCommand, heldReleaseCommand } from '#cli/commands/held';
import { letterPreviewCommand } from '#cli/commands/letter-preview';
import { outboxListCommand, outboxRetryCommand, outboxSendCommand } from '#cli/commands/outbox';
import { clockRunDueCommand, timersListCommand } from '#cli/commands/timers';
import { deadlinesCommand } from '#cli/commands/deadlines';
import { ingestCommand } from '#cli/commands/ingest';
import { parseEmailCommand } from '#cli/commands/parse-email';
import { policyCheckCommand } from '#cli/commands/policy-check';
import { policyShowCommand } from '#cli/commands/policy-show';
import { sendSampleCommand } from '#cli/commands/send-sample';
import { reportCommand, reportRebuildCommand } from '#cli/commands/report';
import { exportCommand } from '#cli/commands/export';
import { StackUnavailableError } from './stack-context.js';
import { UsageError } from './usage-error.js';

const HELP = `usage: npm run --silent redress -- <verb>

  policy check [FILE...]     validate policies (all of policies/ by default)
  policy show ID             a policy as a person reads it
  deadlines --policy ID --stage ID --event EVENT --at INSTANT
                             the deadlines an event starts, as JSON
  parse-email FILE           what Redress reads in a raw email, as JSON
  ingest FILE [--to ADDRESS] [--at INSTANT]
                             take a raw email into the local pipeline; prints the case reference
  send-sample [--policy ID]  send a sample complaint over SMTP to the running local stack
  report --policy ID --year YYYY [--format html|csv|json] [--out FILE] [--publish]
                             the annual report: figures, charts, self-assessment (html), csv, or raw json
  report rebuild --policy ID the report records and pending actions written again for every case (after an upgrade)
  export --policy ID --year YYYY [--out FILE] [--by NAME] [--confidential]
                             each case's monitoring fields as CSV, for staff; on each case's timeline
  case list [--policy ID] [--from EMAIL]
                             cases, newest first (--from: one complainant's)
  case show REF [--json]     a case with its letters and timeline
  case open --policy ID --name N [--email E] [--phone P] [--address A] --summary TEXT
            [--about ROLE] [--channel phone|letter|in-person] [--confidential]
                             a complaint made by phone, letter or in person; prints its reference
${CASE_VERBS_HELP}  case page REF [--new | --revoke]
                             the complainant's own page: its address, a new one, or taken down
  case attach REF --file PATH [--description TEXT] [--content-type TYPE]
                             a scanned letter or notes of a call, kept as an email's attachment is
    (case verbs take --at INSTANT, default now, --by NAME and --json; refused: exit 3)
  held list [--policy ID | --operator] [--settled]
                             messages kept for a person instead of becoming a case
  held release ID [--policy ID] [--confidential]
                             a held message is a complaint: open its case (--policy for
                             mail to an address no policy claims); prints the reference
  held discard ID --reason TEXT
                             not a complaint; the reason and the raw message are kept
  letter preview --policy ID --kind KIND [--case REF]
                             print a letter as the complainant will read it
  outbox list [--dead]       letters waiting to go (or given up), oldest first
  outbox retry ID            send a given-up letter again
  outbox send                work through the outbox once
  timers list [REF]          the local stack's timers, soonest first
  clock run-due --now INSTANT
                             fire every local timer due by that instant
  digest --policy ID [--now INSTANT] [--send]
                             an organisation's morning digest
  themes --policy ID [--now INSTANT] [--send]
                             categories, teams and places well above usual in the
                             last 30 days (sent on the week's first working day)
  quarterly-summary --policy ID [--now INSTANT] [--send]
                             the quarter before's summary for the Member Responsible
                             for Complaints (sent on the quarter's first working day)
`;

type Command = (args: string[]) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  'policy check': policyCheckCommand,
  'policy show': policyShowCommand,
  deadlines: deadlinesCommand,
  'parse-email': parseEmailCommand,
  ingest: ingestCommand,
  'send-sample': sendSampleCommand,
  'case list': caseListCommand,
  'case show': caseShowCommand,
  'case open': caseOpenCommand,
  ...CASE_VERB_COMMANDS,
  'case page': casePageCommand,
  'case attach': caseAttachCommand,
  'held list': heldListCommand,
  'held release': heldReleaseCommand,
  'held discard': heldDiscardCommand,
  'letter preview': letterPreviewCommand,
  'outbox list': outboxListCommand,
  'outbox retry': outboxRetryCommand,
  'outbox send': outboxSendCommand,
  'timers list': timersListCommand,
  'clock run-due': clockRunDueCommand,
  digest: digestCommand,
  themes: themesCommand,
  'quarterly-summary': quarterlySummaryCommand,
  report: reportCommand,
  'report rebuild': reportRebuildCommand,
  export: exportCommand,
};

async function run(argv: string[]): Promise<number> {
  if (argv.length === 0 || argv[0] === 'help' || argv[0] === '--help') {
    process.stdout.write(HELP);
    return 0;
  }
  const two = argv.slice(0, 2).join(' ');
  const [name, rest] = COMMANDS[two] ? [two, argv.slice(2)] : [argv[0] as string, argv.slice(1)];
  const command = COMMANDS[name];
  if (!command) throw new UsageError(`unknown verb "${argv.join(' ')}"; run \`npm run redress -- help\``);
  return command(rest);
}

const KNOWN_ERRORS = [
  UsageError,
  InstantError,
  UnknownPolicyItemError,
  CalendarRangeError,
  PolicyError,
  MalformedEmailError,
  StackUnavailableError,
  ConfigError,
  ActionRefusedError,
  NothingToRetryError,
  CaseNotFoundError,
  HeldMessageNotFoundError,
];

/**
 * Runs one command line (the arguments after `redress`): its exit code, its output written to process.stdout and
 * process.stderr. A typed error becomes one line on standard error; anything else is thrown, as a bug.
 */
export async function redress(argv: string[]): Promise<number> {
  try {
    return await run(argv);
  } catch (error) {
    const known = KNOWN_ERRORS.some((type) => error instanceof type);
    const isArgError = error instanceof Error && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
    if (!known && !isArgError) throw error;
    const hint = error instanceof ActionRefusedError ? refusalHint(error.hint) : undefined;
    const message = `${(error as Error).message}${hint ? ` (${hint})` : ''}`;
    process.stderr.write(`redress: ${message.split('\n').join('\nredress: ')}\n`);
    // conventions/case-actions.md: refused by the policy or the case's state is 3; a usage error or unknown case, 2.
    return error instanceof ActionRefusedError ? 3 : 2;
  }
}
