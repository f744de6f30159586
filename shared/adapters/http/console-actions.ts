import type { StaffInput, StaffVerb } from '#application/staff/staff-action-catalogue';
import { rolesIn } from '#domain/access/case-access';
import type { StaffMember } from '#domain/access/staff-member';
import type { StaffPerson } from '#domain/access/staff-person';
import type { Case } from '#domain/case/case';
import type { RefusalHint } from '#domain/case/case-change';
import { agreedActions } from '#domain/case/actions/action-done';
import { maximumInWords, responseMaximum } from '#domain/case/actions/extend-deadline';
import { dateInWords } from '#domain/letters/dates-in-words';
import { londonDate } from '#domain/calendar/london-date';
import { goesByPost } from '#domain/letters/complainant-letter';
import { MESSAGE_SUBJECT_MAX } from '#domain/case/actions/write-to-complainant';
import { deadlineDueWords } from '#domain/policy/deadline-words';
import type { ProblemLink } from './house-document.js';
import { REMEDY_KINDS, type Policy } from '#domain/policy/policy-schema';
import { remedyName } from '#domain/policy/remedy-names';
import { clauseInWords } from '#domain/policy/clause-words';
import { roleTitle, roleTitleInText, stageById, stageName } from '#domain/policy/policy-lookups';
import { CHANNELS, PREFERRED_CHANNELS } from '#domain/case/actions/correct-details';
import { CHANNEL_WORDS, PREFERRED_WORDS } from '#domain/case/channel-words';
import { activeAdjustments, adjustmentChoices, adjustmentName } from '#domain/adjustments/adjustment-kinds';
import { isServiceRequestOnly, serviceRequestOpen } from '#domain/case/service-request';
import { entryStage } from '#domain/case/route-case';
import { mayRestrict } from '#domain/access/restrict-who';
import { CHANNEL_IN_WORDS, RESTRICTION_CHANNELS } from '#domain/case/contact-restriction';
import { RESTRICTION_REVIEW_MAX_DAYS } from '#domain/case/actions/restrict-contact';

export interface ActionField {
  readonly name: string;
  readonly label: string;
  readonly kind: 'text' | 'textarea' | 'date' | 'datetime-local' | 'tel' | 'select' | 'checkbox' | 'checkboxes' | 'email';
  readonly hint?: string;
  readonly options?: readonly { readonly value: string; readonly label: string }[];
}

export type FormValues = Readonly<Record<string, string | readonly string[] | undefined>>;

/** What a form may need beyond the case and its policy, read before it is shown: the people a case may be assigned to. */
export interface FormContext {
  readonly people?: readonly StaffPerson[];
}

/** One verb of the staff-action catalogue as a form: its label, when it is offered, its fields, and the input its answers make. */
export interface ConsoleForm<V extends StaffVerb> {
  readonly label: string;
  /** Whether it belongs on the case's list now, for this person (closed cases can only be reopened, noted or have their page changed). */
  readonly offered: (c: Case, policy: Policy, member?: StaffMember) => boolean;
  readonly fields: (c: Case, policy: Policy, context?: FormContext) => readonly ActionField[];
  /** The form lists the people of the case's handling role (read from the staff directory before it is shown). */
  readonly needsPeople?: boolean;
  readonly input: (form: FormValues) => StaffInput<V>;
  /** The answers the form opens with, where it corrects what the case holds (the details as they are now). */
  readonly initial?: (c: Case, policy: Policy) => FormValues;
}

/** Every verb of the catalogue has a form, or says it has none: a new verb fails the type check until it does. */
export type ConsoleForms = { readonly [V in StaffVerb]: ConsoleForm<V> | 'command-line-only' };

/** A form as the pages list and render it, whichever verb it is. */
export interface ConsoleAction extends ConsoleForm<StaffVerb> {
  readonly verb: StaffVerb;
}

