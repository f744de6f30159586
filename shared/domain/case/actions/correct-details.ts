import { noticeToStaff } from '#domain/letters/addressing';
import { assignedNotice } from '#domain/letters/staff-notices';
import { roleInSentence, roleTitle } from '#domain/policy/policy-lookups';
import type { Policy } from '#domain/policy/policy-schema';
import { boundText, TEXT_BOUNDS } from '#domain/text/bounded-text';
import { cleanOneLine } from '#domain/text/display-safe';
import { isEmailAddress } from '#domain/text/email-address';
import { ActionRefusedError, type CaseChange } from '../case-change.js';
import type { Case, Channel, Complainant, PreferredChannel } from '../case.js';
import { rolesAbout } from '../named-in-complaint.js';
import { handlerFor, noticeAddress } from '../route-case.js';
import { event, iso, type ActionContext } from './action-kit.js';
import { independenceProblem } from './independence.js';

export const CHANNELS: readonly Channel[] = ['email', 'web', 'phone', 'letter', 'in-person'];
export const PREFERRED_CHANNELS: readonly PreferredChannel[] = ['email', 'post', 'phone'];

/**
 * What staff correct: each field given is set (an empty one clears it: an email, a telephone number, a postal
 * address, a preference, whom it is about); a field left out is left as it is.
 */
export interface DetailsCorrection {
  readonly channel?: string;
  readonly name?: string;
  readonly email?: string;
  readonly phone?: string;
  readonly postalAddress?: string;
  readonly preferredChannel?: string;
  readonly about?: string;
}

const FIELD_WORDS = { channel: 'Channel', name: 'Name', email: 'Email', phone: 'Telephone', postalAddress: 'Postal address', preferredChannel: 'Preferred channel' } as const;

/**
 * `case details REF --name .. --postal-address ..`: staff correct how the complaint came, who made it and how to
 * reach them, and whom it is about. Each change is on the timeline, old and new. An email address staff type is
 * one the complainant gave them, as when they record a complaint (`case open`): it is written to, and a bounce
 * recorded for the old one no longer stops letters. When whom it is about changes, routing is applied again: a
 * complaint about the CEO goes to the Chair and the CEO can no longer see it, with the new handler told. The event
 * never names whom it was about before, which the person it then names may now read.
 */
