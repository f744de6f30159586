import { morningView } from '#application/console/morning-view';
/**
 * Issue 23: recording a complaint made by telephone, letter, in person or by a representative (the console's
 * record page and `case open`, one builder), correcting a case's details (`case details`) and adding a file to
 * a case (`case attach`, the console's upload). Rules over the memory fakes; the console's routes over them too.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { consoleApp } from '#adapters/http/console-app';
import { SESSION_COOKIE } from '#adapters/http/console-session';
import { seal } from '#adapters/http/sealed-cookie';
import { MemoryStaffSessions } from '#adapters/memory/memory-staff-sessions';
import { NotYoursToActOnError } from '#application/console/case-to-act-on';
import { NotYoursToRecordError, recordComplaint } from '#application/console/record-complaint';
import type { StaffActor } from '#application/staff/act-on-case';
import { consoleDeps } from '#composition/console';
import { loadConfig } from '#config/config';
import { mayRead } from '#domain/access/case-access';
import type { StaffMember } from '#domain/access/staff-member';
import { stageDeadlines } from '#domain/case/actions/enter-stage';
import { entryStage } from '#domain/case/route-case';
import { destroyAtRetention } from '#tests/support/case-with-everything';
import { memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });
const SECRET = 'a-test-session-secret-0123456789';
const ORIGIN = 'http://localhost:4100';

function member(policyId: string, email: string, ...roles: string[]): StaffMember {
  return { id: email, name: email, email, memberships: roles.map((role) => ({ policyId, role })), operator: false };
}
const CR = member('county-council', 'cr@county-council.example', 'customer-relations');
/** The council's stage-one handler, who may act on its new cases. */
const MANAGER = member('county-council', 'sam@county-council.example', 'service-manager');
const CHAIR = member('alumot', 'chair@alumot.example', 'chair');
const CEO = member('alumot', 'ceo@alumot.example', 'ceo');
const signedIn = (m: StaffMember): StaffActor => ({ kind: 'signed-in', member: m });

function record(stack: MemoryStack, who: StaffMember, extra: Partial<Parameters<typeof recordComplaint>[2]> = {}) {
  return stack.useCases.record(
    who,
    {
      policyId: 'county-council',
      receivedAt: at('2026-11-20T16:45:00Z'),
      channel: 'phone',
      name: 'Pat Phone',
      phone: '01632 960000',
      address: '14 Mill Lane\nYork YO26 9TR',
      preferredChannel: 'post',
      subject: 'Bins',
      summary: 'The bins were missed three weeks running.',
      confidential: false,
      ...extra,
    },
    DateTime.fromJSDate(stack.clock.now()),
  );
}