const one = (form: FormValues, name: string): string => {
  const v = form[name];
  return (Array.isArray(v) ? (v[0] ?? '') : typeof v === 'string' ? v : '').trim();
};
const many = (form: FormValues, name: string): string[] => {
  const v = form[name];
  return (Array.isArray(v) ? [...v] : typeof v === 'string' && v ? [v] : []).map((x) => x.trim()).filter(Boolean);
};
const ticked = (form: FormValues, name: string) => one(form, name) === 'yes';
const open = (c: Case) => c.status !== 'closed';
/** The deadlines of the case's stage staff can act on, one per kind (the pending one, else the latest missed). */
const actionable = (c: Case) => {
  const open = c.deadlines.filter((d) => d.stage === c.stage && (d.status === 'pending' || d.status === 'missed') && !d.kind.endsWith('window') && d.kind !== 'retention');
  const kinds = [...new Set(open.map((d) => d.kind))];
  return kinds.map((k) => open.find((d) => d.kind === k && d.status === 'pending') ?? (open.filter((d) => d.kind === k).at(-1) as (typeof open)[number]));
};
const pendingKinds = (c: Case) => actionable(c).map((d) => d.kind);
/** A deadline as a choice in a form: its words and date ("Respond at the latest by Monday 21 December 2026"), never its id. */
const deadlineOptions = (c: Case, keep: (kind: string) => boolean = () => true) =>
  actionable(c)
    .filter((d) => keep(d.kind))
    .map((d) => ({ value: d.kind, label: `${deadlineDueWords(d.kind)} ${dateInWords(d.dueDate)}${d.status === 'missed' ? ' (missed)' : ''}` }));
/** What the extension form says of the policy's maximum for the response, where it sets one. */
const maximumHint = (c: Case, p: Policy): string | undefined => {
  const max = responseMaximum(p, c);
  if (!max) return undefined;
  const stage = stageName(p, c.stage);
  const rule =
    max.past === 'refused'
      ? 'It allows no extension past it.'
      : 'A later date is allowed only with a reason: the holding letter tells the complainant that it is past the maximum, and why.';
  return `The policy’s maximum for the response at ${stage}: ${maximumInWords(max)}. ${rule}`;
};
const ACTION_ROWS = [1, 2, 3];

/** Offered to those who may (a role above the handler); the command line, with no member, sees every form. */
const mayHere = (c: Case, p: Policy, member?: StaffMember) => !c.destroyedAt && (!member || mayRestrict(member, p, c));
const channelOptions = RESTRICTION_CHANNELS.map((ch) => ({ value: ch, label: `${CHANNEL_IN_WORDS[ch].charAt(0).toUpperCase()}${CHANNEL_IN_WORDS[ch].slice(1)}` }));
const reviewHint = `A date to come, at most ${RESTRICTION_REVIEW_MAX_DAYS} days away: a restriction is never open-ended. The digest reminds you a week before.`;

