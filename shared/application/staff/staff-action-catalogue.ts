import * as z from 'zod/mini';
import '#domain/text/schema-language';
import { mayRead, rolesIn } from '#domain/access/case-access';
import { type Capability, mayUse, whoCanSentence } from '#domain/access/capabilities';
import type { StaffMember } from '#domain/access/staff-member';
import { acknowledge } from '#domain/case/actions/acknowledge';
import { markActionDone } from '#domain/case/actions/action-done';
import type { ActionContext } from '#domain/case/actions/action-kit';
import { addFile } from '#domain/case/actions/add-file';
import { addNote } from '#domain/case/actions/add-note';
import { addParticipant } from '#domain/case/actions/add-participant';
import { assign } from '#domain/case/actions/assign';
import { closeCase } from '#domain/case/actions/close-case';
import { correctDetails } from '#domain/case/actions/correct-details';
import { issuePage, revokePage } from '#domain/case/actions/complainant-page';
import { earlyResolution } from '#domain/case/actions/early-resolution';
import { escalate } from '#domain/case/actions/escalate';
import { extendDeadline } from '#domain/case/actions/extend-deadline';
import { markDeadlineMet } from '#domain/case/actions/mark-deadline-met';
import { markPosted } from '#domain/case/actions/mark-posted';
import { recordMeeting } from '#domain/case/actions/meeting';
import { decideNamed } from '#domain/case/actions/named';
import { notARequest } from '#domain/case/actions/not-a-request';
import { reassign } from '#domain/case/actions/reassign';
import { recordEvent } from '#domain/case/actions/record-event';
import { recordOutcome } from '#domain/case/actions/record-outcome';
import { recordReferral } from '#domain/case/actions/record-referral';
import { redirect } from '#domain/case/actions/redirect';
import { reopen } from '#domain/case/actions/reopen';
import { setCategory } from '#domain/case/actions/set-category';
import { recordServiceRequest, recordServiceRequestStep, serviceRequestDone } from '#domain/case/actions/service-request';
import { serviceRequestToComplaint } from '#domain/case/actions/service-request-to-complaint';
import { withdraw } from '#domain/case/actions/withdraw';
import { agreeAdjustment, endAdjustment } from '#domain/case/actions/adjust';
import { noteVulnerability } from '#domain/case/actions/vulnerability';
import { mayReadVulnerability } from '#domain/access/vulnerability-access';
import { liftRestriction, reviewRestriction, setRestriction } from '#domain/case/actions/restrict-contact';
import { mayRestrict, whoMayRestrictSentence } from '#domain/access/restrict-who';
import { writeToComplainant } from '#domain/case/actions/write-to-complainant';
import type { Case, Decision } from '#domain/case/case';
import { roleTitleInText } from '#domain/policy/policy-lookups';
import type { Policy } from '#domain/policy/policy-schema';
import { rolesOfStaffAddress } from '#domain/policy/staff-addresses';
import type { Decided } from '../change-case.js';
import { newPageToken } from '../complainant/page-token.js';
import type { Counters } from '../ports/counters.js';
import type { StaffDirectory } from '../ports/staff-directory.js';
import { decideSign } from './sign-case.js';

/** What a decision knows besides the case and its input: who acts and when, how letters go, and the roles the actor holds. */
export interface StaffActionContext extends ActionContext {
  /** The roles of this policy the person acting holds: by their sign-in, or by the policy's addresses for its roles. */
  readonly actorRoles: readonly string[];
  readonly counters: Counters;
  /** Who has signed in, with their roles: whom a case may be assigned to. */
  readonly staffDirectory: StaffDirectory;
}

/** Who may take an action on a case, from the policy's roles, and what someone else is told (one sentence naming who can). */
export interface WhoMay {
  readonly may: (member: StaffMember, policy: Policy, c: Case) => boolean;
  readonly refusal: (policy: Policy, c: Case) => string;
  /** The capability the action needs, where it is one (the case page lists what a person can do by it). */
  readonly capability?: Capability;
}

/**
 * Those whose roles give them this capability on the case (see mayUse): a role whose policy entry lists none
 * does everything on the cases it handles or is above, as before capabilities existed.
 */
export function byCapability(capability: Capability): WhoMay {
  return { capability, may: (member, policy, c) => mayUse(member, policy, c, capability), refusal: (policy, c) => whoCanSentence(policy, c, capability) };
}