export function correctDetails(policy: Policy, c: Case, correction: DetailsCorrection, ctx: ActionContext): CaseChange {
  if (c.destroyedAt) throw new ActionRefusedError(`${c.reference}'s records were destroyed on ${c.destroyedAt.slice(0, 10)}; nothing more can be done to it`);
  const was = c.complainant;
  let complainant: Complainant = was;
  let channel = c.channel;
  const changes: { field: keyof typeof FIELD_WORDS; from: string; to: string }[] = [];
  const set = (field: keyof typeof FIELD_WORDS, from: string | undefined, to: string) => {
    if ((from ?? '') !== to) changes.push({ field, from: from ?? '', to });
    return (from ?? '') !== to;
  };
  const without = (k: Complainant, ...keys: (keyof Complainant)[]): Complainant => Object.fromEntries(Object.entries(k).filter(([key]) => !keys.includes(key as keyof Complainant))) as unknown as Complainant;

  if (correction.channel !== undefined) {
    const to = correction.channel.trim();
    if (!(CHANNELS as readonly string[]).includes(to)) throw new ActionRefusedError(`"${to}" is not a channel: one of ${CHANNELS.join(', ')}`, { input: 'channel' });
    if (set('channel', c.channel, to)) channel = to as Channel;
  }
  if (correction.name !== undefined) {
    const to = boundText(cleanOneLine(correction.name), TEXT_BOUNDS.name);
    if (!to) throw new ActionRefusedError("give the complainant's name", { input: 'name' });
    if (set('name', was.name, to)) complainant = { ...complainant, name: to };
  }
  if (correction.email !== undefined) {
    const to = correction.email.trim().toLowerCase();
    if (to && !isEmailAddress(to)) throw new ActionRefusedError(`"${cleanOneLine(correction.email)}" is not an email address`, { input: 'email' });
    // A new address is the one the complainant gave staff: nothing to confirm, nothing from the old one carried over.
    if (set('email', was.email, to)) complainant = { ...without(complainant, 'email', 'emailConfirmed', 'addressCheck', 'addressSource'), ...(to ? { email: to } : {}) };
  }
  if (correction.phone !== undefined) {
    const to = boundText(cleanOneLine(correction.phone), TEXT_BOUNDS.name);
    if (set('phone', was.phone, to)) complainant = { ...without(complainant, 'phone'), ...(to ? { phone: to } : {}) };
  }
  if (correction.postalAddress !== undefined) {
    const to = boundText(correction.postalAddress.replace(/\r\n?/g, '\n').trim(), TEXT_BOUNDS.postalAddress);
    if (set('postalAddress', was.postalAddress, to)) complainant = { ...without(complainant, 'postalAddress'), ...(to ? { postalAddress: to } : {}) };
  }
  if (correction.preferredChannel !== undefined) {
    const to = correction.preferredChannel.trim();
    if (to && !(PREFERRED_CHANNELS as readonly string[]).includes(to)) throw new ActionRefusedError(`"${to}" is not a way to be written to: one of ${PREFERRED_CHANNELS.join(', ')}`, { input: 'preferredChannel' });
    if (set('preferredChannel', was.preferredChannel, to)) complainant = { ...without(complainant, 'preferredChannel'), ...(to ? { preferredChannel: to as PreferredChannel } : {}) };
  }
  if (complainant.preferredChannel === 'email' && !complainant.email) throw new ActionRefusedError('they prefer email: give their email address, or choose post or telephone', { input: 'email' });

  let about = c.about;
  const aboutGiven = correction.about !== undefined && correction.about.trim() !== (c.about ?? '');
  if (aboutGiven) {
    const to = (correction.about as string).trim();
    if (to && !policy.roles.some((r) => r.id === to)) throw new ActionRefusedError(`"${to}" is not one of the policy's roles: one of ${policy.roles.map((r) => r.id).join(', ')}, or empty for no one in particular`, { input: 'about' });
    about = to || undefined;
  }
  if (changes.length === 0 && !aboutGiven) throw new ActionRefusedError(`nothing to correct: the details given are ${c.reference}'s already`);

  const emailChanged = changes.some((x) => x.field === 'email');
  const { about: _about, ...rest } = c;
  let corrected: Case = {
    ...rest,
    ...(about ? { about } : {}),
    channel,
    complainant,
    // A bounce was the old address's: the new one is tried.
    flags: emailChanged ? c.flags.filter((f) => f !== 'complainant-undeliverable') : c.flags,
  };
  const events = changes.map((x) =>
    event(ctx.at, 'details-corrected', ctx.actor, `${FIELD_WORDS[x.field]} corrected: ${x.from ? oneLine(x.from) : '(none)'} -> ${x.to ? oneLine(x.to) : '(none)'}`, { field: x.field, from: x.from, to: x.to }, `details-${x.field}-${iso(ctx.at)}`),
  );
  const letters = [];
  if (aboutGiven) {
    const handlerRole = handlerFor(policy, c.stage, rolesAbout(corrected));
    const moves = handlerRole !== c.handlerRole;
    if (moves) {
      const unfit = independenceProblem(policy, corrected, c.stage, { role: handlerRole });
      if (unfit) throw new ActionRefusedError(`routing gives it to the ${roleTitle(policy, handlerRole)}, but ${unfit}: reassign it to another handler first`, { instead: 'reassign', reference: c.reference });
      // The person who had it was one of the old role's: the new role assigns its own.
      const { handler: _previous, ...unassigned } = corrected;
      corrected = { ...unassigned, handlerRole };
    }
    const whom = about ? `the ${roleTitle(policy, about)}` : 'no one in particular';
    events.push(
      event(ctx.at, 'details-corrected', ctx.actor, `Whom it is about corrected: ${whom}${moves ? `; routed to the ${roleTitle(policy, handlerRole)}` : ''}`, { field: 'about', ...(about ? { to: about } : {}), handlerRole }, `details-about-${iso(ctx.at)}`),
    );
    if (moves) {
      events.push(event(ctx.at, 'reassigned', ctx.actor, `Reassigned from ${roleInSentence(policy, c.handlerRole)} to ${roleInSentence(policy, handlerRole)}, as whom it is about was corrected`, { from: c.handlerRole, to: handlerRole }, `details-reassigned-${iso(ctx.at)}`));
      const to = noticeAddress(policy, corrected, handlerRole, ctx.sending.operatorEmail);
      letters.push(noticeToStaff(policy, c.reference, c.reference, [to], assignedNotice(policy, corrected, ctx.sending), 'assigned-notice', `${handlerRole}-${iso(ctx.at)}`, ctx.sending));
    }
  }
  // A letter still to post carries the old name, address or handler: it must not go as it stands.
  const outdating = aboutGiven || changes.some((x) => x.field === 'name' || x.field === 'postalAddress');
  const stale = outdating ? (corrected.postLetters ?? []).filter((l) => !l.postedOn && !l.outdatedAt) : [];
  if (stale.length > 0) {
    corrected = { ...corrected, postLetters: (corrected.postLetters ?? []).map((l) => (stale.includes(l) ? { ...l, outdatedAt: iso(ctx.at) } : l)) };
    events.push(
      event(ctx.at, 'note', 'redress', `Not to be posted, as drafted before these corrections: ${stale.map((l) => l.subject).join('; ')}. Write to the complainant with the details as they are now (Write to the complainant).`, { letters: stale.map((l) => l.id) }, `details-outdated-${iso(ctx.at)}`),
    );
  }
  return { case: corrected, events, letters, threadKeys: [], deadlinesChanged: false };
}

/** A postal address on the timeline's one line. */
function oneLine(text: string): string {
  return text.replace(/\s*\r?\n\s*/g, ', ');
}