/** The console's forms for restrictions on contact, at the end of CONSOLE_FORMS. */
const RESTRICTION_FORMS = {
  restrict: {
    label: 'Restrict how the complainant contacts us',
    offered: (c, p, member) => !c.restriction && mayHere(c, p, member),
    fields: (c, p) => [
      { name: 'email', label: 'Their email address (mail from it is matched)', kind: 'email', hint: c.complainant.email ? `Leave empty for ${c.complainant.email}, the address on the case.` : 'The case has none: give one, a name, or both.' },
      { name: 'name', label: 'Their name', kind: 'text', hint: c.complainant.name ? `Leave empty for ${c.complainant.name}.` : undefined },
      { name: 'reason', label: 'Why (the behaviour, in words the letter to them uses)', kind: 'textarea', hint: 'Say what happened and why a restriction is proportionate. The letter quotes it.' },
      { name: 'scope', label: 'What is limited', kind: 'textarea', hint: 'For example: "telephone calls to staff other than your point of contact, and visits without an appointment".' },
      { name: 'channels', label: 'How they can still contact us (at least one)', kind: 'checkboxes', options: channelOptions },
      { name: 'contactName', label: 'Their single point of contact (a person’s name)', kind: 'text' },
      { name: 'contactRole', label: 'That person’s role (their notices go to its mailbox)', kind: 'select', options: p.roles.map((r) => ({ value: r.id, label: r.title })) },
      { name: 'reviewOn', label: 'Review by', kind: 'date', hint: reviewHint },
    ],
    input: (f) => ({
      ...(one(f, 'email') ? { email: one(f, 'email') } : {}),
      ...(one(f, 'name') ? { name: one(f, 'name') } : {}),
      reason: one(f, 'reason'),
      scope: one(f, 'scope'),
      channels: many(f, 'channels'),
      contactName: one(f, 'contactName'),
      contactRole: one(f, 'contactRole'),
      reviewOn: one(f, 'reviewOn'),
    }),
  },
  'restriction-review': {
    label: 'Review the restriction on contact (keep it)',
    offered: (c, p, member) => Boolean(c.restriction) && mayHere(c, p, member),
    fields: () => [
      { name: 'note', label: 'What the review found (the letter to them quotes it)', kind: 'textarea' },
      { name: 'channels', label: 'How they can contact us from now (leave all unticked to keep them as they are)', kind: 'checkboxes', options: channelOptions },
      { name: 'reviewOn', label: 'Next review by', kind: 'date', hint: reviewHint },
    ],
    input: (f) => ({ note: one(f, 'note'), reviewOn: one(f, 'reviewOn'), ...(many(f, 'channels').length > 0 ? { channels: many(f, 'channels') } : {}) }),
  },
  'restriction-lift': {
    label: 'Lift the restriction on contact',
    offered: (c, p, member) => Boolean(c.restriction) && mayHere(c, p, member),
    fields: () => [{ name: 'note', label: 'Anything the letter to them should add (optional)', kind: 'textarea' }],
    input: (f) => ({ ...(one(f, 'note') ? { note: one(f, 'note') } : {}) }),
  },
} satisfies Pick<ConsoleForms, 'restrict' | 'restriction-review' | 'restriction-lift'>;

/** The category select of an action that closes the case, where the policy reports by category and the case has none yet. */
const categoryToCloseField = (c: Case, p: Policy): ActionField[] =>
  p.reporting.byCategory && !c.category
    ? [
        {
          name: 'category',
          label: 'Category (the report counts complaints by it)',
          kind: 'select',
          options: [{ value: '', label: 'Choose the category' }, ...p.categories.map((k) => ({ value: k.id, label: k.name }))],
        },
      ]
    : [];