const RECORD = byCapability('record');
const ROUTE = byCapability('route');
const DECIDE = byCapability('decide');

/** Only a person of the handling role itself (taking a case for oneself). */
export const HANDLING_ROLE: WhoMay = {
  may: (member, policy, c) => mayRead(member, policy, c) && rolesIn(member, policy.id).has(c.handlerRole),
  refusal: (policy, c) => `Only a person of ${roleTitleInText(policy, c.handlerRole)}, the role handling ${c.reference}, can take it (whoever can pass it to another handler can assign it).`,
};

/** The handling role and those above it, with the record capability: whoever may read why a complainant may be vulnerable. */
const VULNERABILITY: WhoMay = {
  capability: 'record',
  may: (member, policy, c) => mayUse(member, policy, c, 'record') && mayReadVulnerability(member, policy, c),
  refusal: (policy, c) => `Only ${roleTitleInText(policy, c.handlerRole)}, the role handling ${c.reference}, or someone above them can note or read why the complainant may be vulnerable.`,
};

/** Only a role above the case's handler, never the handler's own (setting a restriction on contact). */
export const ABOVE_HANDLER: WhoMay = { may: mayRestrict, refusal: whoMayRestrictSentence };

/** One staff action: the input it takes, who may, and the decision (the change, with the claims its write depends on). */
export interface StaffAction<S extends z.ZodMiniType> {
  readonly input: S;
  readonly who: WhoMay;
  readonly decide: (policy: Policy, c: Case, input: z.infer<S>, ctx: StaffActionContext) => Decided | Promise<Decided>;
}

function action<S extends z.ZodMiniType>(entry: StaffAction<S>): StaffAction<S> {
  return entry;
}

const nothing = z.object({});
const text = z.string();
const maybe = z.optional(z.string());
const flag = z.optional(z.boolean());

/**
 * The staff actions on a case, one entry per verb (the console's form URLs and the CLI's `case` verbs use the
 * same names). A new verb is a domain function and an entry here; tsc then asks for its console form and its
 * command-line flags (console-actions.ts, cli/commands/case-verbs.ts). Opening a case is not one: it has no case yet.
 */
