/**
 * The complainant's own page end to end over HTTP: the link in their letters, what it shows, adding information
 * with a file, asking for the next stage, and everything that must open nothing (a revoked or unknown token, a
 * form posted from another site). Real servers: DynamoDB Local, the SES emulator, the local front door.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { deliver } from '#tests/support/deliver';
import { formStack, type FormStack } from '#tests/support/form-stack';
import { sentEmails } from '#tests/support/ses-outbox';
import { dateInWords } from '#domain/letters/dates-in-words';

let stack: FormStack;
beforeAll(async () => {
  stack = await formStack();
});
afterAll(() => stack.server.stop());

const at = (iso: string) => DateTime.fromISO(iso);
let n = 0;
const PAGE_LINK = /on your complaint's own page: (http:\/\/localhost:3000\/cases\/([A-Za-z0-9_-]{43}))/;

/** A Not Alone Mentoring complaint by email, signed: its reference, the complainant's address and the page path from the acknowledgement. */
async function signedComplaint(body = 'The volunteer did not come to three sessions.') {
  const from = `page.${Date.now()}.${++n}@example.net`;
  const [opened] = await deliver(stack, [`From: Robin Page <${from}>`, 'To: not.alone.mentoring@gmail.com', 'Subject: My sessions', `Message-ID: <page-${n}-${Date.now()}@example.net>`, '', body, ''].join('\n'));
  if (opened?.kind !== 'case-opened') throw new Error(JSON.stringify(opened));
  await stack.useCases.staff.sign({ reference: opened.reference, at: at('2026-11-24T10:00:00Z'), actor: 'katie' });
  await stack.sendLetters();
  const ack = (await sentEmails(stack.sesEndpoint, from)).find((m) => /received your signed complaint/.test(m.subject));
  const link = PAGE_LINK.exec(ack?.body.text ?? '');
  if (!link) throw new Error(`no page link in: ${ack?.body.text}`);
  return { reference: opened.reference, from, path: new URL(link[1] as string).pathname, token: link[2] as string };
}

const page = (path: string) => fetch(`${stack.url}${path}`, { redirect: 'manual' });
const post = (path: string, body: FormData | URLSearchParams, headers: Record<string, string> = {}) => fetch(`${stack.url}${path}`, { method: 'POST', body, headers, redirect: 'manual' });