export const CONSOLE_FORMS: ConsoleForms = {
  acknowledge: {
    label: 'Acknowledge, or set the reply date',
    // A service request is not acknowledged as a complaint: recording the complaint about it acknowledges it.
    offered: (c) => c.status === 'open' && !isServiceRequestOnly(c),
    fields: (c, p) => [
      ...(stageById(p, c.stage)?.replyDate ? [{ name: 'respondBy', label: 'Reply by (leave empty for the policy default)', kind: 'date' as const }] : []),
      // An address typed into the form is written to only once confirmed (the acknowledgement then goes by itself).
      ...(c.complainant.emailConfirmed === false
        ? [
            {
              name: 'byPostOrPhone',
              label: 'I acknowledged it by post or telephone',
              kind: 'checkbox' as const,
              hint: 'The email address typed into the form is not confirmed, so nothing is emailed to it: the acknowledgement goes there by itself when the complainant confirms it. Tick this only if you have acknowledged the complaint by post or telephone; the letter is kept on the case for you to post or read out.',
            },
          ]
        : []),
    ],
    input: (f) => ({ ...(one(f, 'respondBy') ? { respondBy: one(f, 'respondBy') } : {}), ...(ticked(f, 'byPostOrPhone') ? { byPostOrPhone: true } : {}) }),
  },
  sign: { label: 'The signed complaint arrived', offered: (c) => c.status === 'awaiting-signature', fields: () => [], input: () => ({}) },
  event: {
    label: "Record one of the policy's events",
    offered: (c, p) => open(c) && p.events.length > 0,
    fields: (_c, p) => [{ name: 'event', label: 'What happened', kind: 'select', options: p.events.map((e) => ({ value: e.id, label: `${e.description} (${clauseInWords(e.clause)})` })) }],
    input: (f) => ({ event: one(f, 'event') }),
  },
  meeting: {
    label: 'A meeting offered or held',
    offered: open,
    fields: () => [
      { name: 'offered', label: 'Meeting offered for (date)', kind: 'date' },
      { name: 'held', label: 'The meeting was held', kind: 'checkbox' },
    ],
    input: (f) => ({ ...(one(f, 'offered') ? { offeredFor: one(f, 'offered') } : {}), held: ticked(f, 'held') }),
  },
  met: {
    label: 'A deadline met by other means',
    offered: (c) => open(c) && pendingKinds(c).some((k) => k !== 'acknowledge'),
    fields: (c) => [{ name: 'kind', label: 'Which deadline', kind: 'select', options: deadlineOptions(c, (k) => k !== 'acknowledge') }],
    input: (f) => ({ kind: one(f, 'kind') }),
  },
  extend: {
    label: 'More time (with the holding letter)',
    offered: (c) => open(c) && pendingKinds(c).length > 0,
    fields: (c, p) => [
      { name: 'kind', label: 'Which deadline', kind: 'select', options: deadlineOptions(c) },
      { name: 'newDate', label: 'New date', kind: 'date', ...(maximumHint(c, p) ? { hint: maximumHint(c, p) as string } : {}) },
      { name: 'reason', label: 'Why more time is needed (the letter tells the complainant)', kind: 'textarea' },
      ...(stageById(p, c.stage)?.extensions?.agreementRecorded ? [{ name: 'agreed', label: 'The complainant agreed', kind: 'checkbox' as const }] : []),
    ],
    input: (f) => ({ kind: one(f, 'kind'), newDate: one(f, 'newDate'), reason: one(f, 'reason'), agreed: ticked(f, 'agreed') }),
  },
  outcome: {
    label: "The stage's decision (outcome letter)",
    // One decision per stage: once made, the case goes on to the next stage or closes.
    offered: (c) => c.status === 'open' && !c.outcomes?.some((o) => o.stage === c.stage),
    fields: (_c, p) => [
      // No decision is chosen for the officer: the form starts on an empty choice, which is refused if sent.
      {
        name: 'decision',
        label: 'Decision',
        kind: 'select',
        options: [
          { value: '', label: 'Choose the decision' },
          { value: 'upheld', label: 'Upheld' },
          { value: 'partly-upheld', label: 'Partly upheld' },
          { value: 'not-upheld', label: 'Not upheld' },
        ],
      },
      { name: 'whatUpheld', label: 'If partly upheld: what we upheld (the letter gives it)', kind: 'textarea' },
      { name: 'whatNotUpheld', label: 'If partly upheld: what we did not uphold (the letter gives it)', kind: 'textarea' },
      { name: 'summary', label: 'Why we reached this decision (the letter gives it)', kind: 'textarea' },
      { name: 'remedy', label: 'What we will do to put it right', kind: 'checkboxes', options: [...REMEDY_KINDS, ...p.outcomes.remedies.map((r) => r.id).filter((id) => !(REMEDY_KINDS as readonly string[]).includes(id))].map((id) => ({ value: id, label: remedyName(p, id) })) },
      ...ACTION_ROWS.flatMap((i) => [
        { name: `action${i}`, label: `Action ${i} we agreed (optional)`, kind: 'text' as const },
        { name: `due${i}`, label: `Action ${i} due by`, kind: 'date' as const },
      ]),
      { name: 'lessons', label: 'What we learnt (staff and the board only; not in the letter)', kind: 'textarea' },
    ],
    input: (f) => ({
        // Checked by the decision itself: an empty or unknown choice is refused there, in words.
        decision: one(f, 'decision'),
        summary: one(f, 'summary'),
        ...(one(f, 'whatUpheld') ? { whatUpheld: one(f, 'whatUpheld') } : {}),
        ...(one(f, 'whatNotUpheld') ? { whatNotUpheld: one(f, 'whatNotUpheld') } : {}),
        remedies: many(f, 'remedy'),
        actions: ACTION_ROWS.filter((i) => one(f, `action${i}`)).map((i) => ({ text: one(f, `action${i}`), due: one(f, `due${i}`) })),
        ...(one(f, 'lessons').trim() ? { lessons: one(f, 'lessons') } : {}),
    }),
  },
  category: {
    label: 'File it under a category (for the report)',
    offered: (c, p) => c.status !== 'closed' && p.categories.length > 0,
    fields: (c, p) => [{ name: 'category', label: 'Category', kind: 'select', options: p.categories.filter((k) => k.id !== c.category).map((k) => ({ value: k.id, label: k.name })) }],
    input: (f) => ({ category: one(f, 'category') }),
  },
  'outside-body': {
    label: 'The complainant went to an outside body',
    offered: (c, p) => !c.destroyedAt && p.outsideBodies.some((b) => !c.referrals?.some((r) => r.body === b.id)),
    fields: (c, p) => [{ name: 'body', label: 'Which body', kind: 'select', options: p.outsideBodies.filter((b) => !c.referrals?.some((r) => r.body === b.id)).map((b) => ({ value: b.id, label: b.name })) }],
    input: (f) => ({ body: one(f, 'body') }),
  },
  'action-done': {
    label: 'An agreed action was done',
    offered: (c) => agreedActions(c).some((a) => !a.doneAt),
    fields: (c) => [{ name: 'action', label: 'Which action', kind: 'select', options: agreedActions(c).filter((a) => !a.doneAt).map((a) => ({ value: String(a.n), label: `${a.text} (due ${a.due})` })) }],
    input: (f) => ({ action: Number(one(f, 'action')) }),
  },
  escalate: {
    label: 'The complainant asked for the next stage',
    offered: (c) => c.status === 'open',
    fields: () => [
      { name: 'grounds', label: 'What the complainant says is still wrong (optional: they need not give reasons)', kind: 'textarea', hint: 'The next stage’s handler is sent these words with the case.' },
      { name: 'reason', label: 'Why it is accepted after the time to ask has ended (needed only then)', kind: 'textarea' },
    ],
    input: (f) => ({ ...(one(f, 'grounds') ? { grounds: one(f, 'grounds') } : {}), ...(one(f, 'reason') ? { reason: one(f, 'reason') } : {}) }),
  },
  withdraw: {
    label: 'The complainant withdrew',
    offered: open,
    fields: (c, p) => [{ name: 'confirmedInWriting', label: 'They confirmed it in writing', kind: 'checkbox' }, ...categoryToCloseField(c, p)],
    input: (f) => ({ confirmedInWriting: ticked(f, 'confirmedInWriting'), ...(one(f, 'category') ? { category: one(f, 'category') } : {}) }),
  },
  redirect: {
    label: 'Not for this procedure (say where to go)',
    offered: (c, p) => open(c) && p.outOfScope.length > 0,
    fields: (_c, p) => [{ name: 'outOfScope', label: 'What it is about', kind: 'select', options: p.outOfScope.map((o) => ({ value: o.id, label: o.matter })) }],
    input: (f) => ({ outOfScope: one(f, 'outOfScope') }),
  },
  'early-resolution': {
    label: 'Resolved at once',
    offered: (c, p) => open(c) && Boolean(p.earlyResolution),
    fields: () => [{ name: 'summary', label: 'What was agreed with the complainant', kind: 'textarea' }],
    input: (f) => ({ summary: one(f, 'summary') }),
  },
  reassign: {
    label: 'Another handler',
    offered: open,
    fields: (_c, p) => [{ name: 'role', label: 'New handler', kind: 'select', options: p.roles.map((r) => ({ value: r.id, label: r.title })) }],
    input: (f) => ({ role: one(f, 'role') }),
  },
  assign: {
    label: 'Assign to a person',
    offered: open,
    needsPeople: true,
    fields: (c, p, context) => {
      const people = context?.people ?? [];
      const role = roleTitle(p, c.handlerRole);
      const label = `A person in the role handling it (${role})`;
      // The people who have signed in holding the role (never the person it is about): there is no other staff list.
      return people.length
        ? [{ name: 'to', label, kind: 'select' as const, hint: `People appear here once they have signed in to the console as ${roleTitleInText(p, c.handlerRole)}.`, options: people.map((person) => ({ value: person.email, label: person.name === person.email ? person.email : `${person.name} (${person.email})` })) }]
        : [{ name: 'to', label, kind: 'email' as const, hint: `No one else in this role has signed in to the console yet: people appear here once they have. Or type the address of a person in it.` }];
    },
    input: (f) => ({ to: one(f, 'to') }),
  },
  take: {
    label: 'Take it: assign it to me',
    // Only to a person of the handling role who does not have it already.
    offered: (c, p, member) => open(c) && Boolean(member && rolesIn(member, p.id).has(c.handlerRole) && c.handler?.email !== member.email?.toLowerCase()),
    fields: () => [],
    input: () => ({}),
  },
  named: {
    label: 'Whom it names: confirm or undo',
    // Offered to whoever may act on it (the handler routing chose, or above): never the person it named.
    offered: (c) => Boolean(c.named && !c.named.decided) && c.status !== 'closed',
    fields: (c, p) => [
      {
        name: 'decision',
        label: `Is it about the ${(c.named?.roles ?? []).map((r) => p.roles.find((x) => x.id === r)?.title ?? r).join(' and the ')}?`,
        kind: 'select',
        options: [
          { value: 'confirm', label: 'Yes: keep it from them' },
          { value: 'undo', label: 'No: route it as usual (they will be told and can read it)' },
        ],
      },
      { name: 'reason', label: 'Why it is not about them (needed to undo)', kind: 'textarea' },
    ],
    input: (f) => ({ decision: one(f, 'decision') === 'undo' ? 'undo' : 'confirm', ...(one(f, 'reason') ? { reason: one(f, 'reason') } : {}) }),
  },
  message: {
    label: 'Write to the complainant',
    offered: (c) => !c.destroyedAt,
    fields: (c, p) => [
      { name: 'subject', label: 'Subject', kind: 'text', hint: `At most ${MESSAGE_SUBJECT_MAX} characters. The reference is put in front of it.` },
      {
        name: 'text',
        label: 'Your message (a question, an invitation to meet, a receipt for documents)',
        kind: 'textarea',
        hint: `The letter opens with the greeting and ends with the sign-off and how to reply; write only what goes between. ${goesByPost(c, p) ? 'It goes by post: the case keeps it for you to print and post.' : 'It goes by email, to the address the complainant has proved.'}`,
      },
    ],
    input: (f) => ({ subject: one(f, 'subject'), text: one(f, 'text') }),
  },
  posted: {
    label: 'A letter went in the post',
    offered: (c) => !c.destroyedAt && (c.postLetters ?? []).some((l) => !l.postedOn && !l.outdatedAt),
    fields: (c) => [
      { name: 'letter', label: 'Which letter', kind: 'select', options: (c.postLetters ?? []).filter((l) => !l.postedOn && !l.outdatedAt).map((l) => ({ value: l.id, label: `${l.subject} (written ${dateInWords(londonDate(l.draftedAt))})` })) },
      { name: 'on', label: 'The day it was posted', kind: 'date', hint: 'Leave empty for today. The time the outcome letter gives to ask for the next stage, or to go to an outside body, counts from this day.' },
    ],
    input: (f) => ({ letter: one(f, 'letter'), ...(one(f, 'on') ? { on: one(f, 'on') } : {}) }),
  },
  note: { label: 'An internal note', offered: () => true, fields: () => [{ name: 'text', label: 'Note (staff only)', kind: 'textarea' }], input: (f) => ({ text: one(f, 'text') }) },
  details: {
    label: "Correct the complaint's details",
    offered: (c) => !c.destroyedAt,
    fields: (_c, p) => [
      { name: 'channel', label: 'How the complaint was made', kind: 'select', options: CHANNELS.map((ch) => ({ value: ch, label: CHANNEL_WORDS[ch] })) },
      { name: 'name', label: "The complainant's name", kind: 'text' },
      { name: 'email', label: 'Email address (leave empty if none)', kind: 'email', hint: 'An address the complainant gave you: letters go to it (unless they prefer post).' },
      { name: 'phone', label: 'Telephone (leave empty if none)', kind: 'text' },
      { name: 'postalAddress', label: 'Postal address (leave empty if none)', kind: 'textarea' },
      { name: 'preferredChannel', label: 'How they want to be written to', kind: 'select', options: [{ value: '', label: 'Not said' }, ...PREFERRED_CHANNELS.map((ch) => ({ value: ch, label: PREFERRED_WORDS[ch] }))] },
      {
        name: 'about',
        label: 'Whom it is about',
        kind: 'select',
        hint: 'Changing this routes the complaint again: never to the person it is about, who can no longer see it.',
        options: [{ value: '', label: 'No one in particular' }, ...p.roles.map((r) => ({ value: r.id, label: r.title }))],
      },
    ],
    initial: (c) => ({
      channel: c.channel,
      name: c.complainant.name ?? '',
      email: c.complainant.email ?? '',
      phone: c.complainant.phone ?? '',
      postalAddress: c.complainant.postalAddress ?? '',
      preferredChannel: c.complainant.preferredChannel ?? '',
      about: c.about ?? '',
    }),
    input: (f) => ({ channel: one(f, 'channel'), name: one(f, 'name'), email: one(f, 'email'), phone: one(f, 'phone'), postalAddress: one(f, 'postalAddress'), preferredChannel: one(f, 'preferredChannel'), about: one(f, 'about') }),
  },
  // A file cannot go through a form of fields: the console's upload page (/console/cases/REF/attach) stores it first.
  attach: 'command-line-only',
  'add-participant': { label: 'Someone else may write into the case', offered: open, fields: () => [{ name: 'email', label: 'Their email address', kind: 'email' }], input: (f) => ({ email: one(f, 'email') }) },
  close: { label: 'Close the case', offered: open, fields: (c, p) => categoryToCloseField(c, p), input: (f) => ({ ...(one(f, 'category') ? { category: one(f, 'category') } : {}) }) },
  'not-a-request': {
    label: 'The reply was not asking for the next stage',
    offered: (c) => Boolean(c.possibleNextStageRequest) && c.status !== 'closed',
    fields: () => [{ name: 'reason', label: 'What it was instead (optional, staff only)', kind: 'textarea' }],
    input: (f) => ({ ...(one(f, 'reason').trim() ? { reason: one(f, 'reason') } : {}) }),
  },
  reopen: { label: 'Reopen the case', offered: (c) => c.status === 'closed', fields: () => [{ name: 'reason', label: 'Why it is open again', kind: 'textarea' }], input: (f) => ({ reason: one(f, 'reason') }) },
  'page-new': { label: "A new address for the complainant's page", offered: () => true, fields: () => [], input: () => ({}) },
  'page-revoke': { label: "Take the complainant's page down", offered: (c) => Boolean(c.page), fields: () => [], input: () => ({}) },
  adjust: {
    label: 'Reasonable adjustment: agree or review one',
    offered: (c) => !c.destroyedAt,
    fields: (_c, p) => [
      { name: 'kind', label: 'The adjustment agreed', kind: 'select', options: [{ value: '', label: 'Choose the adjustment' }, ...adjustmentChoices(p).map((k) => ({ value: k.id, label: k.name }))], hint: 'Letters follow it from the next one: large print and post are letters for post (large print at 16 point), a telephone call puts a call on your list before each letter, email only sends none by post. Agreeing one already in force is its review.' },
      { name: 'details', label: 'Details (which language, who the advocate is, what "something else" is)', kind: 'text' },
      { name: 'reviewOn', label: 'Review it by', kind: 'date', hint: `Leave empty for ${p.adjustments?.reviewWeeks ?? 12} weeks from today. The digest lists it when the day comes.` },
    ],
    input: (f) => ({ kind: one(f, 'kind'), ...(one(f, 'details') ? { details: one(f, 'details') } : {}), ...(one(f, 'reviewOn') ? { reviewOn: one(f, 'reviewOn') } : {}) }),
    // The first thing they asked for that is not agreed yet is chosen: the officer confirms it with them.
    initial: (c) => {
      const agreed = new Set(activeAdjustments(c).map((a) => a.kind));
      const next = c.adjustmentsAsked?.kinds.find((k) => !agreed.has(k));
      return next ? { kind: next } : {};
    },
  },
  'end-adjustment': {
    label: 'Reasonable adjustment: end one no longer needed',
    offered: (c) => !c.destroyedAt && activeAdjustments(c).length > 0,
    fields: (c, p) => [
      { name: 'kind', label: 'The adjustment', kind: 'select', options: activeAdjustments(c).map((a) => ({ value: a.kind, label: adjustmentName(p, a.kind) })) },
      { name: 'reason', label: 'Why it is no longer needed (staff only)', kind: 'text' },
    ],
    input: (f) => ({ kind: one(f, 'kind'), ...(one(f, 'reason') ? { reason: one(f, 'reason') } : {}) }),
  },
  vulnerability: {
    label: 'The complainant may be vulnerable: note why (or clear it)',
    offered: (c) => !c.destroyedAt,
    fields: () => [{ name: 'reason', label: 'Why (seen only by the handling role and those above it; leave empty to clear the note)', kind: 'textarea' }],
    input: (f) => ({ ...(one(f, 'reason') ? { reason: one(f, 'reason') } : {}) }),
  },
  'service-request': {
    label: 'Not a complaint: a service request',
    offered: (c, p) => open(c) && Boolean(p.serviceRequests) && !c.serviceRequest && !c.outcome && c.stage === entryStage(p).id,
    fields: () => [
      { name: 'asked', label: 'What the person asked us to do', kind: 'textarea', hint: 'In your words: the letter says it back to them, tells them what happens next, and that they can still complain.' },
    ],
    input: (f) => ({ asked: one(f, 'asked') }),
  },
  'service-request-step': {
    label: 'A step on the service request',
    offered: (c) => !c.destroyedAt && serviceRequestOpen(c),
    fields: () => [{ name: 'text', label: 'What was done (staff only)', kind: 'textarea' }],
    input: (f) => ({ text: one(f, 'text') }),
  },
  'service-request-done': {
    label: 'The service request is dealt with',
    offered: (c) => !c.destroyedAt && serviceRequestOpen(c),
    fields: () => [{ name: 'done', label: 'What we did', kind: 'textarea', hint: 'The letter tells the person, and that they can still complain.' }],
    input: (f) => ({ done: one(f, 'done') }),
  },
  complaint: {
    label: 'They are complaining about it: record the complaint',
    offered: (c) => !c.destroyedAt && Boolean(c.serviceRequest && !c.serviceRequest.becameComplaint),
    fields: () => [
      { name: 'words', label: 'What they are unhappy about, in their words', kind: 'textarea', hint: 'The complaint is about this: it is kept on the case and the timeline.' },
      { name: 'on', label: 'The day they said it', kind: 'date', hint: 'Leave empty for today. Not before the service request came in.' },
    ],
    input: (f) => ({ words: one(f, 'words'), ...(one(f, 'on') ? { on: one(f, 'on') } : {}) }),
  },
  ...RESTRICTION_FORMS,
};

