/** The web form end to end: HTTP in, a case in DynamoDB Local and an acknowledgement in the SES emulator out. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentEmails } from '#tests/support/ses-outbox';
import { formStack, type FormStack } from '#tests/support/form-stack';

let stack: FormStack;
beforeAll(async () => {
  stack = await formStack({ REDRESS_FORM_PER_IP_LIMIT: '1000', REDRESS_FORM_PER_ORG_LIMIT: '1000' });
});
afterAll(() => stack.server.stop());

let n = 0;
function unique(): string {
  return `${Date.now()}.${++n}`;
}

function formBody(fields: Record<string, string>): string {
  return new URLSearchParams(fields).toString();
}

async function postForm(policyId: string, fields: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${stack.url}/forms/${policyId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: formBody(fields),
    redirect: 'manual',
  });
}

async function postJson(policyId: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${stack.url}/forms/${policyId}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

function complaint(policyId: string, extra: Record<string, string> = {}) {
  const email = `web.${unique()}@example.net`;
  return {
    email,
    fields: {
      formToken: stack.token(policyId),
      name: 'Robin Web',
      email,
      summary: 'My session was cancelled twice without notice.',
      consent: 'yes',
      ...extra,
    },
  };
}

describe('posting the form', () => {
  it('a plain urlencoded post becomes a case and an acknowledgement, and the page shows the reference', async () => {
    const { email, fields } = complaint('county-council', { phone: '01632 960 001', incidentDate: '2026-11-02', incidentTime: '14:30', incidentLocation: 'Main library' });
    const response = await postForm('county-council', fields);
    expect(response.status).toBe(200);
    const html = await response.text();
    const reference = /Your reference is<br\/?><strong>(CCC-\d{4}-\d{4})<\/strong>/.exec(html)?.[1];
    expect(reference).toBeDefined();
    const c = await stack.cases.get(reference as string);
    expect(c).toMatchObject({
      channel: 'web',
      complainant: { anonymous: false, name: 'Robin Web', email, phone: '01632 960 001' },
      incident: { date: '2026-11-02', time: '14:30', place: 'Main library' },
      summary: 'My session was cancelled twice without notice.',
    });
    await stack.sendLetters();
    // An address typed into a form is not yet shown to be the complainant's: the one letter it gets asks them to
    // confirm it, and carries nothing the form said (not the name, not the complaint).
    const [ack] = await sentEmails(stack.sesEndpoint, email);
    expect(ack?.subject).toBe(`[${reference}] Please confirm your email address for your complaint to the County Council`);
    expect(ack?.body.text).toContain(`recorded the complaint under reference ${reference}`);
    expect(ack?.body.text).toContain('If you did not make a complaint');
    expect(ack?.body.text).not.toContain('Robin Web');
    expect(ack?.body.text).not.toContain('cancelled twice');
    // The page says what happens next as it will happen: confirm, then the acknowledgement.
    expect(html).toContain('<h2>Confirm your email address</h2>');
    expect(html).toContain('When you do, we will send you our acknowledgement there');
    // The handler's staff mailbox gets the notice (the seed's placeholder), never the complaints address.
    expect((await sentEmails(stack.sesEndpoint, 'service-manager.notices@county-council.example')).some((e) => e.subject.startsWith(`[${reference}] New complaint`))).toBe(true);
  });

  it('a JSON post answers with the reference as JSON', async () => {
    const { email, fields } = complaint('connected-together');
    const response = await postJson('connected-together', fields);
    expect(response.status).toBe(201);
    const body = (await response.json()) as { reference: string; acknowledged: boolean };
    // Not acknowledged yet: the one letter asks to confirm the address; the acknowledgement follows once they do.
    expect(body).toEqual({ reference: expect.stringMatching(/^CTC-\d{4}-\d{4}$/), acknowledged: false, confirmationSent: true, page: expect.stringMatching(/^\/cases\/[A-Za-z0-9_-]{43}$/) });
    await stack.sendLetters();
    expect(await sentEmails(stack.sesEndpoint, email)).toHaveLength(1);
  });

  it('redirects to the thank-you page the policy names', async () => {
    const withThanks = await formStack({ REDRESS_POLICIES_DIR: await policiesWithThankYou() });
    const response = await fetch(`${withThanks.url}/forms/alumot`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: formBody({ ...complaint('alumot').fields, formToken: withThanks.token('alumot') }),
      redirect: 'manual',
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toMatch(/^https:\/\/www\.alumot\.example\/thanks\?reference=ALU-\d{4}-0001$/);
    // Browsers check form-action on the redirect after the POST: the form page must name the thank-you origin.
    const page = await fetch(`${withThanks.url}/forms/alumot`);
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self' https://www.alumot.example;");
    await withThanks.server.stop();
  });

  it('a typed signature with its date is a signed complaint (Not Alone Mentoring starts its clock)', async () => {
    const { fields } = complaint('not-alone-mentoring', { signature: 'Robin Web', signatureDate: '2026-11-20' });
    const body = (await (await postJson('not-alone-mentoring', fields)).json()) as { reference: string };
    const c = await stack.cases.get(body.reference);
    expect(c).toMatchObject({ signed: true, status: 'open' });
    expect(c?.deadlines.map((d) => d.kind)).toEqual(['acknowledge']);
  });

  it('signed on the form, the page after it says the times have started (not that they wait for a signature)', async () => {
    const { fields } = complaint('not-alone-mentoring', { signature: 'Robin Web', signatureDate: '2026-11-20' });
    const html = await (await postForm('not-alone-mentoring', fields)).text();
    expect(html).toContain('These times start today, when we received your signed complaint.');
    expect(html).not.toContain('These times start when we have your signed complaint');
  });

  it('an unsigned form to Not Alone Mentoring waits for a signature', async () => {
    const body = (await (await postJson('not-alone-mentoring', complaint('not-alone-mentoring').fields)).json()) as { reference: string };
    expect(await stack.cases.get(body.reference)).toMatchObject({ signed: false, status: 'awaiting-signature' });
  });

  it('whom it is about drives routing: a complaint about the CEO goes to the Chair', async () => {
    const body = (await (await postJson('alumot', complaint('alumot', { about: 'ceo' }).fields)).json()) as { reference: string };
    expect(await stack.cases.get(body.reference)).toMatchObject({ about: 'ceo', handlerRole: 'chair' });
  });

  it('a confidential tick makes the case confidential', async () => {
    const body = (await (await postJson('alumot', complaint('alumot', { confidential: 'yes' }).fields)).json()) as { reference: string };
    expect((await stack.cases.get(body.reference))?.confidential).toBe(true);
  });

  it('a form with no name and no contact is anonymous where the policy allows it', async () => {
    const response = await postJson('connect-north-yorkshire', { formToken: stack.token('connect-north-yorkshire'), summary: 'Staff were dismissive at handover.', consent: true, desiredOutcome: 'An apology' });
    const body = (await response.json()) as { reference: string; acknowledged: boolean };
    expect(body.acknowledged).toBe(false);
    expect((await stack.cases.get(body.reference))?.complainant).toEqual({ anonymous: true });
  });
});

describe('validation', () => {
  it.each([
    ['summary', { summary: 'short' }, 'Tell us what happened, in at least 10 characters'],
    ['consent', { consent: '' }, 'Agree to how we use your information'],
    ['email', { email: 'not-an-address' }, 'Email address must be an email address'],
    ['phone', { phone: 'call me maybe' }, 'Contact number must be a telephone number'],
    ['incidentDate', { incidentDate: '2026-02-30' }, 'Date it happened must be a date'],
    ['incidentDate', { incidentDate: '2999-01-01' }, 'Date it happened must be today or in the past'],
    ['incidentTime', { incidentTime: '25:00' }, 'Time it happened must be a time'],
    ['about', { about: 'the-cat' }, 'Choose who the complaint is about from the list'],
    ['name', { name: 'x'.repeat(201) }, 'Your name must be 200 characters or fewer'],
    ['summary', { summary: 'y'.repeat(10_001) }, 'What happened must be 10,000 characters or fewer'],
  ])('%s: %j is refused with a clear message', async (field, change, message) => {
    const { fields } = complaint('county-council', change);
    const json = await postJson('county-council', fields);
    expect(json.status).toBe(400);
    const errors = ((await json.json()) as { errors: { field: string; message: string }[] }).errors;
    expect(errors).toContainEqual({ field, message: expect.stringContaining(message) });

    const form = await postForm('county-council', fields);
    expect(form.status).toBe(400);
    const html = await form.text();
    expect(html).toContain('There is a problem');
    expect(html).toContain(`<a href="#${field}">`);
    expect(html).toContain('aria-invalid="true"');
  });

  it('a signature needs its date, on the form that asks for one (Not Alone Mentoring)', async () => {
    const { errors } = (await (await postJson('not-alone-mentoring', complaint('not-alone-mentoring', { signature: 'Robin Web' }).fields)).json()) as { errors: { field: string; message: string }[] };
    expect(errors).toContainEqual({ field: 'signatureDate', message: 'Enter the date you signed' });
  });

  it("refuses what the organisation's own form does not ask: an invoice number or a signature to the council", async () => {
    const response = await postJson('county-council', { ...complaint('county-council').fields, invoiceNumber: 'INV-1', signature: 'Robin Web' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ field: 'invoiceNumber', message: 'unknown fields: invoiceNumber, signature' }] });
  });

  it('keeps what was typed when the form comes back with errors', async () => {
    const html = await (await postForm('county-council', complaint('county-council', { summary: 'short', name: 'Keep <Me>' }).fields)).text();
    expect(html).toContain('value="Keep &lt;Me&gt;"');
    expect(html).not.toContain('Keep <Me>');
  });

  it('Alumot needs a name and a way to reach you (2.2)', async () => {
    const response = await postJson('alumot', { formToken: stack.token('alumot'), summary: 'Nobody called me back about my son.', consent: true });
    const { errors } = (await response.json()) as { errors: { field: string; message: string }[] };
    expect(errors).toEqual([
      { field: 'name', message: 'Enter your name (our complaints policy, clause 2.2)' },
      { field: 'email', message: 'Give us a way to contact you: an email address, telephone number or postal address (our complaints policy, clause 2.2)' },
    ]);
  });

  it('refuses fields it does not know', async () => {
    const response = await postJson('county-council', { ...complaint('county-council').fields, shoeSize: '9' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ errors: [{ field: 'shoeSize', message: 'unknown field: shoeSize' }] });
  });

  it.each(['name', 'email', 'phone', 'invoiceNumber', 'incidentLocation', 'signature', 'about'])(
    'refuses a line break in %s (header injection)',
    async (field) => {
      const policy = field === 'invoiceNumber' || field === 'signature' ? 'not-alone-mentoring' : 'county-council';
      const { fields } = complaint(policy, { [field]: 'value\r\nBcc: victim@example.com' });
      const response = await postJson(policy, fields);
      expect(response.status).toBe(400);
      const { errors } = (await response.json()) as { errors: { field: string }[] };
      expect(errors.map((e) => e.field)).toContain(field);
    },
  );

  it('keeps line breaks in the complaint itself but they never reach a header', async () => {
    const { email, fields } = complaint('county-council', { summary: 'Line one\r\nBcc: victim@example.com\r\nline three', desiredOutcome: 'a\r\nb', postalAddress: '1 High St\r\nTown' });
    const response = await postJson('county-council', fields);
    expect(response.status).toBe(201);
    await stack.sendLetters();
    const [ack] = await sentEmails(stack.sesEndpoint, email);
    expect(ack?.destination.to).toEqual([email]);
    expect(await sentEmails(stack.sesEndpoint, 'victim@example.com')).toEqual([]);
  });

  it('a JSON body that is not an object is refused', async () => {
    const response = await fetch(`${stack.url}/forms/county-council`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[1,2' });
    expect(response.status).toBe(400);
  });

  it('other content types are refused with 415', async () => {
    const response = await fetch(`${stack.url}/forms/county-council`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(response.status).toBe(415);
  });

  it('an oversized body is refused with 413 and makes no case', async () => {
    const { fields } = complaint('county-council', { summary: 'z'.repeat(70_000) });
    const before = (await stack.cases.newestFirst('county-council')).length;
    const response = await postJson('county-council', fields);
    expect(response.status).toBe(413);
    expect((await stack.cases.newestFirst('county-council')).length).toBe(before);
  });

  it('an unknown organisation is a 404', async () => {
    expect((await fetch(`${stack.url}/forms/no-such-org`)).status).toBe(404);
  });
});

describe('spam and abuse', () => {
  it('a filled honeypot is answered as if accepted, makes no case and is counted', async () => {
    const before = (await stack.cases.newestFirst('connected-together')).length;
    const { email, fields } = complaint('connected-together', { website: 'http://spam.example' });
    const response = await postJson('connected-together', fields);
    expect(response.status).toBe(201);
    expect(((await response.json()) as { reference: string }).reference).toMatch(/^CTC-\d{4}-9\d{4}$/);
    expect((await stack.cases.newestFirst('connected-together')).length).toBe(before);
    expect(await sentEmails(stack.sesEndpoint, email)).toEqual([]);
    const today = stack.clock.now().toLocaleDateString('en-CA', { timeZone: 'Europe/London' });
    expect(await stack.counters.spamCount('connected-together', today)).toBeGreaterThanOrEqual(1);
  });

  it('a form sent faster than a person could fill it (autofill, pasted text) comes back to check and send again, answers kept', async () => {
    const { fields } = complaint('connected-together', { name: 'Quick Typist' });
    const fast = { ...fields, formToken: (await (await fetch(`${stack.url}/forms/connected-together/token`)).json() as { formToken: string }).formToken };
    const before = (await stack.cases.newestFirst('connected-together')).length;
    const response = await postForm('connected-together', fast);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('This form was sent a moment after it opened, faster than we can accept. Your answers are kept: wait a few seconds, check them, and send the form again.');
    expect(html).toContain('value="Quick Typist"');
    expect(html).not.toContain('Complaint received');
    expect((await stack.cases.newestFirst('connected-together')).length).toBe(before);
    // Sent again from the page it came back with (its fresh token is already past the minimum time): a case.
    const again = /name="formToken" value="([^"]+)"/.exec(html)?.[1] as string;
    const resent = await postForm('connected-together', { ...fields, formToken: again });
    expect(await resent.text()).toContain('Complaint received');
    expect((await stack.cases.newestFirst('connected-together')).length).toBe(before + 1);
  });

  it('a forged or foreign token is not a silent drop either: the form comes back to send again, and no case is made', async () => {
    const before = (await stack.cases.newestFirst('connected-together')).length;
    for (const formToken of [stack.token('alumot'), '123.forged']) {
      const response = await postJson('connected-together', { ...complaint('connected-together').fields, formToken });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ errors: [{ field: 'formToken', message: 'Please check your answers and send the form again.' }] });
    }
    expect((await stack.cases.newestFirst('connected-together')).length).toBe(before);
  });

  it('an expired form comes back to the person to send again', async () => {
    const { fields } = complaint('connected-together');
    const old = { ...fields, formToken: (await import('#adapters/http/form-token')).issueFormToken(stack.config.REDRESS_FORM_SECRET, 'connected-together', stack.clock.now().getTime() - 2 * 86_400_000) };
    const response = await postForm('connected-together', old);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain('This form was opened too long ago');
  });

  it('the same submission posted twice (double click) gives one case and one acknowledgement', async () => {
    const { email, fields } = complaint('county-council', { submissionId: `sub-${Date.now()}-abc` });
    const [a, b] = await Promise.all([postForm('county-council', fields), postForm('county-council', fields)]);
    const third = await postForm('county-council', fields);
    const references = await Promise.all([a, b, third].map(async (r) => /<strong>([A-Z]+-\d{4}-\d{4})<\/strong>/.exec(await r.text())?.[1]));
    // Every answer shows the one reference: the second click and the retry find the case the first made.
    expect(references.filter(Boolean)).toHaveLength(3);
    expect(new Set(references).size).toBe(1);
    expect((await stack.cases.newestFirst('county-council')).filter((c) => c.complainant.email === email)).toHaveLength(1);
    await stack.sendLetters();
    expect(await sentEmails(stack.sesEndpoint, email)).toHaveLength(1);
  });

  it('a JSON retry with the same Idempotency-Key gives the same reference', async () => {
    const { fields } = complaint('county-council');
    const key = `idem-${Date.now()}`;
    const first = (await (await postJson('county-council', fields, { 'idempotency-key': key })).json()) as { reference: string };
    const second = (await (await postJson('county-council', fields, { 'idempotency-key': key })).json()) as { reference: string };
    expect(second.reference).toBe(first.reference);
  });

  it("two complainants with one submission id: the second gets 409, never the first one's reference or page, and a new id makes her case", async () => {
    const submissionId = `shared-${Date.now()}`;
    const pat = complaint('county-council', { submissionId });
    const kim = complaint('county-council', { submissionId, summary: 'My council tax was taken twice this month.' });
    const first = await postJson('county-council', pat.fields);
    const mine = (await first.json()) as { reference: string; page: string };
    expect(first.status).toBe(201);
    const second = await postJson('county-council', kim.fields);
    const answer = await second.text();
    expect(second.status).toBe(409);
    expect(answer).not.toContain(mine.reference);
    expect(answer).not.toContain(mine.page);
    expect(JSON.parse(answer)).toEqual({ errors: [{ field: 'submissionId', message: expect.stringContaining('already used') }] });
    expect((await stack.cases.newestFirst('county-council')).filter((c) => c.complainant.email === kim.email)).toHaveLength(0);
    const again = await postJson('county-council', { ...kim.fields, submissionId: `fresh-${Date.now()}` });
    expect(again.status).toBe(201);
    expect(((await again.json()) as { reference: string }).reference).not.toBe(mine.reference);
  });

  it("one Idempotency-Key from two complainants at the same moment: one case, the other 409, neither answer shows the other's case", async () => {
    const key = `idem-race-${Date.now()}`;
    const pat = complaint('county-council');
    const kim = complaint('county-council', { summary: 'My council tax was taken twice this month.' });
    const answers = await Promise.all([pat, kim].map(async (c) => {
      const r = await postJson('county-council', c.fields, { 'idempotency-key': key });
      return { status: r.status, body: await r.text() };
    }));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const won = answers.find((a) => a.status === 201);
    const lost = answers.find((a) => a.status === 409);
    const { reference, page } = JSON.parse(won?.body ?? '{}') as { reference: string; page: string };
    expect(lost?.body).not.toContain(reference);
    expect(lost?.body).not.toContain(page);
    expect(JSON.parse(lost?.body ?? '{}')).toEqual({ errors: [{ field: 'idempotency-key', message: expect.stringContaining('already used') }] });
    const cases = (await stack.cases.newestFirst('county-council')).filter((c) => c.complainant.email === pat.email || c.complainant.email === kim.email);
    expect(cases).toHaveLength(1);
  });

  it('a form sent again with its submission id and changed answers comes back with them kept and a new id, saying it was sent; sent again it is a new case', async () => {
    const submissionId = `edited-${Date.now()}`;
    const first = complaint('county-council', { submissionId });
    const sent = await postForm('county-council', first.fields);
    const reference = /<strong>([A-Z]+-\d{4}-\d{4})<\/strong>/.exec(await sent.text())?.[1];
    expect(reference).toBeDefined();
    const edited = { ...first.fields, summary: 'My session was cancelled twice without notice, and a third time today.' };
    const back = await postForm('county-council', edited);
    const page = await back.text();
    expect(back.status).toBe(409);
    expect(page).not.toContain(reference);
    expect(page).toContain('already been sent');
    expect(page).toContain('a third time today');
    const newId = /name="submissionId" value="([^"]+)"/.exec(page)?.[1];
    const newToken = /name="formToken" value="([^"]+)"/.exec(page)?.[1];
    expect(newId).toBeDefined();
    expect(newId).not.toBe(submissionId);
    const resent = await postForm('county-council', { ...edited, submissionId: newId ?? '', formToken: newToken ?? '' });
    const second = /<strong>([A-Z]+-\d{4}-\d{4})<\/strong>/.exec(await resent.text())?.[1];
    expect(resent.status).toBe(200);
    expect(second).toBeDefined();
    expect(second).not.toBe(reference);
  });

  it('rate-limits per IP with 429 and Retry-After', async () => {
    const limited = await formStack({ REDRESS_FORM_PER_IP_LIMIT: '2', REDRESS_FORM_PER_IP_WINDOW_SECONDS: '600' });
    const send = () =>
      fetch(`${limited.url}/forms/county-council`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...complaint('county-council').fields, formToken: limited.token('county-council') }),
      });
    expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(201);
    const third = await send();
    expect(third.status).toBe(429);
    const retryAfter = Number(third.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    await limited.server.stop();
  });

  it('rate-limits per organisation', async () => {
    const limited = await formStack({ REDRESS_FORM_PER_ORG_LIMIT: '1' });
    const send = () =>
      fetch(`${limited.url}/forms/alumot`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...complaint('alumot').fields, formToken: limited.token('alumot') }),
      });
    expect((await send()).status).toBe(201);
    expect((await send()).status).toBe(429);
    await limited.server.stop();
  });

  it('answers CORS only for the origins the policy allows', async () => {
    const cors = await formStack({ REDRESS_POLICIES_DIR: await policiesWithThankYou() });
    const preflight = await fetch(`${cors.url}/forms/alumot`, { method: 'OPTIONS', headers: { origin: 'https://www.alumot.example', 'access-control-request-method': 'POST' } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('https://www.alumot.example');
    const foreign = await fetch(`${cors.url}/forms/alumot`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ ...complaint('alumot').fields, formToken: cors.token('alumot') }),
    });
    expect(foreign.status).toBe(403);
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    await cors.server.stop();
  });
});

describe('the form page', () => {
  it('is branded, labelled, and states the data-protection note and the timescales in words', async () => {
    const response = await fetch(`${stack.url}/forms/not-alone-mentoring`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<h1>Make a complaint to Not Alone Mentoring</h1>');
    expect(html).toContain('We will acknowledge your complaint within 3 working days.');
    expect(html).toContain('These times start when we have your signed complaint: sign it below, and they start when you send it.');
    expect(html).toContain('destroy complaint files securely six years after the complaint is closed');
    for (const field of ['name', 'email', 'phone', 'postalAddress', 'invoiceNumber', 'incidentDate', 'incidentTime', 'incidentLocation', 'summary', 'desiredOutcome', 'about', 'confidential', 'signature', 'signatureDate', 'consent']) {
      expect(html).toMatch(new RegExp(`<label for="${field}">`));
    }
    expect(html).toContain('<legend>');
    expect(html).toContain('name="website" tabindex="-1"');
  });

  it('is sent with a strict policy: its own stylesheet by hash, no inline style or script, never framed', async () => {
    const response = await fetch(`${stack.url}/forms/county-council`);
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'$/);
    expect(await response.text()).not.toMatch(/ style="/);
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('takes its address with or without a trailing slash, and answers other methods with 405', async () => {
    expect((await fetch(`${stack.url}/forms/alumot/`)).status).toBe(200);
    const put = await fetch(`${stack.url}/forms/alumot`, { method: 'PUT', body: 'x' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('GET, POST, OPTIONS');
    expect((await fetch(`${stack.url}/forms/alumot/token`, { method: 'POST' })).status).toBe(405);
    expect((await fetch(`${stack.url}/forms/no-such-organisation`, { method: 'PUT' })).status).toBe(404);
  });

  it("asks each organisation for what its own policy asks: no invoice number or signature on the council's or Alumot's", async () => {
    for (const policy of ['county-council', 'alumot', 'connect-north-yorkshire', 'connected-together']) {
      const html = await (await fetch(`${stack.url}/forms/${policy}`)).text();
      for (const field of ['name', 'email', 'summary', 'desiredOutcome', 'incidentDate', 'incidentLocation', 'consent']) expect(html).toContain(`<label for="${field}">`);
      for (const field of ['invoiceNumber', 'signature', 'signatureDate']) expect(html).not.toContain(`name="${field}"`);
      expect(html).not.toContain('Sign your complaint');
    }
  });
});

async function policiesWithThankYou(): Promise<string> {
  const { mkdtempSync, readFileSync, writeFileSync, readdirSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const { POLICIES_DIR } = await import('#tests/support/policies');
  const dir = mkdtempSync(join(tmpdir(), 'policies-'));
  for (const name of readdirSync(POLICIES_DIR)) {
    let text = readFileSync(join(POLICIES_DIR, name), 'utf8');
    if (name === 'alumot.yaml') {
      text = text.replace('  webForm:\n    enabled: true', '  webForm:\n    enabled: true\n    thankYouUrl: "https://www.alumot.example/thanks"\n    allowedOrigins: ["https://www.alumot.example"]');
    }
    writeFileSync(join(dir, name), text);
  }
  return dir;
}