describe("the complainant's page", () => {
  it('is linked from the letters by a long random token, never the reference, and says where the complaint is and what happens next', async () => {
    const { reference, path, token } = await signedComplaint();
    expect(path).toBe(`/cases/${token}`);
    expect(token).not.toContain(reference);
    const response = await page(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-robots-tag')).toBe('noindex, nofollow');
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'$/);
    const html = await response.text();
    for (const words of [
      '<h1>Your complaint to Not Alone Mentoring</h1>',
      `<dd>${reference}</dd>`,
      '<dd>Open</dd>',
      'We will send you our full response by Tuesday 8 December 2026.',
      'If we need to meet you, we will do so by Thursday 3 December 2026.',
      'We have received your signed complaint',
      'Send us more information',
    ]) expect(html).toContain(words);
    expect(html).not.toContain('<script');
    expect(html).not.toContain('Ask for');
  });

  it('takes more information with a file, threaded onto the case like a reply and told to the handler, once however often it is sent', async () => {
    const { reference, path } = await signedComplaint();
    const form = () => {
      const data = new FormData();
      data.set('submissionId', 'sub-12345678');
      data.set('text', 'Here is the text message the volunteer sent me. <script>alert(1)</script>');
      data.append('files', new Blob(['%PDF-1.4 the message'], { type: 'application/pdf' }), 'message.pdf');
      return data;
    };
    const sent = await post(`${path}/information`, form());
    expect(sent.status).toBe(303);
    expect(sent.headers.get('location')).toBe(`${path}?sent=information`);
    expect(await (await page(`${path}?sent=information`)).text()).toContain('We have added what you sent to your complaint');
    expect((await post(`${path}/information`, form())).status).toBe(303);

    const c = await stack.cases.get(reference);
    expect(c?.attachments.map((a) => [a.filename, a.contentType, a.size])).toEqual([['message.pdf', 'application/pdf', 20]]);
    const added = (await stack.cases.timeline(reference)).filter((e) => e.type === 'mail-in');
    expect(added.map((e) => e.summary)).toEqual(['Message from the complainant, on their complaint page']);
    await stack.sendLetters();
    const notices = (await sentEmails(stack.sesEndpoint)).filter((m) => m.subject === `[${reference}] New message on the case`);
    expect(notices).toHaveLength(1);
    expect(notices[0]?.body.text).toContain('Here is the text message the volunteer sent me.');
  });

  it('refuses an empty message with the page and what to do, and a form posted from another site', async () => {
    const { path } = await signedComplaint();
    const empty = await post(`${path}/information`, new URLSearchParams({ text: '   ', submissionId: 'sub-empty-1' }));
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Write what you want to add, or choose a file to send.');
    const foreign = await post(`${path}/information`, new URLSearchParams({ text: 'hello', submissionId: 'sub-foreign' }), { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    const crossSite = await post(`${path}/review`, new URLSearchParams({ fromStage: 'stage-2' }), { 'sec-fetch-site': 'cross-site', origin: 'null' });
    expect(crossSite.status).toBe(403);
  });

  it('offers "ask for a review" while the window is open, records the escalation and sends the next stage its acknowledgement; pressed twice, once', async () => {
    const { reference, from, path } = await signedComplaint();
    await stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: 'We read the session records and spoke to the volunteer.', remedies: [], actions: [], at: at('2026-12-04T15:00:00Z'), actor: 'katie' });
    await stack.sendLetters();
    stack.clock.set(new Date('2026-12-10T09:00:00Z'));
    const html = await (await page(path)).text();
    expect(html).toContain('If you are not happy with our response, you can ask for an appeal until Thursday 24 December 2026.');
    expect(html).toContain('<input type="hidden" name="fromStage" value="stage-2"/>');
    const asked = await post(`${path}/review`, new URLSearchParams({ fromStage: 'stage-2' }));
    expect(asked.status).toBe(303);
    expect((await post(`${path}/review`, new URLSearchParams({ fromStage: 'stage-2' }))).status).toBe(303);
    const c = await stack.cases.get(reference);
    expect(c?.stage).toBe('stage-3');
    const timeline = await stack.cases.timeline(reference);
    expect(timeline.filter((e) => e.type === 'next-stage-requested').map((e) => [e.actor, e.summary])).toEqual([['complainant', expect.stringContaining('(on their complaint page)')]]);
    await stack.sendLetters();
    const acks = (await sentEmails(stack.sesEndpoint, from)).filter((m) => /request for an appeal/.test(m.subject));
    expect(acks).toHaveLength(1);
    expect(await (await page(path)).text()).not.toContain('name="fromStage"');
  });

  it('opens nothing once revoked, for a token never issued, or for one of the wrong shape; a new one works and the old does not', async () => {
    const { reference, path } = await signedComplaint();
    const revoked = await stack.useCases.staff['page-revoke']({ reference, at: at('2026-11-25T10:00:00Z'), actor: 'katie' });
    expect(revoked.page).toBeUndefined();
    const gone = await page(path);
    expect(gone.status).toBe(404);
    expect(await gone.text()).toContain('There is no complaint page here');
    expect((await page(`/cases/${'A'.repeat(43)}`)).status).toBe(404);
    expect((await page('/cases/short')).status).toBe(404);
    expect((await page(`/cases/${reference}`)).status).toBe(404);
    const renewed = await stack.useCases.staff['page-new']({ reference, at: at('2026-11-25T11:00:00Z'), actor: 'katie' });
    expect((await page(`/cases/${renewed.page?.token}`)).status).toBe(200);
    expect((await page(path)).status).toBe(404);
  });

  it('is not linked from the letter to an address typed into a web form until its owner confirms it', async () => {
    const email = `typed.${Date.now()}@example.net`;
    const opened = await stack.useCases.submitWebComplaint({
      policyId: 'county-council',
      form: { name: 'Typed Address', email, summary: 'The bins were not collected for three weeks.', confidential: false, consent: true, formToken: 'x' },
      submissionKey: `typed-${Date.now()}`,
      receivedAt: stack.clock.now().toISOString(),
      sourceIp: '127.0.0.1',
    });
    await stack.sendLetters();
    const [first] = await sentEmails(stack.sesEndpoint, email);
    expect(first?.subject).toContain(opened.reference);
    expect(first?.body.text).not.toContain('/cases/');
  });
});

describe('confirming an address typed into the form, over HTTP and intake', () => {
  it("is done by the button on the letter's link, never by opening it, nor by a forged reply; the page the form links to never shows the secrets", async () => {
    const victim = `victim.${Date.now()}@example.net`;
    const posted = await fetch(`${stack.url}/forms/county-council`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ formToken: stack.token('county-council'), name: 'Someone Else', email: victim, summary: 'The bins were not collected.', consent: 'yes' }),
    });
    expect(posted.status).toBe(201);
    const { reference, page: formPage } = (await posted.json()) as { reference: string; page: string };
    await stack.sendLetters();
    const [letter] = await sentEmails(stack.sesEndpoint, victim);
    const link = /press the "Confirm my email address" button on the page it opens:\n(http:\/\/localhost:3000(\/confirm\/[A-Z]+-\d{4}-\d{4}\/[A-Za-z0-9_-]{43}))\n/.exec(letter?.body.text ?? '');
    const code = /Your reply must include this code: ([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(letter?.body.text ?? '')?.[1];
    if (!link || !code) throw new Error(`no link or code in: ${letter?.body.text}`);
    const path = link[2] as string;
    const isConfirmed = async () => (await stack.cases.get(reference))?.complainant.emailConfirmed;

    // Whoever sent the form holds the complainant's page: it shows neither the link nor the code.
    const formPageHtml = await (await page(formPage)).text();
    expect(formPageHtml).not.toContain(code);
    expect(formPageHtml).not.toContain(path);

    // A reply forged with the victim's From and the reference in the subject: joined to the case, confirms nothing.
    const forged = [`From: ${victim}`, 'To: complaints@county-council.example', `Subject: Re: [${reference}] Please confirm your email address`, `In-Reply-To: ${letter?.messageId ?? ''}`, '', 'Yes, this is me.', ''].join('\n');
    expect(await deliver(stack, forged)).toEqual([{ kind: 'threaded', policyId: 'county-council', reference }]);
    expect(await isConfirmed()).toBe(false);

    // Opening the link (as a mail scanner does) shows a button and confirms nothing.
    const opened = await page(path);
    expect(opened.status).toBe(200);
    expect(opened.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await opened.text();
    expect(html).toContain('<h1>Confirm your email address</h1>');
    expect(html).toContain(`<form method="post" action="${path}"><button type="submit">Confirm my email address</button></form>`);
    expect(await isConfirmed()).toBe(false);
    expect((await page(`${path.slice(0, -1)}${path.endsWith('A') ? 'B' : 'A'}`)).status).toBe(404);

    // Pressed from another site: refused. Pressed on the page: confirmed, and the page says so.
    expect((await post(path, new URLSearchParams(), { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' })).status).toBe(403);
    expect(await isConfirmed()).toBe(false);
    const pressed = await post(path, new URLSearchParams(), { 'sec-fetch-site': 'same-origin' });
    expect(pressed.status).toBe(303);
    expect(pressed.headers.get('location')).toBe(path);
    expect(await isConfirmed()).toBe(true);
    expect(await (await page(path)).text()).toContain('<h1>Your email address is confirmed</h1>');

    // Confirmed: the acknowledgement goes there now, once (pressed again, nothing more), with the response dates.
    expect((await post(path, new URLSearchParams(), { 'sec-fetch-site': 'same-origin' })).status).toBe(303);
    await stack.sendLetters();
    const acks = (await sentEmails(stack.sesEndpoint, victim)).filter((m) => m.subject === `[${reference}] We have received your complaint`);
    expect(acks).toHaveLength(1);
    const c = await stack.cases.get(reference);
    const respond = c?.deadlines.find((d) => d.kind === 'respond' && d.status === 'pending');
    expect(c?.deadlines.find((d) => d.kind === 'acknowledge')?.doneAt).toBeDefined();
    expect(acks[0]?.body.text).toContain('Thank you for confirming your email address, and for your complaint to ');
    expect((acks[0]?.body.text ?? '').replace(/\s+/g, ' ')).toContain(`We will send you our full response by ${dateInWords(respond?.dueDate ?? '')}.`);
  });

  it('a reply over intake that carries the code confirms the address', async () => {
    const victim = `coded.${Date.now()}@example.net`;
    const { reference } = await stack.useCases.submitWebComplaint({
      policyId: 'county-council',
      form: { name: 'Coded Reply', email: victim, summary: 'Bins.', confidential: false, consent: true, formToken: 'x' },
      submissionKey: `coded-${Date.now()}`,
      receivedAt: stack.clock.now().toISOString(),
      sourceIp: '127.0.0.1',
    });
    await stack.sendLetters();
    const [letter] = await sentEmails(stack.sesEndpoint, victim);
    const quoted = (letter?.body.text ?? '').split('\n').map((l) => `> ${l}`).join('\n');
    await deliver(stack, [`From: ${victim}`, 'To: complaints@county-council.example', `Subject: Re: ${letter?.subject}`, '', 'Yes, this is me.', '', quoted, ''].join('\n'), {
      verdicts: { spam: 'PASS', virus: 'PASS', spf: 'PASS', dkim: 'PASS', dmarc: 'PASS' },
    });
    expect((await stack.cases.get(reference))?.complainant.emailConfirmed).toBe(true);
  });
});
