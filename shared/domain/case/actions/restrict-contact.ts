import { londonDate } from '#domain/calendar/london-date';
import { letterFor } from '#domain/letters/complainant-letter';
import { dateInWords } from '#domain/letters/dates-in-words';
import { messageFacts } from '#domain/letters/letter-view';
import { restrictionLiftedLetter, restrictionReviewedLetter, restrictionSetLetter, type RestrictionLetter } from '#domain/letters/restriction-letter';
import { cleanValue } from '#domain/letters/render-template';
import type { Policy } from '#domain/policy/policy-schema';
import { boundText, TEXT_BOUNDS } from '#domain/text/bounded-text';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case } from '../case.js';
import { channelsInWords, RESTRICTION_CHANNELS, type ContactRestriction, type RestrictionChannel } from '../contact-restriction.js';
import { change, event, iso, requireDate, type ActionContext } from './action-kit.js';

/** A reason or scope is a paragraph or two of a letter, not a report: longer is refused, never cut. */
export const RESTRICTION_TEXT_MAX = 2_000;
/** Never open-ended: a restriction is looked at again within a year at most (a house bound; a review may renew it). */
export const RESTRICTION_REVIEW_MAX_DAYS = 366;

export interface RestrictionRequest {
  readonly email?: string;
  readonly name?: string;
  readonly reason: string;
  readonly scope: string;
  readonly channels: readonly string[];
  readonly contactName: string;
  readonly contactRole: string;
  readonly reviewOn: string;
}

function words(value: string | undefined, what: string, input: string): string {
  const text = cleanValue(value ?? '').trim();
  if (!text) throw new ActionRefusedError(`give ${what}: the letter to them says it`, { input });
  if (text.length > RESTRICTION_TEXT_MAX) throw new ActionRefusedError(`${what} is ${text.length} characters: keep it to ${RESTRICTION_TEXT_MAX}`, { input });
  return text;
}

function channelsOf(values: readonly string[]): RestrictionChannel[] {
  const known = new Set<string>(RESTRICTION_CHANNELS);
  const unknown = values.filter((v) => !known.has(v));
  if (unknown.length > 0) throw new ActionRefusedError(`unknown channel "${unknown[0]}": use ${RESTRICTION_CHANNELS.join(', ')}`, { input: 'channels' });
  const open = RESTRICTION_CHANNELS.filter((c) => values.includes(c));
  if (open.length === 0) throw new ActionRefusedError('leave at least one way for them to contact us (email, post, phone or in person): a restriction limits contact, it never ends it', { input: 'channels' });
  return open;
}

function reviewDate(value: string, ctx: ActionContext): string {
  const date = requireDate(value, 'the review date', 'reviewOn');
  const today = londonDate(ctx.at);
  if (date <= today) throw new ActionRefusedError(`the review date ${dateInWords(date)} is not after today: give a date to come`, { input: 'reviewOn' });
  const latest = ctx.at.plus({ days: RESTRICTION_REVIEW_MAX_DAYS }).toISODate() as string;
  if (date > latest) throw new ActionRefusedError(`review it by ${dateInWords(latest)} at the latest: a restriction is never open-ended`, { input: 'reviewOn' });
  return date;
}

function requireRecords(c: Case): void {
  if (c.destroyedAt) throw new ActionRefusedError(`${c.reference}'s records were destroyed on ${c.destroyedAt.slice(0, 10)}; nothing more can be done to it`);
}

/** The letter to the person, in the policy's frame for staff's messages, by email where they proved an address, else for post. */
function letterTo(policy: Policy, c: Case, letter: RestrictionLetter, ctx: ActionContext, what: string) {
  const key = `${what}-${ctx.at.toUTC().toFormat("yyyyLLdd'T'HHmmssSSS")}`;
  return letterFor(policy, c, messageFacts(policy, c, letter), key, iso(ctx.at), ctx.sending);
}

/**
 * `case restrict REF ...`: a restriction on the complainant's contact (or another address or name of theirs), with
 * its reason, scope, the channels left open, the single point of contact and a review date, and the letter that
 * tells them all of it and how to ask for a review. On an open or a closed case (it often comes after closure);
 * one at a time (review it to change it).
 */