describe('recording a complaint made by telephone, letter or in person', () => {
  it('keeps its channel, runs its deadlines from the receipt time the officer gives (not now), and records who took it', async () => {
    const stack = memoryStack();
    stack.clock.set('2026-11-25T09:00:00Z');
    const { reference } = await record(stack, CR);
    const c = await stack.cases.get(reference);
    const policy = stack.policies.get('county-council');
    expect(c?.channel).toBe('phone');
    expect(c?.receivedAt).toBe('2026-11-20T16:45:00.000Z');
    const fromReceipt = stageDeadlines(policy, entryStage(policy).id, at('2026-11-20T16:45:00Z')).map((d) => [d.kind, d.dueDate]);
    const fromNow = stageDeadlines(policy, entryStage(policy).id, at('2026-11-25T09:00:00Z')).map((d) => [d.kind, d.dueDate]);
    expect(fromReceipt).not.toEqual(fromNow);
    expect(c?.deadlines.map((d) => [d.kind, d.dueDate])).toEqual(fromReceipt);
    const received = (await stack.cases.timeline(reference)).find((e) => e.type === 'received');
    expect(received).toMatchObject({ at: '2026-11-20T16:45:00.000Z', actor: CR.email, summary: `Complaint received by phone, recorded by ${CR.email}` });
  });

  it('refuses a receipt time in the future, and anyone who is not of the organisation', async () => {
    const stack = memoryStack();
    stack.clock.set('2026-11-25T09:00:00Z');
    await expect(record(stack, CR, { receivedAt: at('2026-11-26T09:00:00Z') })).rejects.toThrow(/cannot have been made in the future/);
    await expect(record(stack, CHAIR)).rejects.toBeInstanceOf(NotYoursToRecordError);
  });

  it("routes by whom its words name: a call about the CEO goes to the Chair and the CEO cannot read it", async () => {
    const stack = memoryStack();
    stack.clock.set('2026-11-25T09:00:00Z');
    const { reference } = await record(stack, CHAIR, { policyId: 'alumot', summary: 'The CEO shouted at me at the open day.', email: 'pat@example.net', preferredChannel: 'email' });
    const c = await stack.cases.get(reference);
    expect(c?.named?.roles).toEqual(['ceo']);
    expect(c?.handlerRole).not.toBe('ceo');
    expect(mayRead(CEO, stack.policies.get('alumot'), c as NonNullable<typeof c>)).toBe(false);
  });

  it("keeps a representative's consent, and refuses one recorded without it", async () => {
    const stack = memoryStack();
    const { reference } = await record(stack, CR, { representative: { name: 'Sam Son', relationship: 'her son', consent: 'by telephone, with both on the line' } });
    expect((await stack.cases.get(reference))?.complainant.representative).toEqual({ name: 'Sam Son', relationship: 'her son', consent: 'by telephone, with both on the line' });
    await expect(record(stack, CR, { representative: { name: 'Sam Son', relationship: 'her son', consent: ' ' } })).rejects.toMatchObject({ hint: { input: 'representativeConsent' } });
  });

  it('acknowledges by the preferred channel: a letter to post when there is no email, or when they prefer post; email only when they gave one and prefer it', async () => {
    const stack = memoryStack();
    stack.clock.set('2026-11-25T09:00:00Z');
    const byPost = await record(stack, CR);
    const emailButPost = await record(stack, CR, { email: 'pat@example.net', summary: 'Second call.' });
    const byEmail = await record(stack, CR, { email: 'jo@example.net', preferredChannel: 'email', summary: 'Third call.' });
    await expect(record(stack, CR, { preferredChannel: 'email', summary: 'No address.' })).rejects.toMatchObject({ hint: { input: 'email' } });
    await stack.drain();
    for (const { reference } of [byPost, emailButPost]) {
      const c = await stack.cases.get(reference);
      expect(c?.acknowledgedAt).toBeDefined();
      expect(c?.deadlines.find((d) => d.kind === 'acknowledge')?.status).toBe('met');
      const draft = (await stack.cases.timeline(reference)).find((e) => e.type === 'letter-drafted');
      expect(draft?.detail).toMatchObject({ kind: 'acknowledgement', channel: 'post' });
      expect(String(draft?.detail?.text)).toContain('14 Mill Lane');
      expect(String(draft?.detail?.text)).toContain(reference);
      // Kept on the case to post, and marked posted like any other letter.
      expect(c?.postLetters?.map((l) => [l.id, l.kind, l.postedOn])).toEqual([[draft?.id, 'acknowledgement', undefined]]);
      // The morning view lists it to post (a back-dated call owes no deadline this week, but its letter waits).
      const toPost = async () => (await morningView(stack, CR, at('2026-11-25T09:30:00Z'))).flatMap((o) => o.toPost.map((t) => [t.reference, t.letters]));
      expect(await toPost()).toContainEqual([reference, 1]);
      const posted = await stack.useCases.staff.posted({ reference, at: at('2026-11-25T10:00:00Z'), actor: 'cr', letter: draft?.id as string });
      expect(posted.postLetters?.[0]?.postedOn).toBe('2026-11-25');
      expect((await toPost()).map(([r]) => r)).not.toContain(reference);
    }
    expect(stack.mailer.sent.filter((m) => m.to.includes('pat@example.net'))).toEqual([]);
    expect(stack.mailer.sent.filter((m) => m.to.includes('jo@example.net')).map((m) => m.subject)).toEqual([expect.stringContaining(byEmail.reference)]);
  });

  it('without a stated preference (the command line as before), nothing goes at once: staff acknowledge it when they choose how', async () => {
    const stack = memoryStack();
    const { reference } = await record(stack, CR, { preferredChannel: undefined });
    const c = await stack.cases.get(reference);
    expect(c?.acknowledgedAt).toBeUndefined();
    expect((await stack.cases.timeline(reference)).some((e) => e.type === 'letter-drafted')).toBe(false);
  });
});