export const STAFF_ACTIONS = {
  acknowledge: action({
    input: z.object({ respondBy: maybe, byPostOrPhone: flag }),
    who: RECORD,
    decide: (p, c, i, ctx) => ({ change: acknowledge(p, c, { ...ctx, ...(i.respondBy ? { respondBy: i.respondBy } : {}), ...(i.byPostOrPhone ? { byPostOrPhone: true } : {}) }) }),
  }),
  sign: action({ input: nothing, who: RECORD, decide: (p, c, _i, ctx) => decideSign(p, c, ctx) }),
  event: action({ input: z.object({ event: text }), who: RECORD, decide: (p, c, i, ctx) => ({ change: recordEvent(p, c, i.event, ctx) }) }),
  meeting: action({ input: z.object({ offeredFor: maybe, held: flag }), who: RECORD, decide: (_p, c, i, ctx) => ({ change: recordMeeting(c, i, ctx) }) }),
  met: action({ input: z.object({ kind: text }), who: DECIDE, decide: (_p, c, i, ctx) => ({ change: markDeadlineMet(c, i.kind, ctx) }) }),
  extend: action({
    input: z.object({ kind: text, newDate: text, reason: text, agreed: flag }),
    who: DECIDE,
    decide: (p, c, i, ctx) => ({ change: extendDeadline(p, c, i, ctx) }),
  }),
  outcome: action({
    input: z.object({
      // Any word: the decision itself refuses an empty or unknown one, in words, naming the field.
      decision: text,
      summary: text,
      whatUpheld: maybe,
      whatNotUpheld: maybe,
      remedies: z.array(text),
      actions: z.array(z.object({ text, due: text })),
      lessons: maybe,
    }),
    who: DECIDE,
    decide: (p, c, i, ctx) => ({ change: recordOutcome(p, c, { ...i, decision: i.decision as Decision }, ctx) }),
  }),
  category: action({ input: z.object({ category: text }), who: RECORD, decide: (p, c, i, ctx) => ({ change: setCategory(p, c, i.category, ctx) }) }),
  'outside-body': action({ input: z.object({ body: text }), who: RECORD, decide: (p, c, i, ctx) => ({ change: recordReferral(p, c, i.body, ctx) }) }),
  'action-done': action({ input: z.object({ action: z.number() }), who: RECORD, decide: (_p, c, i, ctx) => ({ change: markActionDone(c, i.action, ctx) }) }),
  escalate: action({ input: z.object({ grounds: maybe, reason: maybe, via: maybe }), who: DECIDE, decide: (p, c, i, ctx) => ({ change: escalate(p, c, i, ctx) }) }),
  withdraw: action({ input: z.object({ confirmedInWriting: z.boolean(), category: maybe }), who: DECIDE, decide: (p, c, i, ctx) => ({ change: withdraw(p, c, i, ctx) }) }),
  redirect: action({ input: z.object({ outOfScope: text }), who: DECIDE, decide: (p, c, i, ctx) => ({ change: redirect(p, c, i.outOfScope, ctx) }) }),
  'early-resolution': action({ input: z.object({ summary: text }), who: DECIDE, decide: (p, c, i, ctx) => ({ change: earlyResolution(p, c, i.summary, ctx) }) }),
  reassign: action({ input: z.object({ role: text }), who: ROUTE, decide: (p, c, i, ctx) => ({ change: reassign(p, c, i.role, ctx) }) }),
  // Whoever may act on the case (its handling role, or one above it, the coordinator) gives it to a person of the role.
  // The person's roles as their last sign-in gave them (the staff directory), and those the policy's own addresses
  // for its roles give (the command line assigns to those).
  assign: action({
    input: z.object({ to: text }),
    who: ROUTE,
    decide: async (p, c, i, ctx) => {
      const person = await ctx.staffDirectory.person(p.id, i.to);
      return { change: assign(p, c, i.to, [...(person?.roles ?? []), ...rolesOfStaffAddress(p, i.to)], ctx, person?.name) };
    },
  }),
  // A person of the handling role takes it for themselves: they are of the role by their own sign-in.
  take: action({ input: nothing, who: HANDLING_ROLE, decide: async (p, c, _i, ctx) => ({ change: assign(p, c, ctx.actor, ctx.actorRoles, ctx, (await ctx.staffDirectory.person(p.id, ctx.actor))?.name) }) }),
  named: action({
    input: z.object({ decision: z.enum(['confirm', 'undo']), reason: maybe }),
    who: ROUTE,
    decide: (p, c, i, ctx) => ({ change: decideNamed(p, c, i, ctx) }),
  }),
  // Staff's own words to the complainant, in the policy's letter frame, by their channel (email where proved, else post).
  message: action({ input: z.object({ subject: text, text }), who: RECORD, decide: (p, c, i, ctx) => ({ change: writeToComplainant(p, c, i, ctx) }) }),
  // A letter for post went, on a day (today unless given); the outcome's windows count from it.
  posted: action({ input: z.object({ letter: text, on: maybe }), who: RECORD, decide: (p, c, i, ctx) => ({ change: markPosted(p, c, { letter: i.letter, ...(i.on ? { on: i.on } : {}) }, ctx) }) }),
  // Each field given is set (empty clears it); routing is applied again when whom it is about changes.
  details: action({
    input: z.object({ channel: maybe, name: maybe, email: maybe, phone: maybe, postalAddress: maybe, preferredChannel: maybe, about: maybe }),
    who: RECORD,
    decide: (p, c, i, ctx) => ({ change: correctDetails(p, c, i, ctx) }),
  }),
  // The file is stored first (attachFile, as intake stores an email's attachments); this records it on the case.
  attach: action({
    input: z.object({
      file: z.object({ filename: text, contentType: text, size: z.number(), storageKey: text, dangerous: z.boolean() }),
      description: maybe,
    }),
    who: RECORD,
    decide: (_p, c, i, ctx) => ({ change: addFile(c, i, ctx) }),
  }),
  note: action({ input: z.object({ text }), who: RECORD, decide: (_p, c, i, ctx) => ({ change: addNote(c, i.text, ctx) }) }),
  'add-participant': action({ input: z.object({ email: text }), who: RECORD, decide: (_p, c, i, ctx) => ({ change: addParticipant(c, i.email, ctx) }) }),
  close: action({ input: z.object({ category: maybe }), who: DECIDE, decide: (p, c, i, ctx) => ({ change: closeCase(p, c, ctx, i.category) }) }),
  'not-a-request': action({ input: z.object({ reason: maybe }), who: DECIDE, decide: (_p, c, i, ctx) => ({ change: notARequest(c, i.reason, ctx) }) }),
  reopen: action({ input: z.object({ reason: text }), who: DECIDE, decide: (_p, c, i, ctx) => ({ change: reopen(c, i.reason, ctx) }) }),
  'page-new': action({ input: nothing, who: RECORD, decide: (_p, c, _i, ctx) => ({ change: issuePage(c, newPageToken(), ctx) }) }),
  'page-revoke': action({ input: nothing, who: RECORD, decide: (_p, c, _i, ctx) => ({ change: revokePage(c, ctx) }) }),
  // A reasonable adjustment agreed (or reviewed: the same kind again), with its review date; letters follow it.
  adjust: action({ input: z.object({ kind: text, details: maybe, reviewOn: maybe }), who: RECORD, decide: (p, c, i, ctx) => ({ change: agreeAdjustment(p, c, i, ctx) }) }),
  'end-adjustment': action({ input: z.object({ kind: text, reason: maybe }), who: RECORD, decide: (p, c, i, ctx) => ({ change: endAdjustment(p, c, i, ctx) }) }),
  // Why the complainant may be vulnerable (an empty reason clears it): for the handling role and above only.
  vulnerability: action({ input: z.object({ reason: maybe }), who: VULNERABILITY, decide: (_p, c, i, ctx) => ({ change: noteVulnerability(c, i, ctx) }) }),
  // Not a complaint but a service request (LGSCO 1.2, 1.8): deciding so is a decision on the case.
  'service-request': action({ input: z.object({ asked: text }), who: DECIDE, decide: (p, c, i, ctx) => ({ change: recordServiceRequest(p, c, i.asked, ctx) }) }),
  'service-request-step': action({ input: z.object({ text }), who: RECORD, decide: (_p, c, i, ctx) => ({ change: recordServiceRequestStep(c, i.text, ctx) }) }),
  'service-request-done': action({ input: z.object({ done: text }), who: RECORD, decide: (p, c, i, ctx) => ({ change: serviceRequestDone(p, c, i.done, ctx) }) }),
  // The person complains about their service request: whoever records complaints records it (LGSCO 1.7: nothing blocks it).
  complaint: action({ input: z.object({ words: text, on: maybe }), who: RECORD, decide: (p, c, i, ctx) => ({ change: serviceRequestToComplaint(p, c, { words: i.words, ...(i.on ? { on: i.on } : {}) }, ctx) }) }),
  // Restrictions on contact (Housing Ombudsman guidance on unacceptable behaviour): set, review (kept, with a new
  // date), lift; each writes to the person. Only a role above the handler (rolesThatMayRestrict).
  restrict: action({
    input: z.object({ email: maybe, name: maybe, reason: text, scope: text, channels: z.array(text), contactName: text, contactRole: text, reviewOn: text }),
    who: ABOVE_HANDLER,
    decide: (p, c, i, ctx) => ({ change: setRestriction(p, c, i, ctx) }),
  }),
  'restriction-review': action({
    input: z.object({ reviewOn: text, note: text, channels: z.optional(z.array(text)) }),
    who: ABOVE_HANDLER,
    decide: (p, c, i, ctx) => ({ change: reviewRestriction(p, c, i, ctx) }),
  }),
  'restriction-lift': action({ input: z.object({ note: maybe }), who: ABOVE_HANDLER, decide: (p, c, i, ctx) => ({ change: liftRestriction(p, c, i, ctx) }) }),
} as const;

export type StaffVerb = keyof typeof STAFF_ACTIONS;
type Inferred<V extends StaffVerb> = z.infer<(typeof STAFF_ACTIONS)[V]['input']>;
/** What a verb takes besides the case (nothing, for `sign` or `close`). */
export type StaffInput<V extends StaffVerb> = Inferred<V> extends Record<string, never> ? Record<never, never> : Inferred<V>;

export function isStaffVerb(verb: string): verb is StaffVerb {
  return Object.hasOwn(STAFF_ACTIONS, verb);
}