/** The forms in the catalogue's order, as the case page lists them. */
export const CONSOLE_ACTIONS: readonly ConsoleAction[] = (Object.entries(CONSOLE_FORMS) as [StaffVerb, ConsoleForms[StaffVerb]][]).flatMap(([verb, form]) =>
  form === 'command-line-only' ? [] : [{ verb, ...(form as ConsoleForm<StaffVerb>) }],
);

export function actionFor(verb: string): ConsoleAction | undefined {
  return CONSOLE_ACTIONS.find((a) => a.verb === verb);
}

/** The console's own field for each input a refusal may name, where it differs from the input's name. */
const FIELD_FOR_INPUT: Record<string, string> = { remedies: 'remedy', offeredFor: 'offered' };

/** Where a refusal sends the person: to the action it names instead, or to the field on this form to fix. */
export function refusalLink(hint: RefusalHint, c: Case, policy: Policy, action: ConsoleAction, context?: FormContext): ProblemLink | undefined {
  if (hint.instead) {
    const instead = actionFor(hint.instead);
    return instead?.offered(c, policy) ? { href: `/console/cases/${c.reference}/actions/${instead.verb}`, text: instead.label } : undefined;
  }
  const name = hint.input ? (FIELD_FOR_INPUT[hint.input] ?? hint.input) : undefined;
  const field = action.fields(c, policy, context).find((f) => f.name === name);
  // A group of checkboxes is reached at its first box.
  return field ? { href: field.kind === 'checkboxes' ? `#f-${field.name}-0` : `#f-${field.name}`, text: `Go to: ${field.label}` } : undefined;
}
