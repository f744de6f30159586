/**
 * Contact restrictions (issue 24): a role above the handler sets one (never the handler), the letter to the person
 * says all of it and how to ask for a review, the index finds it by address without a scan, and a restricted
 * person's mail is never dropped: it is kept on their case and their point of contact told, and answered only as
 * the restriction says. Over the memory fakes.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { StaffActor } from '#application/staff/act-on-case';
import type { StaffMember } from '#domain/access/staff-member';
import { restrictionKeyOfAddress, RESTRICTION_CHANNELS, type ContactRestriction, type RestrictionChannel } from '#domain/case/contact-restriction';
import { restrictedMailHandling } from '#domain/case/restricted-mail';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const COUNCIL = 'complaints@county-council.example';
const MANAGERS = 'service-manager.notices@county-council.example';
const DIRECTORS = 'director.notices@county-council.example';
const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });

function member(address: string, ...roles: string[]): StaffMember {
  return { id: address, name: address, email: address, memberships: roles.map((role) => ({ policyId: 'county-council', role })), operator: false };
}
const signedIn = (m: StaffMember): StaffActor => ({ kind: 'signed-in', member: m });
const SAM = member('sam@county-council.example', 'service-manager');
const DEE = member('dee@county-council.example', 'director');
const CR = member('cr@county-council.example', 'customer-relations');

const RESTRICT = {
  reason: 'Over three weeks you telephoned our staff more than forty times and used abusive language on six calls.',
  scope: 'Telephone calls to any member of staff other than your point of contact.',
  channels: ['email', 'post'],
  contactName: 'Dee Director',
  contactRole: 'director',
  reviewOn: '2027-03-01',
};

async function complaint(stack: MemoryStack, from = 'pat@example.net'): Promise<string> {
  const [o] = await stack.deliver(email([`From: Pat Person <${from}>`, `To: ${COUNCIL}`, 'Subject: The bins', 'Message-ID: <pat1@example.net>'], 'The bins were missed for the third week running.'));
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  await stack.drain();
  return o.reference;
}

async function restricted(stack: MemoryStack, input: Partial<typeof RESTRICT> = {}): Promise<string> {
  const reference = await complaint(stack);
  const acted = await stack.useCases.act(signedIn(DEE), 'restrict', reference, { ...RESTRICT, ...input }, { at: at('2026-12-07T10:00:00Z') });
  if (acted.outcome !== 'saved') throw new Error(acted.outcome === 'refused' ? acted.refusal.message : acted.outcome);
  await stack.drain();
  return reference;
}

describe('who may restrict contact', () => {
  it('a role above the handler may; the handler and the Customer Relations Team may not, and are told who can', async () => {
    const stack = memoryStack();
    const reference = await complaint(stack);
    for (const who of [SAM, CR]) {
      await expect(stack.useCases.act(signedIn(who), 'restrict', reference, RESTRICT, { at: at('2026-12-07T10:00:00Z') })).rejects.toThrow(
        /Only the relevant Director or the Chief Executive can restrict how this complainant contacts us: a restriction is decided by someone more senior than the manager responsible/,
      );
    }
    const acted = await stack.useCases.act(signedIn(DEE), 'restrict', reference, RESTRICT, { at: at('2026-12-07T10:00:00Z') });
    expect(acted.outcome).toBe('saved');
    expect((await stack.cases.get(reference))?.restriction).toMatchObject({ person: { email: 'pat@example.net', name: 'Pat Person' }, channelsOpen: ['email', 'post'], reviewOn: '2027-03-01' });
  });

  it('refuses a restriction that leaves no way in, has no review date to come, or is open-ended', async () => {
    const stack = memoryStack();
    const reference = await complaint(stack);
    const refusal = async (input: Partial<typeof RESTRICT>) => {
      const acted = await stack.useCases.act(signedIn(DEE), 'restrict', reference, { ...RESTRICT, ...input }, { at: at('2026-12-07T10:00:00Z') });
      return acted.outcome === 'refused' ? acted.refusal.message : acted.outcome;
    };
    expect(await refusal({ channels: [] })).toMatch(/leave at least one way for them to contact us/);
    expect(await refusal({ channels: ['carrier-pigeon'] })).toMatch(/unknown channel "carrier-pigeon"/);
    expect(await refusal({ reviewOn: '2026-12-07' })).toMatch(/is not after today/);
    expect(await refusal({ reviewOn: '2028-06-01' })).toMatch(/never open-ended/);
    expect(await refusal({ reason: '  ' })).toMatch(/give the reason/);
    expect(await refusal({ contactRole: 'nobody' })).toMatch(/unknown role "nobody"/);
    expect((await stack.cases.get(reference))?.restriction).toBeUndefined();
  });
});

describe('the letter to the person', () => {
  it('says why, what is limited, how they can still reach us, who answers, the review date, and how to ask for a review', async () => {
    const stack = memoryStack();
    const reference = await restricted(stack);
    const letter = stack.mailer.sent.find((m) => m.to.includes('pat@example.net') && m.subject.includes('How you can contact us from now on'));
    expect(letter?.subject).toBe(`[${reference}] How you can contact us from now on`);
    const text = letter?.text ?? '';
    expect(text).toContain(RESTRICT.reason);
    expect(text).toContain(RESTRICT.scope);
    expect(text).toContain('How you can contact us: by email to complaints@county-council.example or by post to [street address], [town], [postcode].');
    expect(text).toContain('Dee Director (the relevant Director) is now your single point of contact');
    expect(text).toMatch(/We will review this decision by (Monday )?1 March 2027/);
    expect(text).toMatch(/ask us to look at it again at any time: write to Dee Director at complaints@county-council\.example/);
    expect(text).toContain('Nothing you send is ignored or thrown away');
    // Email is left open here: nothing to reconcile with the letter's "reply to this email".
    expect(text).not.toContain('If you email us, or reply to this email');
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.map((e) => e.type)).toContain('restriction-set');
  });

  it('where email is not left open, says what happens to an email (kept and passed on, answered the ways left open)', async () => {
    const stack = memoryStack();
    await restricted(stack, { channels: ['post'] });
    const text = stack.mailer.sent.find((m) => m.subject.includes('How you can contact us from now on'))?.text ?? '';
    // Only post left open: the address to post to, and a review asked for by post, never an email address to write to.
    expect(text).toContain('How you can contact us: by post to [street address], [town], [postcode].');
    expect(text).toContain('write to Dee Director at [street address], [town], [postcode] and say why');
    expect(text).toContain('If you email us, or reply to this email, what you send is still kept with your complaint and passed to Dee Director, who will answer you by post.');
  });

  it('a review keeps it with a new date and says so; lifting ends it, takes it out of the index, and says so', async () => {
    const stack = memoryStack();
    const reference = await restricted(stack);
    await stack.useCases.act(signedIn(DEE), 'restriction-review', reference, { reviewOn: '2027-06-01', note: 'The calls have not stopped.', channels: ['post'] }, { at: at('2027-02-26T10:00:00Z') });
    await stack.drain();
    expect((await stack.cases.restrictionOf('county-council', restrictionKeyOfAddress('PAT@example.net')))?.restriction).toMatchObject({ reviewOn: '2027-06-01', channelsOpen: ['post'] });
    expect(stack.mailer.sent.find((m) => m.subject.includes('We have reviewed how you can contact us'))?.text).toMatch(/We will review this again by (Tuesday )?1 June 2027/);
    await stack.useCases.act(signedIn(DEE), 'restriction-lift', reference, {}, { at: at('2027-05-20T10:00:00Z') });
    await stack.drain();
    expect(stack.mailer.sent.some((m) => m.subject.includes('The limits on how you contact us have ended'))).toBe(true);
    expect(await stack.cases.restrictionOf('county-council', restrictionKeyOfAddress('pat@example.net'))).toBeUndefined();
    expect(await stack.cases.restrictionOf('county-council', 'name:pat person')).toBeUndefined();
    expect((await stack.cases.get(reference))?.restriction).toBeUndefined();
  });
});

describe('a restricted person’s mail', () => {
  const restriction = (channelsOpen: RestrictionChannel[]): ContactRestriction => ({
    person: { email: 'pat@example.net' },
    reason: 'r',
    scope: 's',
    channelsOpen,
    pointOfContact: { name: 'Dee', role: 'director' },
    reviewOn: '2027-03-01',
    setAt: '2026-12-07T10:00:00.000Z',
    setBy: 'dee',
  });

  it('is never dropped: whatever the restriction and wherever the mail goes, it is kept on a case and the point of contact told', () => {
    const subsets = Array.from({ length: 2 ** RESTRICTION_CHANNELS.length }, (_, bits) => RESTRICTION_CHANNELS.filter((_, i) => bits & (1 << i)));
    for (const channels of subsets) {
      for (const onCase of [undefined, 'CCC-2026-0009']) {
        const handling = restrictedMailHandling({ reference: 'CCC-2026-0001', restriction: restriction(channels) }, onCase);
        expect(handling.restricted).toBe(true);
        if (!handling.restricted) continue;
        expect(handling.recordOn).toBe(onCase ?? 'CCC-2026-0001');
        expect(handling.tell).toEqual({ name: 'Dee', role: 'director' });
        // Answered only as far as the restriction says: by email only when email is left open to them.
        expect(handling.answer).toBe(channels.includes('email') ? 'receipt' : 'none');
      }
    }
    expect(restrictedMailHandling(undefined, undefined)).toEqual({ restricted: false });
  });

  it('over SMTP intake: a new message is kept on their case, not a new case, and the point of contact is told; no acknowledgement', async () => {
    const stack = memoryStack();
    const reference = await restricted(stack, { channels: ['post'] });
    const before = stack.mailer.sent.length;
    const [o] = await stack.deliver(email(['From: Pat Person <Pat@Example.net>', `To: ${COUNCIL}`, 'Subject: Another thing', 'Message-ID: <pat2@example.net>'], 'And another thing about the bins.'));
    await stack.drain();
    expect(o).toMatchObject({ kind: 'threaded', reference });
    expect((await stack.cases.newestFirst('county-council')).map((c) => c.reference)).toEqual([reference]);
    const timeline = await stack.cases.timeline(reference);
    const mailIn = timeline.find((e) => e.type === 'mail-in' && e.detail?.subject === 'Another thing');
    expect(String(mailIn?.detail?.text).trim()).toBe('And another thing about the bins.');
    expect(timeline.find((e) => e.type === 'restricted-mail')?.summary).toMatch(/kept here and was sent to Dee Director, the point of contact; Redress sent them nothing/);
    const sent = stack.mailer.sent.slice(before);
    expect(sent.map((m) => m.to)).toEqual([[DIRECTORS]]);
    expect(sent[0]?.subject).toBe(`[${reference}] For Dee Director: a message from a person whose contact is restricted`);
    expect(sent[0]?.text).toContain('And another thing about the bins.');
    expect(sent[0]?.text).toMatch(/Redress sent them nothing/);
    expect(sent.some((m) => m.to.includes(MANAGERS))).toBe(false);
  });

  it('where the restriction leaves email open, they get a short receipt and nothing more', async () => {
    const stack = memoryStack();
    const reference = await restricted(stack);
    const before = stack.mailer.sent.length;
    await stack.deliver(email(['From: Pat Person <pat@example.net>', `To: ${COUNCIL}`, `Subject: Re: [${reference}] How you can contact us from now on`, 'Message-ID: <pat3@example.net>'], 'I disagree.'));
    await stack.drain();
    const sent = stack.mailer.sent.slice(before);
    expect(sent.filter((m) => m.to.includes('pat@example.net')).map((m) => m.subject)).toEqual([`[${reference}] We have received your message`]);
    expect(sent.filter((m) => m.to.includes(DIRECTORS))).toHaveLength(1);
  });

  it('the digest reminds a week before the review date, by reference and date only', async () => {
    const stack = memoryStack();
    const reference = await restricted(stack, { reviewOn: '2027-03-01' });
    expect(await stack.cases.restrictionsToReview('county-council', '2027-02-28')).toEqual([]);
    expect((await stack.cases.restrictionsToReview('county-council', '2027-03-01')).map((r) => r.reference)).toEqual([reference]);
    const digestOn = async (iso: string) => {
      const before = stack.mailer.sent.length;
      await stack.useCases.sendDigest('county-council', at(iso));
      await stack.drain();
      return stack.mailer.sent.slice(before).map((m) => m.text).join('\n');
    };
    // Two weeks before: not yet. Tuesday 23 February, within the week: reminded.
    expect(await digestOn('2027-02-15T08:00:00Z')).not.toContain('Restrictions on contact to review');
    const digest = await digestOn('2027-02-23T08:00:00Z');
    expect(digest).toContain('Restrictions on contact to review');
    expect(digest).toMatch(new RegExp(`${reference}: the restriction on contact is to be reviewed by (Monday )?1 March 2027 \\(4 working days left\\); point of contact Dee Director`));
    expect(digest).not.toContain('Pat Person');
  });
});

describe('what the person and staff see while it lasts', () => {
  it('what they add on their own page is kept and goes to the point of contact, not the handler, by the same rule as mail', async () => {
    const stack = memoryStack();
    const reference = await restricted(stack, { channels: ['post'] });
    const token = (await stack.cases.get(reference))?.page?.token as string;
    const before = stack.mailer.sent.length;
    await stack.useCases.complainant.addInformation({ token, text: 'Here is more about the bins.', files: [], submissionId: 'page-1', receivedAt: '2026-12-08T10:00:00.000Z' });
    await stack.drain();
    const sent = stack.mailer.sent.slice(before);
    expect(sent.map((m) => m.to)).toEqual([[DIRECTORS]]);
    expect(sent[0]?.text).toContain('Here is more about the bins.');
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.some((e) => e.type === 'mail-in' && String(e.detail?.text).includes('Here is more about the bins.'))).toBe(true);
    expect(timeline.filter((e) => e.type === 'restricted-mail')).toHaveLength(1);
  });

  it('their page says how they can contact us and who answers, instead of "write to us or reply"', async () => {
    const stack = memoryStack();
    const reference = await restricted(stack, { channels: ['post'] });
    const token = (await stack.cases.get(reference))?.page?.token as string;
    const view = await stack.useCases.complainant.view(token);
    expect(view.restricted).toEqual({ channels: 'by post', contactName: 'Dee Director' });
    await stack.useCases.act(signedIn(DEE), 'restriction-lift', reference, {}, { at: at('2026-12-20T10:00:00Z') });
    expect((await stack.useCases.complainant.view(token)).restricted).toBeUndefined();
  });
});