export function setRestriction(policy: Policy, c: Case, request: RestrictionRequest, ctx: ActionContext): CaseChange {
  requireRecords(c);
  if (c.restriction) throw new ActionRefusedError(`${c.reference} already has a restriction (review by ${dateInWords(c.restriction.reviewOn)}): review it to change it, or lift it`, { instead: 'restriction-review', reference: c.reference });
  const email = (request.email ?? c.complainant.email ?? '').trim().toLowerCase();
  const name = cleanValue(request.name ?? c.complainant.name ?? '').trim();
  if (!email && !name) throw new ActionRefusedError('say whose contact is restricted: an email address, a name, or both', { input: 'email' });
  if (email && !/^[^\s@]+@[^\s@]+$/.test(email)) throw new ActionRefusedError(`"${email}" is not an email address`, { input: 'email' });
  if (!policy.roles.some((r) => r.id === request.contactRole)) throw new ActionRefusedError(`unknown role "${request.contactRole}": use one of ${policy.roles.map((r) => r.id).join(', ')}`, { input: 'contactRole' });
  const restriction: ContactRestriction = {
    person: { ...(email ? { email } : {}), ...(name ? { name: boundText(name, TEXT_BOUNDS.name) } : {}) },
    reason: words(request.reason, 'the reason', 'reason'),
    scope: words(request.scope, 'what is limited', 'scope'),
    channelsOpen: channelsOf(request.channels),
    pointOfContact: { name: words(request.contactName, "the point of contact's name", 'contactName'), role: request.contactRole },
    reviewOn: reviewDate(request.reviewOn, ctx),
    setAt: iso(ctx.at),
    setBy: ctx.actor,
  };
  const summary = `Contact restricted: open ${channelsInWords(restriction.channelsOpen)}; point of contact ${restriction.pointOfContact.name}; review by ${dateInWords(restriction.reviewOn)}`;
  return change(
    { ...c, restriction, updatedAt: iso(ctx.at) },
    [event(ctx.at, 'restriction-set', ctx.actor, summary, { restriction })],
    false,
    letterTo(policy, c, restrictionSetLetter(policy, restriction), ctx, 'restriction'),
  );
}

/**
 * `case restriction-review REF --review-on DATE --note TEXT [--channels ...]`: the restriction is looked at and
 * kept (the channels left open may change), with the next review date; the person is told.
 */
export function reviewRestriction(policy: Policy, c: Case, request: { readonly reviewOn: string; readonly note: string; readonly channels?: readonly string[] }, ctx: ActionContext): CaseChange {
  requireRecords(c);
  const current = c.restriction;
  if (!current) throw new ActionRefusedError(`${c.reference} has no restriction to review`, { instead: 'restrict', reference: c.reference });
  const note = words(request.note, 'what the review found', 'note');
  const restriction: ContactRestriction = {
    ...current,
    ...(request.channels && request.channels.length > 0 ? { channelsOpen: channelsOf(request.channels) } : {}),
    reviewOn: reviewDate(request.reviewOn, ctx),
    reviewedAt: iso(ctx.at),
  };
  return change(
    { ...c, restriction, updatedAt: iso(ctx.at) },
    [event(ctx.at, 'restriction-reviewed', ctx.actor, `Restriction reviewed and kept: open ${channelsInWords(restriction.channelsOpen)}; next review by ${dateInWords(restriction.reviewOn)}`, { note, restriction })],
    false,
    letterTo(policy, c, restrictionReviewedLetter(policy, restriction, note), ctx, 'restriction-review'),
  );
}

/** `case restriction-lift REF --note TEXT`: the restriction ends; the person is told they may contact us as anyone may. */
export function liftRestriction(policy: Policy, c: Case, request: { readonly note?: string }, ctx: ActionContext): CaseChange {
  requireRecords(c);
  if (!c.restriction) throw new ActionRefusedError(`${c.reference} has no restriction to lift`);
  const note = cleanValue(request.note ?? '').trim().slice(0, RESTRICTION_TEXT_MAX);
  const { restriction: _ended, ...rest } = c;
  return change(
    { ...rest, updatedAt: iso(ctx.at) },
    [event(ctx.at, 'restriction-lifted', ctx.actor, 'Restriction lifted: they may contact us in any of the usual ways', note ? { note } : undefined)],
    false,
    letterTo(policy, c, restrictionLiftedLetter(policy, note), ctx, 'restriction-lift'),
  );
}