describe("correcting a case's details", () => {
  it('names the roles on the timeline as a sentence does, each title with its own article', async () => {
    const stack = memoryStack();
    stack.clock.set('2026-11-25T09:00:00Z');
    const { reference } = await record(stack, CR);
    await stack.useCases.staff.reassign({ reference, at: at('2026-11-25T10:00:00Z'), actor: 'cr', role: 'independent-officer' });
    const line = (await stack.cases.timeline(reference)).find((e) => e.type === 'reassigned')?.summary;
    expect(line).toBe('Reassigned from the manager responsible for the service complained about to an officer independent of the service complained about');
  });

  it('keeps a letter still to post from going with the old details: after a correction it is not to post, and a message goes with the new', async () => {
    const stack = memoryStack();
    stack.clock.set('2026-11-25T09:00:00Z');
    const { reference } = await record(stack, CR);
    const ack = (await stack.cases.get(reference))?.postLetters?.[0];
    expect(ack?.kind).toBe('acknowledgement');
    const corrected = await stack.useCases.staff.details({ reference, at: at('2026-11-25T10:00:00Z'), actor: 'cr', name: 'Pat Mill', postalAddress: '2 New Road\nYork YO1 1AA' });
    expect(corrected.postLetters?.[0]?.outdatedAt).toBe('2026-11-25T10:00:00.000Z');
    expect((await stack.cases.timeline(reference)).some((e) => e.summary.startsWith('Not to be posted, as drafted before these corrections'))).toBe(true);
    await expect(stack.useCases.staff.posted({ reference, at: at('2026-11-25T11:00:00Z'), actor: 'cr', letter: ack?.id as string })).rejects.toThrow(/do not post it/);
    const written = await stack.useCases.staff.message({ reference, at: at('2026-11-25T11:00:00Z'), actor: 'cr', subject: 'Your complaint', text: 'We have your complaint and will reply by 4 December.' });
    const fresh = written.postLetters?.find((l) => l.kind !== 'acknowledgement');
    expect(fresh?.outdatedAt).toBeUndefined();
    const text = String((await stack.cases.timeline(reference)).find((e) => e.id === fresh?.id)?.detail?.text);
    expect(text).toContain('Pat Mill');
    expect(text).toContain('2 New Road');
  });

  it('puts each change on the timeline, old and new, and writes to a corrected email address', async () => {
    const stack = memoryStack();
    const { reference } = await record(stack, CR);
    const corrected = await stack.useCases.staff.details({ reference, at: at('2026-11-26T10:00:00Z'), actor: 'cr', channel: 'letter', postalAddress: '2 New Road\nYork YO1 1AA', email: 'Pat@Example.net', preferredChannel: 'email' });
    expect(corrected).toMatchObject({ channel: 'letter', complainant: { email: 'pat@example.net', postalAddress: '2 New Road\nYork YO1 1AA', preferredChannel: 'email' } });
    const changes = (await stack.cases.timeline(reference)).filter((e) => e.type === 'details-corrected').map((e) => e.summary);
    expect(changes).toEqual(
      expect.arrayContaining([
        'Channel corrected: phone -> letter',
        'Postal address corrected: 14 Mill Lane, York YO26 9TR -> 2 New Road, York YO1 1AA',
        'Email corrected: (none) -> pat@example.net',
        'Preferred channel corrected: post -> email',
      ]),
    );
    await expect(stack.useCases.staff.details({ reference, at: at('2026-11-26T11:00:00Z'), actor: 'cr', channel: 'letter' })).rejects.toThrow(/nothing to correct/);
    // The next letter goes to the corrected address, by email.
    await stack.useCases.staff.outcome({ reference, at: at('2026-11-27T10:00:00Z'), actor: 'cr', decision: 'upheld', summary: 'We missed them.', remedies: [], actions: [] });
    await stack.drain();
    expect(stack.mailer.sent.some((m) => m.to.includes('pat@example.net'))).toBe(true);
  });

  it('routes again when whom it is about changes: about the CEO, it moves to the Chair and the CEO loses sight of it; the event never names whom it was about before', async () => {
    const stack = memoryStack();
    const policy = stack.policies.get('alumot');
    const { reference } = await record(stack, CHAIR, { policyId: 'alumot', summary: 'Nobody answered my calls.', email: 'pat@example.net', preferredChannel: 'email' });
    const before = await stack.cases.get(reference);
    expect(before?.handlerRole).toBe('ceo');
    expect(mayRead(CEO, policy, before as NonNullable<typeof before>)).toBe(true);
    const acted = await stack.useCases.act(signedIn(CHAIR), 'details', reference, { about: 'ceo' }, { at: at('2026-11-26T10:00:00Z') });
    expect(acted.outcome).toBe('saved');
    const moved = await stack.cases.get(reference);
    expect(moved?.about).toBe('ceo');
    expect(moved?.handlerRole).toBe('chair');
    expect(mayRead(CEO, policy, moved as NonNullable<typeof moved>)).toBe(false);
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.find((e) => e.type === 'details-corrected')?.summary).toBe('Whom it is about corrected: the Chief Executive Officer; routed to the Chair of the Board of Trustees'.replace('Chief Executive Officer', policy.roles.find((r) => r.id === 'ceo')?.title ?? '').replace('Chair of the Board of Trustees', policy.roles.find((r) => r.id === 'chair')?.title ?? ''));
    expect(timeline.some((e) => e.type === 'reassigned' && e.summary.endsWith(`to the ${policy.roles.find((r) => r.id === 'chair')?.title ?? ''}, as whom it is about was corrected`))).toBe(true);
    await stack.drain();
    expect(stack.mailer.sent.some((m) => m.subject === `[${reference}] A complaint has been assigned to you`)).toBe(true);

    // Undone: the CEO may read it again, and nothing on it says it was about them.
    await stack.useCases.staff.details({ reference, at: at('2026-11-27T10:00:00Z'), actor: 'chair', about: '' });
    const back = await stack.cases.get(reference);
    expect(back?.about).toBeUndefined();
    expect(mayRead(CEO, policy, back as NonNullable<typeof back>)).toBe(true);
    const last = (await stack.cases.timeline(reference)).filter((e) => e.type === 'details-corrected').at(-1);
    expect(last?.summary).toBe(`Whom it is about corrected: no one in particular; routed to the ${policy.roles.find((r) => r.id === 'ceo')?.title ?? ''}`);
    expect(last?.detail).toEqual({ field: 'about', handlerRole: 'ceo' });
  });
});

