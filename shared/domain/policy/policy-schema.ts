import * as z from 'zod/mini';
import '#domain/text/schema-language';
import { JURISDICTIONS } from '#domain/calendar/jurisdiction';
import { ROLE_CAPABILITIES } from './capability.js';
import { oversightSchema } from './oversight-schema.js';
import { adjustmentsSchema } from './adjustments-schema.js';
import { inExtensionLettersSchema } from './extension-letters-schema.js';
import { serviceRequestsSchema } from './service-requests-schema.js';

/**
 * The policy format: one organisation's complaints policy as data. Every rule names the clause of the
 * organisation's own text it comes from, so that a complaints officer can check Redress against the policy.
 * Written in zod/mini, as every schema in Redress is: each function checks the policies it was deployed with at
 * cold start, and zod's classic build would be a third of a Lambda bundle.
 */

const id = z.string().check(z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lower-case words joined by hyphens, e.g. "stage-1"'));
const clause = z.string().check(z.trim(), z.minLength(1, 'must name the clause of the policy this rule comes from'));
const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const isoDate = z.iso.date('must be a date as YYYY-MM-DD');
const email = z.email('must be an email address such as complaints@example.org');
const wholeNumber = (min: number, max?: number) => z.int('must be a whole number').check(z.minimum(min, min === 1 ? 'must be at least 1' : undefined), ...(max === undefined ? [] : [z.maximum(max)]));

export const TIME_UNITS = ['workingDays', 'days', 'weeks', 'months', 'years'] as const;
export type TimeUnit = (typeof TIME_UNITS)[number];

export const DEADLINE_KINDS = [
  'acknowledge',
  'meet',
  'respond',
  'respond-max',
  'appeal-window',
  'external-escalation-window',
  'retention',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** Events every policy has (../shared/conventions/deadlines.md); a policy may declare more. */
export const BUILT_IN_EVENTS = ['received', 'outcome', 'closed'] as const;

const period = z.strictObject({
  amount: wholeNumber(1),
  unit: z.enum(TIME_UNITS, {
    error: (issue) => `unknown unit ${JSON.stringify(issue.input)}; use one of ${TIME_UNITS.join(', ')}`,
  }),
});

const deadlineRule = z.extend(period, {
  event: id,
  kind: z.enum(DEADLINE_KINDS, {
    error: (issue) => `unknown deadline kind ${JSON.stringify(issue.input)}; use one of ${DEADLINE_KINDS.join(', ')}`,
  }),
  clause,
  /** An outside body this window leads to (external-escalation-window). */
  body: z.optional(id),
  /** Other outside bodies the same window applies to (Not Alone Mentoring 8.5: a solicitor as well). */
  alsoFor: z.optional(z.array(id)),
  /** Anything a person reading the plan must know: when the clock really starts, "if possible". */
  note: z.optional(text),
  /**
   * For a rule that counts from the outcome, where the outcome letter goes by post: from the day staff record it
   * was posted (`posted`, the default: the complainant cannot act on a letter before it goes), or from the date
   * the letter bears (`dated`, where the policy says "from the date of the letter").
   */
  fromLetter: z.optional(z.enum(['posted', 'dated'], { error: (issue) => `unknown value ${JSON.stringify(issue.input)}; use posted or dated` })),
  /**
   * For a respond-max (a maximum beside the target): what an extension past it meets. `refused` (the default:
   * a maximum the acknowledgement promised "at the latest"), or `with-reason`: allowed, the maximum moving with
   * it, and the holding letter says that it is past the maximum and why.
   */
  pastMaximum: z.optional(z.enum(['refused', 'with-reason'], { error: (issue) => `unknown value ${JSON.stringify(issue.input)}; use refused or with-reason` })),
});
export type DeadlineRule = z.infer<typeof deadlineRule>;

const contact = z.strictObject({
  name: z.optional(text),
  email: z.optional(email),
  /** With its hours where the body publishes them: "0300 061 0614 (Monday to Friday, 10am to 4pm)". */
  phone: z.optional(text),
  /** The postal address (after `name`, where letters go to a named person). */
  address: z.optional(text),
  url: z.optional(z.url('must be a web address')),
  /** Where these details come from (the policy's clause, or the body's own published page), for whoever checks them. */
  source: z.optional(text),
});

const role = z.strictObject({
  id,
  title: text,
  /** How letters to a complainant name this role, where the title is written for staff ("the board members ..."). */
  inLetters: z.optional(text),
  contact: z.optional(contact),
  /**
   * Where Redress sends this role's staff notices (new cases, reminders, escalations, digests), when that is
   * not its public contact address: never a complaints address, which would bring each notice back in as mail.
   */
  noticeEmail: z.optional(email),
  /** The role told when this one misses a deadline. */
  reportsTo: z.optional(id),
  /**
   * How a complainant names this person in their own words ("Chief Executive", "CEO", "chief exec"): a complaint
   * whose subject or body uses one of these, or the contact's name, is about them, routed and kept from them as
   * the form's "about" field would. Only for roles listed here (a title as common as "manager" is left out).
   */
  namedAs: z.optional(z.array(text).check(z.minLength(1, 'list at least one name, or leave namedAs out'))),
  /**
   * What this role may do, where the policy gives it duties of its own (the council's Customer Relations Team
   * records and routes every complaint and decides none): `record` and `route` on every case of the organisation,
   * `decide` on the cases it handles or is above, `held-mail` to settle mail held before it became a case. Left
   * out, the role does everything on the cases it handles or is above, and settles held mail if it takes new
   * complaints or is above the role that does.
   */
  capabilities: z.optional(
    z.array(z.enum(ROLE_CAPABILITIES, { error: (issue) => `unknown capability ${JSON.stringify(issue.input)}; use ${ROLE_CAPABILITIES.join(', ')}` })).check(z.minLength(1, 'list at least one capability, or leave capabilities out')),
  ),
  clause,
});

const ruleWithClause = z.strictObject({ rule: text, clause });

const stage = z.strictObject({
  id,
  name: text,
  /** How a letter names the stage to a complainant, where its name is written for staff ("a review by our appeal panel"). */
  inLetters: z.optional(text),
  clause,
  /** Whether the stage is a formal one with a case record (an informal first word is not). */
  formal: z.boolean(),
  handler: id,
  description: text,
  independence: z.optional(ruleWithClause),
  deadlines: z._default(z.array(deadlineRule), []),
  /** A letter to send when the response will be late, and what it must say. */
  holdingLetter: z.optional(ruleWithClause),
  /**
   * A reply date the policy leaves to staff ("we will let you know when you can expect a reply"): a respond
   * deadline set when the stage is acknowledged, at `default` unless staff give another (`acknowledge
   * --respond-by`), and stated in the acknowledgement.
   */
  replyDate: z.optional(z.strictObject({ default: period, clause, note: z.optional(text) })),
  /**
   * Roles each of this stage's responses is shared with, in order, for information (the council's stage two:
   * the relevant Director, then the Chief Executive): each gets a copy of the letter as the complainant had it.
   */
  copyResponsesTo: z.optional(z.strictObject({ roles: z.array(id).check(z.minLength(1, 'name at least one role')), clause, note: z.optional(text) })),
  /** How far a deadline may be extended: at most `max` times per deadline; the complainant's agreement recorded. */
  extensions: z.optional(z.strictObject({ max: z.optional(wholeNumber(0)), agreementRecorded: z._default(z.boolean(), false), clause })),
  next: z.optional(
    z.strictObject({
      stage: id,
      /** Who moves the case on: the complainant asks, or the organisation proceeds by itself. */
      trigger: z.enum(['complainant-request', 'automatic']),
      /** For an automatic move: what moves it on (Not Alone Mentoring 7.1: once the complaint is acknowledged). */
      when: z.optional(z.enum(['acknowledged'])),
      how: text,
      clause,
    }),
  ),
  /** The stage's decision is the organisation's last word. */
  final: z._default(z.boolean(), false),
});
export type Stage = z.infer<typeof stage>;

const routingRule = z.strictObject({
  /** Whom the complaint is about: a role id. */
  about: id,
  /** Stages the rule applies to; all stages when absent. */
  stages: z.optional(z.array(id)),
  handler: id,
  clause,
  note: z.optional(text),
});

const outOfScope = z.strictObject({
  /** What staff name when they redirect a complaint (`case redirect REF ID`). */
  id,
  matter: text,
  goTo: text,
  clause,
  /** A deadline that other procedure promises, for the complainant's information. */
  note: z.optional(text),
});

/** Where a letter counts an outside body's time limit from, when the case holds no window for it. */
export const TIME_LIMIT_COUNTS = ['first-knew', 'final-decision'] as const;

/**
 * How long a complainant has to go to an outside body, by the body's own rule (the LGSCO: usually 12 months from
 * when they first knew of the matter), where no deadline rule of the policy (an external-escalation-window) sets it.
 */
const bodyTimeLimit = z.extend(period, {
  /** What the period runs from, in words for the complainant ("when you first knew about the matter you complained about"). */
  from: text,
  /**
   * What the last day is counted from: `first-knew`, when the complainant first knew of the matter, which Redress
   * does not know but which was no later than the day the complaint reached us (so a letter counts from that day
   * and says "at the latest"); `final-decision`, the day of our final decision. Unset: the period runs from
   * something Redress does not record, and letters give it in words only.
   */
  countFrom: z.optional(z.enum(TIME_LIMIT_COUNTS)),
  /** The body usually keeps to it but may take a later complaint for a good reason (the LGSCO). */
  usually: z._default(z.boolean(), false),
  /** Where the figure comes from: the policy's clause, or the body's own published guidance. */
  source: text,
});

const outsideBody = z.strictObject({
  id,
  name: text,
  /** What the body does, in words for the complainant: a letter and the complainant's page say it after the name. */
  role: text,
  contact: z.optional(contact),
  /** When the complainant may go there. */
  when: text,
  /** How long they have, where the policy's deadline rules leave it unsaid. */
  timeLimit: z.optional(bodyTimeLimit),
  /** Anything else the complainant needs to know to go there ("It will ask for a copy of this letter"). */
  note: z.optional(text),
  /**
   * Only for these out-of-scope matters (`outOfScope` ids): named in the letter redirecting such a matter, never in
   * a final letter about a complaint it has nothing to do with (the council's Information Commissioner).
   */
  forMatters: z.optional(z.array(id)),
  /** Named in every extension (holding) letter, with when the complainant may go to it then (./extension-letters-schema.ts). */
  inExtensionLetters: z.optional(inExtensionLettersSchema),
  clause,
});
export type OutsideBody = z.infer<typeof outsideBody>;

const timeLimit = z.extend(period, {
  /** What the period runs from, in words ("the end of working with us"). */
  from: text,
  exceptions: z._default(z.array(text), []),
  clause,
});

/** Optional questions a policy's web form may ask, besides name, contact, the complaint and the outcome wanted. */
export const WEB_FORM_FIELDS = ['incident', 'invoice-number', 'signature'] as const;
export type WebFormField = (typeof WEB_FORM_FIELDS)[number];

/** The letters a complainant gets (../shared/conventions/case-actions.md). */
export const LETTER_KINDS = [
  'acknowledgement',
  'signature-request',
  'holding',
  'outcome',
  'final-outcome',
  'next-stage-acknowledgement',
  'redirect',
  'withdrawal',
  'closure',
  'confirm-address',
  /** Staff's own words to the complainant (`case message`): a question, a meeting invitation, a receipt. */
  'message',
  /** A contact recorded as a service request: what happens next, and that they can still complain, and how. */
  'service-request',
  /** A service request dealt with: what was done, and that they can still complain, and how. */
  'service-request-done',
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** Remedy kinds every policy can use (../shared/conventions/case-actions.md), besides its own `outcomes.remedies`. */
export const REMEDY_KINDS = ['explanation', 'apology', 'assurance', 'steps', 'policy-review', 'other'] as const;
export type RemedyKind = (typeof REMEDY_KINDS)[number];

/** Complaint-handling codes a report can assess itself against: the Housing Ombudsman's and the LGSCO's 2024 codes, the SPSO model procedure. */
export const COMPLAINT_CODES = ['housing-ombudsman-2024', 'lgsco-2024', 'spso-model', 'none'] as const;
export type ComplaintCode = (typeof COMPLAINT_CODES)[number];

export const ANONYMOUS_HANDLING = ['not-investigated', 'recorded-limited-action', 'investigated'] as const;

/** Mail services whose addresses anyone may hold: no organisation can send staff notices as "staff-notices@" one. */
const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set(['gmail.com', 'googlemail.com', 'outlook.com', 'hotmail.com', 'hotmail.co.uk', 'live.com', 'live.co.uk', 'yahoo.com', 'yahoo.co.uk', 'icloud.com', 'me.com', 'aol.com', 'btinternet.com', 'protonmail.com', 'proton.me']);

const intake = z.strictObject({
  addresses: z.array(email).check(z.minLength(1, 'needs at least one complaints address')),
  /**
   * The sender of staff notices and digests, never a complaints address: a reply to a notice comes back here and is
   * recorded on its case as staff mail, not taken for a complaint. "staff-notices@" the first complaints address's
   * domain when absent (`staffNoticesSender`); set it where that domain is not the organisation's own (a Gmail
   * address). On AWS it must be in a domain verified in SES (the stack receives mail for it too).
   */
  staffNoticesFrom: z.optional(email),
  /**
   * A complaints address the policy publishes for complaints about one person (Alumot's Board, for complaints
   * about the CEO): mail to it is about that role by itself. Each is also one of `addresses`.
   */
  aboutAddresses: z._default(z.array(z.strictObject({ address: email, about: id, clause })), []),
  channels: z.array(text).check(z.minLength(1)),
  webForm: z.strictObject({
    enabled: z.boolean(),
    /** Where a plain HTML form post is redirected after success, with ?reference=...; a Redress page otherwise. */
    thankYouUrl: z.optional(z.url('must be a web address')),
    /** Web origins allowed to post JSON from a browser (CORS), e.g. "https://www.example.org". */
    allowedOrigins: z._default(z.array(z.url('must be an origin such as https://www.example.org')), []),
    /**
     * Questions beyond name, contact, the complaint and the outcome wanted that this organisation's form asks
     * (its own complaint form's): when, where and at what time it happened by default; an invoice number and a
     * signature only where the policy's form has them (Not Alone Mentoring's appendix 1).
     */
    fields: z._default(z.array(z.enum(WEB_FORM_FIELDS)), ['incident']),
  }),
  confidentialMarker: z.optional(z.strictObject({ phrase: text, clause })),
  anonymous: z.strictObject({ handling: z.enum(ANONYMOUS_HANDLING), clause }),
  requiredDetails: z.optional(
    z.strictObject({
      fields: z.array(z.enum(['name', 'contact', 'address', 'summary', 'desired-outcome', 'incident-date'])),
      clause,
    }),
  ),
  signature: z.optional(
    z.strictObject({
      required: z.boolean(),
      /** The acknowledgement clock waits for the signed complaint. */
      clockStartsWhenSigned: z.boolean(),
      clause,
    }),
  ),
  timeLimits: z._default(z.array(timeLimit), []),
  dataProtectionNote: z.optional(z.strictObject({ text, clause })),
});

const remedy = z.strictObject({ id, description: text });

const policyObject = z.strictObject({
  id,
  /** The policy text's own version or date; each case records the version it was handled under. */
  version: text,
  /** Case references read PREFIX-YEAR-NNNN, e.g. NAM-2026-0042. */
  referencePrefix: z.string().check(z.regex(/^[A-Z]{2,6}$/, 'must be 2 to 6 capital letters, e.g. "NAM"')),
  name: text,
  organisation: z.strictObject({
    name: text,
    kind: text,
    area: z.optional(text),
    /**
     * The name as a sentence carries it mid-way, with its article where it needs one ("a complaint to the County
     * Council"); the name itself where unset ("a complaint to Alumot").
     */
    inRunningText: z.optional(text),
    /**
     * Where a complainant written to by post writes back or calls: the address block at the top of every posted
     * letter and its "write to us at ... or call us on ...". Without it a posted letter can give only the
     * complaints email address.
     */
    contact: z.optional(z.strictObject({ address: z.optional(text), phone: z.optional(text), source: z.optional(text) })),
  }),
  jurisdiction: z.enum(JURISDICTIONS, {
    error: (issue) => `unknown jurisdiction ${JSON.stringify(issue.input)}; use one of ${JURISDICTIONS.join(', ')}`,
  }),
  closureDays: z._default(z.array(isoDate), []),
  intake,
  roles: z.array(role).check(z.minLength(1)),
  routing: z._default(z.array(routingRule), []),
  events: z._default(z.array(z.strictObject({ id, description: text, clause })), []),
  stages: z.array(stage).check(z.minLength(1, 'needs at least one stage')),
  /**
   * Reminders to the handler before a deadline, in working days. Unset: one working day before an
   * acknowledgement, two before a response (the Redress default, not a rule of any seed policy).
   */
  reminders: z._default(z.array(z.strictObject({ kind: z.enum(DEADLINE_KINDS), workingDaysBefore: wholeNumber(1, 20) })), [
    { kind: 'acknowledge', workingDaysBefore: 1 },
    { kind: 'respond', workingDaysBefore: 2 },
  ]),
  /** Deadlines that run at whatever stage the event happens (retention on closure). */
  anyStageDeadlines: z._default(z.array(deadlineRule), []),
  outOfScope: z._default(z.array(outOfScope), []),
  outsideBodies: z._default(z.array(outsideBody), []),
  outcomes: z.strictObject({
    decisions: z.array(z.enum(['upheld', 'partly-upheld', 'not-upheld'])).check(z.minLength(1)),
    remedies: z._default(z.array(remedy), []),
    /** The policy requires an apology where a complaint is upheld (Alumot 2.7, Not Alone Mentoring 7.4). */
    apologyWhenUpheld: z.optional(z.strictObject({ clause })),
    clause,
  }),
  /** A matter resolved by the end of the next working day is not recorded as a complaint (the council). */
  earlyResolution: z.optional(z.strictObject({ workingDays: wholeNumber(0, 10), clause })),
  /** Contacts recorded as service requests, not complaints (./service-requests-schema.ts; LGSCO 1.2, 1.8). */
  serviceRequests: z.optional(serviceRequestsSchema),
  /** The complainant is asked to confirm a withdrawal in writing before the case closes (Connect). */
  withdrawal: z.optional(z.strictObject({ confirmInWriting: z.boolean(), clause })),
  /** The organisation's own wording for a kind of letter, in place of Redress's: Mustache templates, checked before sending. */
  letters: z._default(z.partialRecord(z.enum(LETTER_KINDS), z.strictObject({ subject: z.optional(text), body: z.optional(text) })), {}),
  /** The policy's "nature of complaint": what staff file each case under, and the report counts by. */
  categories: z._default(z.array(z.strictObject({ id, name: text })), []),
  /** The report to the board (Alumot 4.1): the roles it is for, whether it goes each January, the code it follows. */
  reporting: z._default(
    z.strictObject({
      /** The complaint-handling code the organisation follows, for the report's self-assessment. */
      code: z._default(z.enum(COMPLAINT_CODES), 'none'),
      /** The roles the report is for: they see it in the console, and it is sent to them each January if asked. */
      to: z._default(z.array(id), []),
      sendInJanuary: z._default(z.boolean(), false),
      /** The report counts complaints by category ("nature of complaint"): a case cannot close without one. */
      byCategory: z._default(z.boolean(), false),
      clause: z.optional(clause),
    }),
    { code: 'none', to: [], sendInJanuary: false, byCategory: false },
  ),
  /** Learning and oversight: the Member Responsible for Complaints, the weekly themes check (oversight-schema.ts). */
  oversight: z.optional(oversightSchema),
  /** Reasonable adjustments: the clause, the policy's own kinds besides Redress's, the weeks to a review (issue 24). */
  adjustments: z.optional(adjustmentsSchema),
  records: z.strictObject({
    monitoring: z._default(z.array(text), []),
    retention: z.optional(ruleWithClause),
    clause: z.optional(clause),
  }),
});

export const policySchema = policyObject.check(z.superRefine(checkReferences));
export type Policy = z.infer<typeof policySchema>;

/** Cross-references the shape alone cannot check: every id a rule names must exist, once. */
function checkReferences(policy: z.output<typeof policyObject>, ctx: z.core.$RefinementCtx<z.output<typeof policyObject>>): void {
  const roles = new Set(policy.roles.map((r) => r.id));
  const stages = new Set(policy.stages.map((s) => s.id));
  const bodies = new Set(policy.outsideBodies.map((b) => b.id));
  const events = new Set<string>([...BUILT_IN_EVENTS, ...policy.events.map((e) => e.id)]);
  const problem = (path: (string | number)[], message: string) =>
    ctx.addIssue({ code: 'custom', path, message });

  const unique = (key: string, ids: string[]) => {
    const seen = new Set<string>();
    ids.forEach((value, i) => {
      if (seen.has(value)) problem([key, i, 'id'], `duplicate id "${value}"`);
      seen.add(value);
    });
  };
  unique('roles', policy.roles.map((r) => r.id));
  unique('stages', policy.stages.map((s) => s.id));
  unique('outsideBodies', policy.outsideBodies.map((b) => b.id));
  unique('outOfScope', policy.outOfScope.map((o) => o.id));
  unique('categories', policy.categories.map((c) => c.id));
  if (policy.reporting.sendInJanuary && policy.reporting.to.length === 0) problem(['reporting', 'to'], 'the report is sent each January: say to which roles');
  if (policy.reporting.byCategory && policy.categories.length === 0) problem(['reporting', 'byCategory'], 'the report counts by category: list the categories under categories');

  const asked = new Set(policy.intake.webForm.fields);
  if (policy.intake.webForm.enabled && policy.intake.signature?.required && !asked.has('signature')) {
    problem(['intake', 'webForm', 'fields'], `the policy needs a signed complaint (clause ${policy.intake.signature.clause}), so its web form must ask for it: add signature`);
  }
  if (policy.intake.webForm.enabled && policy.intake.requiredDetails?.fields.includes('incident-date') && !asked.has('incident')) {
    problem(['intake', 'webForm', 'fields'], 'the policy requires the date it happened, so its web form must ask for it: add incident');
  }

  const knownRole = (path: (string | number)[], value: string | undefined) => {
    if (value !== undefined && !roles.has(value)) {
      problem(path, `no role "${value}" in roles (known: ${[...roles].join(', ')})`);
    }
  };
  const checkRule = (path: (string | number)[], rule: DeadlineRule) => {
    if (!events.has(rule.event)) {
      problem([...path, 'event'], `unknown event "${rule.event}"; declare it under events or use one of ${[...events].join(', ')}`);
    }
    if (rule.pastMaximum !== undefined && rule.kind !== 'respond-max') {
      problem([...path, 'pastMaximum'], 'only a respond-max deadline is a maximum: move pastMaximum to the stage\'s respond-max rule');
    }
    if (rule.body !== undefined && !bodies.has(rule.body)) {
      problem([...path, 'body'], `no outside body "${rule.body}" in outsideBodies`);
    }
    rule.alsoFor?.forEach((b, k) => {
      if (!bodies.has(b)) problem([...path, 'alsoFor', k], `no outside body "${b}" in outsideBodies`);
    });
  };

  const intake = new Set(policy.intake.addresses.map((a) => a.toLowerCase()));
  const intakeDomain = (policy.intake.addresses[0] ?? '').split('@')[1]?.toLowerCase() ?? '';
  if (!policy.intake.staffNoticesFrom && PUBLIC_MAIL_DOMAINS.has(intakeDomain)) {
    problem(['intake', 'staffNoticesFrom'], `staff notices would come from staff-notices@${intakeDomain}, a public mail service's address the organisation does not own: set intake.staffNoticesFrom to an address in a domain verified for sending`);
  }
  if (policy.intake.staffNoticesFrom && intake.has(policy.intake.staffNoticesFrom.toLowerCase())) {
    problem(['intake', 'staffNoticesFrom'], 'is a complaints address: a reply to a notice would be taken for a complaint; use a staff address of its own');
  }
  policy.roles.forEach((r, i) => knownRole(['roles', i, 'reportsTo'], r.reportsTo));
  policy.reporting.to.forEach((r, i) => knownRole(['reporting', 'to', i], r));
  knownRole(['oversight', 'memberResponsible', 'role'], policy.oversight?.memberResponsible?.role);
  // A role that handles a stage, or gets cases by routing, must be able to decide them.
  const cannotDecide = (roleId: string) => policy.roles.find((r) => r.id === roleId)?.capabilities?.includes('decide') === false;
  policy.stages.forEach((s, i) => {
    knownRole(['stages', i, 'handler'], s.handler);
    if (cannotDecide(s.handler)) problem(['stages', i, 'handler'], `role "${s.handler}" handles ${s.id} but its capabilities leave out decide: add decide, or name another handler`);
    s.deadlines.forEach((rule, j) => checkRule(['stages', i, 'deadlines', j], rule));
    if (s.next && !stages.has(s.next.stage)) {
      problem(['stages', i, 'next', 'stage'], `next stage "${s.next.stage}" does not exist (stages: ${[...stages].join(', ')})`);
    }
    if (s.next?.when && s.next.trigger !== 'automatic') {
      problem(['stages', i, 'next', 'when'], 'only an automatic move has a "when"; a complainant-request move happens when they ask');
    }
    if (s.next && s.final) {
      problem(['stages', i, 'final'], 'a final stage cannot also have a next stage');
    }
    s.copyResponsesTo?.roles.forEach((r, j) => {
      const path = ['stages', i, 'copyResponsesTo', 'roles', j];
      if (!roles.has(r)) return knownRole(path, r);
      if (s.copyResponsesTo?.roles.indexOf(r) !== j) return problem(path, `role "${r}" is named twice`);
      // A copy of a response is the complaint's content: it goes to the role's own mailbox or nowhere, never up
      // the chain to someone else's or to the operators.
      const target = policy.roles.find((role) => role.id === r);
      const address = target?.noticeEmail ?? target?.contact?.email;
      if (!address || intake.has(address.toLowerCase())) {
        problem(path, `${s.id}'s responses are shared with role "${r}", which has no address for staff notices: add noticeEmail (a staff mailbox, not a complaints address) to role "${r}"`);
      }
    });
  });
  policy.anyStageDeadlines.forEach((rule, j) => checkRule(['anyStageDeadlines', j], rule));
  const matters = new Set(policy.outOfScope.map((o) => o.id));
  policy.outsideBodies.forEach((b, i) => {
    b.forMatters?.forEach((m, k) => {
      if (!matters.has(m)) problem(['outsideBodies', i, 'forMatters', k], `no out-of-scope matter "${m}" in outOfScope (known: ${[...matters].join(', ') || 'none'})`);
    });
  });
  policy.intake.aboutAddresses.forEach((a, i) => {
    knownRole(['intake', 'aboutAddresses', i, 'about'], a.about);
    if (!intake.has(a.address.toLowerCase())) problem(['intake', 'aboutAddresses', i, 'address'], `${a.address} is not one of intake.addresses: add it there too, so that mail to it comes in`);
  });
  policy.roles.forEach((r, i) => {
    if (r.namedAs && !policy.roles.some((other) => other.id !== r.id)) problem(['roles', i, 'namedAs'], `a complaint naming role "${r.id}" is kept from them, and no other role could handle it: add a role (with reportsTo) or leave namedAs out`);
  });
  policy.routing.forEach((r, i) => {
    knownRole(['routing', i, 'about'], r.about);
    knownRole(['routing', i, 'handler'], r.handler);
    if (cannotDecide(r.handler)) problem(['routing', i, 'handler'], `role "${r.handler}" is given complaints by routing but its capabilities leave out decide: add decide, or route to another role`);
    // A complaint about a person goes to this role instead: if it had no address of its own, its notices would
    // climb to whoever is above it, or to the person complained about.
    const target = policy.roles.find((role) => role.id === r.handler);
    const address = target ? (target.noticeEmail ?? target.contact?.email) : undefined;
    if (target && (!address || intake.has(address.toLowerCase()))) {
      problem(
        ['routing', i, 'handler'],
        `complaints about "${r.about}" go to role "${r.handler}", which has no address for staff notices: add noticeEmail (a staff mailbox, not a complaints address) to role "${r.handler}"`,
      );
    }
    r.stages?.forEach((s, j) => {
      if (!stages.has(s)) problem(['routing', i, 'stages', j], `no stage "${s}" in stages`);
    });
  });
}