describe('adding a file to a case', () => {
  const SCAN = { filename: 'letter-3-march.pdf', contentType: 'application/pdf', content: new TextEncoder().encode('%PDF-1.4 the scanned letter'), description: 'her letter of 3 March, scanned' };

  it('stores it as an attachment, lists it on the case and the timeline, and destroys it at retention', async () => {
    const stack = memoryStack();
    const { reference } = await record(stack, CR);
    const acted = await stack.useCases.attach(signedIn(MANAGER), reference, SCAN, { at: at('2026-11-26T10:00:00Z') });
    expect(acted.outcome).toBe('saved');
    const c = await stack.cases.get(reference);
    const file = c?.attachments.at(-1);
    expect(file).toMatchObject({ filename: 'letter-3-march.pdf', contentType: 'application/pdf', size: SCAN.content.byteLength, dangerous: false });
    expect(file?.storageKey).toMatch(/^attachments\//);
    expect(stack.rawMail.files.get(file?.storageKey as string)?.toString()).toBe('%PDF-1.4 the scanned letter');
    expect((await stack.cases.timeline(reference)).find((e) => e.type === 'file-added')?.summary).toBe('File added: letter-3-march.pdf (her letter of 3 March, scanned)');
    await stack.useCases.staff.close({ reference, at: at('2026-11-27T10:00:00Z'), actor: 'cr', category: 'other' });
    await stack.drain();
    expect(await destroyAtRetention(stack, reference)).toEqual(['destroyed']);
    expect(stack.rawMail.files.has(file?.storageKey as string)).toBe(false);
  });

  it('refuses a file past the attachment bound before storing it, and removes the copy when the person may not act', async () => {
    const stack = memoryStack({ REDRESS_MAX_ATTACHMENT_BYTES: '10' });
    const { reference } = await record(stack, CR);
    const stored = stack.rawMail.files.size;
    await expect(stack.useCases.attach(signedIn(MANAGER), reference, SCAN, { at: at('2026-11-26T10:00:00Z') })).rejects.toThrow(/larger than/);
    expect(stack.rawMail.files.size).toBe(stored);
    const roomy = memoryStack();
    const other = await record(roomy, CR);
    // The independent officer may read a stage-one case but record nothing on it (Customer Relations may: capabilities).
    const stranger = member('county-council', 'io@county-council.example', 'independent-officer');
    const before = roomy.rawMail.files.size;
    await expect(roomy.useCases.attach(signedIn(stranger), other.reference, SCAN, { at: at('2026-11-26T10:00:00Z') })).rejects.toBeInstanceOf(NotYoursToActOnError);
    expect(roomy.rawMail.files.size).toBe(before);
  });
});

describe('the console: record, correct, attach', () => {
  async function consoleFor(stack: MemoryStack, groups: string[], email: string) {
    const config = loadConfig({ REDRESS_STACK: 'local', REDRESS_PUBLIC_URL: ORIGIN, REDRESS_OIDC_ISSUER: 'http://localhost:4144', REDRESS_OPERATOR_EMAIL: 'ops@redress.test', REDRESS_CONSOLE_MAX_BODY_BYTES: '2000' });
    const staffSessions = new MemoryStaffSessions();
    const app = consoleApp(consoleDeps(config, { ...stack, staffSessions, fileLinks: { linkTo: async () => 'http://files.test/x' } }, { clientSecret: 'c', sessionSecret: SECRET }));
    const expiresAt = stack.clock.now().getTime() + 30 * 60_000;
    await staffSessions.open('sid-1', 'u-1', expiresAt);
    const cookie = `${SESSION_COOKIE}=${seal({ sid: 'sid-1', sub: 'u-1', name: 'Cass', email, groups, csrf: 'the-csrf' }, SECRET, expiresAt)}`;
    return {
      get: async (path: string) => app.request(path, { headers: { cookie } }),
      post: async (path: string, form: Record<string, string>) => app.request(path, { method: 'POST', body: new URLSearchParams({ csrf: 'the-csrf', ...form }), headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' } }),
      upload: async (path: string, form: FormData) => {
        form.set('csrf', 'the-csrf');
        return app.request(path, { method: 'POST', body: form, headers: { cookie, origin: ORIGIN } });
      },
    };
  }
  const FORM = { channel: 'phone', receivedAt: '2026-11-20T16:45', name: 'Pat Phone', phone: '01632 960000', address: '14 Mill Lane\r\nYork YO26 9TR', preferredChannel: 'post', subject: 'Bins', summary: 'The bins were missed.', submissionId: 'a-form-id-0123456789' };

  it('records from the form, shows the reference, and a form sent twice records one complaint', async () => {
    const stack = memoryStack();
    stack.clock.set('2026-11-25T09:00:00Z');
    const console = await consoleFor(stack, ['county-council:customer-relations'], CR.email as string);
    expect(await (await console.get('/console')).text()).toContain('href="/console/record"');
    expect((await console.get('/console/record')).headers.get('location')).toBe('/console/record/county-council');
    const first = await console.post('/console/record/county-council', FORM);
    expect(first.status).toBe(200);
    const reference = /Recorded: ([A-Z0-9-]+)/.exec(await first.text())?.[1] as string;
    const c = await stack.cases.get(reference);
    // The time the officer typed is UK time: 16:45 in November is 16:45 UTC.
    expect(c).toMatchObject({ channel: 'phone', receivedAt: '2026-11-20T16:45:00.000Z', complainant: { name: 'Pat Phone', preferredChannel: 'post' } });
    const again = await console.post('/console/record/county-council', FORM);
    expect(await again.text()).toContain(`Recorded: ${reference}`);
    const refused = await console.post('/console/record/county-council', { ...FORM, submissionId: 'another-form-0123456', preferredChannel: '' });
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('Choose how they want us to write to them');
    expect(await (await console.get('/console/record/alumot')).text()).toContain('For which organisation?');
  });

  it('shows every problem at once, each beside its field and listed at the top linking to it; marks what is required; keeps every answer typed', async () => {
    const stack = memoryStack();
    stack.clock.set('2026-11-25T09:00:00Z');
    const console = await consoleFor(stack, ['county-council:customer-relations'], CR.email as string);
    const form = await (await console.get('/console/record/county-council')).text();
    const required = [...form.matchAll(/<label for="f-(\w+)">[^<]*<span class="required"> \(required\)<\/span><\/label>/g)].map((m) => m[1]);
    expect(required).toEqual(['channel', 'receivedAt', 'name', 'preferredChannel', 'summary']);
    const typed = { ...FORM, receivedAt: '2026-12-01T10:00', name: '', email: 'pat at example', address: '', summary: '', representativeName: 'Robin Rep <b>', submissionId: 'third-form-0123456789' };
    const res = await console.post('/console/record/county-council', typed);
    expect(res.status).toBe(400);
    const page = await res.text();
    const summary = [...(/<div class="error-summary"[\s\S]*?<\/div>/.exec(page)?.[0] ?? '').matchAll(/<a href="#f-(\w+)">([^<]*)<\/a>/g)].map((m) => [m[1], m[2]]);
    expect(summary).toEqual([
      ['receivedAt', 'The complaint cannot have been made in the future: give the date and time it was made'],
      ['name', 'Give the complainant&#39;s name'],
      ['email', 'Give an email address in the right form, like name@example.org'],
      ['address', 'They prefer post: give their postal address'],
      ['summary', 'Say what the complaint is about, in their words as far as you can'],
      ['representativeRelationship', 'Say what the representative is to the complainant (a relative, an advocate, a councillor)'],
      ['representativeConsent', 'Say how the complainant consented to the representative acting for them'],
    ]);
    // Each beside its field, read with it; the field marked invalid.
    for (const [field] of summary) {
      expect(page).toMatch(new RegExp(`<p class="error-message" id="f-${field}-error"><span class="visually-hidden">Error:</span> `));
      expect(page).toMatch(new RegExp(`id="f-${field}"[^>]*aria-describedby="[^"]*f-${field}-error"[^>]*aria-invalid="true"`));
    }
    expect(page).toContain('<title>Error: Record a complaint');
    // Nothing typed is lost (escaped as it goes back).
    expect(page).toContain('value="pat at example"');
    expect(page).toContain('value="Robin Rep &lt;b&gt;"');
    expect(page).toContain('value="01632 960000"');
    expect(page).toContain('value="2026-12-01T10:00"');
    expect(page).toMatch(/<option value="post" selected="">/);
    expect(page).toContain('value="third-form-0123456789"');
    expect(page).not.toContain('Recorded:');
  });

  it('a receipt date before the bank-holiday calendar begins is a problem beside its field, not a server error; the answers kept', async () => {
    const stack = memoryStack();
    stack.clock.set('2026-11-25T09:00:00Z');
    const console = await consoleFor(stack, ['county-council:customer-relations'], CR.email as string);
    const res = await console.post('/console/record/county-council', { ...FORM, receivedAt: '2019-01-01T10:00', submissionId: 'old-letter-0123456789' });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('<a href="#f-receivedAt">Redress counts working days from Wednesday 1 January 2020: give a date from then (a complaint made earlier cannot be recorded here)</a>');
    expect(page).toContain('value="2019-01-01T10:00"');
    expect(await stack.cases.newestFirst('county-council')).toHaveLength(0);
  });

  it('opens the details form with the details as they are, and uploads a file within the limit; a larger one is refused in words', async () => {
    const stack = memoryStack();
    const { reference } = await record(stack, CR);
    const console = await consoleFor(stack, ['county-council:customer-relations', 'county-council:service-manager'], CR.email as string);
    const form = await (await console.get(`/console/cases/${reference}/actions/details`)).text();
    expect(form).toContain('value="01632 960000"');
    expect(form).toContain('14 Mill Lane\nYork YO26 9TR</textarea>');
    const page = await (await console.get(`/console/cases/${reference}`)).text();
    expect(page).toContain(`/console/cases/${reference}/attach`);
    const small = new FormData();
    small.set('file', new Blob(['notes of the call'], { type: 'text/plain' }), 'call-notes.txt');
    small.set('description', 'notes of the call');
    const res = await console.upload(`/console/cases/${reference}/attach`, small);
    expect(res.status).toBe(303);
    expect((await stack.cases.get(reference))?.attachments.map((a) => a.filename)).toEqual(['call-notes.txt']);
    const large = new FormData();
    large.set('file', new Blob(['x'.repeat(5000)], { type: 'text/plain' }), 'big.txt');
    const tooLarge = await console.upload(`/console/cases/${reference}/attach`, large);
    expect(tooLarge.status).toBe(413);
    const tooLargePage = await tooLarge.text();
    expect(tooLargePage).toContain('That file is too large');
    expect(tooLargePage).toContain(`<a href="/console/cases/${reference}/attach">Choose another file</a>`);
    // A file that could run code is refused as it comes, not kept and never offered.
    const program = new FormData();
    program.set('file', new Blob(['MZ'], { type: 'application/octet-stream' }), 'scan.exe');
    const refusedProgram = await console.upload(`/console/cases/${reference}/attach`, program);
    expect(refusedProgram.status).toBe(400);
    expect(await refusedProgram.text()).toContain('scan.exe is a kind of file that can run code');
    expect((await stack.cases.get(reference))?.attachments.map((a) => a.filename)).toEqual(['call-notes.txt']);
    const none = await console.upload(`/console/cases/${reference}/attach`, new FormData());
    expect(none.status).toBe(400);
    expect(await none.text()).toContain('Choose the file to add.');
  });
});
