/**
 * A whole life for each seed policy against `npm start`, as complainants and staff would live it: a complaint by
 * email over SMTP, its acknowledgement (and signature), the outcome, the complainant asking for the next stage (on
 * their own page for two policies, by reply and `case escalate` for the rest), the next stage's acknowledgement, the final
 * outcome naming the outside body and when to go to it, closure, and the retention timer destroying the personal
 * data. Every letter is checked in the SES emulator `npm start` runs, and each complainant page opens nothing
 * once the records are destroyed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '#local/free-port';
import { npmStart, type RunningStart } from '#tests/support/npm-start';
import { runCli } from '#tests/support/run-cli';
import { sendRaw } from '#tests/support/send-smtp';

const env: Record<string, string> = {};
let running: RunningStart | undefined;

beforeAll(async () => {
  Object.assign(env, {
    REDRESS_DATA_DIR: mkdtempSync(join(tmpdir(), 'seed-lives-')),
    REDRESS_SMTP_PORT: String(await freePort()),
    REDRESS_HTTP_PORT: String(await freePort()),
    REDRESS_SES_PORT: String(await freePort()),
    REDRESS_DYNAMODB_PORT: String(await freePort()),
    REDRESS_OIDC_PORT: String(await freePort()),
    REDRESS_OUTBOX_POLL_SECONDS: '1',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  running = await npmStart(env);
}, 240_000);

afterAll(async () => {
  await running?.stop();
});

interface Mail {
  readonly subject: string;
  readonly destination: { readonly to: string[] };
  readonly body: { readonly text?: string };
}

async function mailTo(address: string): Promise<Mail[]> {
  // The emulator may close a kept-alive connection just as the next request goes out: that request is tried again.
  const store = (await (await fetch(`http://127.0.0.1:${env.REDRESS_SES_PORT}/store`).catch(() => fetch(`http://127.0.0.1:${env.REDRESS_SES_PORT}/store`))).json()) as { emails: Mail[] };
  return store.emails.filter((m) => m.destination.to.some((t) => t.toLowerCase().includes(address)));
}

/** Waits for the complainant to have `count` letters (the outbox runs every second under npm start). */
async function letters(address: string, count: number): Promise<Mail[]> {
  for (let i = 0; i < 60; i++) {
    const mail = await mailTo(address);
    if (mail.length >= count) return mail;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${address} has ${(await mailTo(address)).length} letters, not ${count}: ${(await mailTo(address)).map((m) => m.subject).join(' | ')}`);
}

async function cli(args: string[]): Promise<string> {
  const r = await runCli(args, env);
  if (r.status !== 0) throw new Error(`redress ${args.join(' ')}: exit ${r.status}: ${r.stderr}`);
  return r.stdout;
}

let n = 0;
/** A complaint by email over SMTP to the policy's address; its reference once the case is open. */
async function complain(to: string, from: string, subject: string, body: string): Promise<string> {
  await sendRaw(Number(env.REDRESS_SMTP_PORT), from, [to], [`From: Sam Seed <${from}>`, `To: ${to}`, `Subject: ${subject}`, `Message-ID: <life-${++n}-${Date.now()}@example.net>`, '', body, ''].join('\r\n'));
  for (let i = 0; i < 40; i++) {
    const line = await cli(['case', 'list', '--from', from]);
    if (line !== 'no cases\n') return line.split('\t')[0] as string;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`no case for ${from}`);
}

const pages: string[] = [];
/** The complainant asks for the next stage on their own page, from the link in their letter. */
async function askOnPage(letter: Mail, expectedButton: RegExp): Promise<void> {
  const link = /own page: (\S+)/.exec(letter.body.text ?? '')?.[1];
  pages.push(link as string);
  expect(link, 'the letter links to the complainant page').toMatch(new RegExp(`^http://localhost:${env.REDRESS_HTTP_PORT}/cases/[A-Za-z0-9_-]{43}$`));
  const html = await (await fetch(link as string)).text();
  expect(html).toMatch(expectedButton);
  const fromStage = /name="fromStage" value="([^"]+)"/.exec(html)?.[1] as string;
  const asked = await fetch(`${link}/review`, { method: 'POST', body: new URLSearchParams({ fromStage }), redirect: 'manual' });
  expect(asked.status).toBe(303);
}

const retentionRun: { reference: string; dueDate: string }[] = [];
async function closeAndRemember(reference: string): Promise<void> {
  const closed = JSON.parse(await cli(['case', 'close', reference, '--category', 'other', '--by', 'officer', '--json'])) as { status: string; deadlines: { kind: string; dueDate: string; status: string }[] };
  expect(closed.status).toBe('closed');
  const retention = closed.deadlines.find((d) => d.kind === 'retention' && d.status === 'pending');
  expect(retention).toBeDefined();
  retentionRun.push({ reference, dueDate: retention?.dueDate as string });
}

const subjects = (mail: Mail[], reference: string) => mail.map((m) => m.subject.replace(`[${reference}] `, ''));
const DATE = '(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday) \\d{1,2} [A-Z][a-z]+ \\d{4}';

describe('a whole life for each seed policy against npm start', () => {
  it('Alumot: acknowledged, outcome, a review asked for on the complainant page, the final answer naming LADO', async () => {
    const from = `alumot.life.${Date.now()}@example.net`;
    const reference = await complain('Shaked@alumot.uk', from, 'The volunteer did not come', 'The volunteer missed three visits to my father.');
    await letters(from, 1);
    await cli(['case', 'outcome', reference, 'not-upheld', '--summary', 'The visit log shows each visit took place.', '--by', 'shaked']);
    const [, outcome] = await letters(from, 2);
    await askOnPage(outcome as Mail, /Ask for a review by our appeal panel/);
    const [, , review] = await letters(from, 3);
    expect(review?.body.text).toContain('a review by our appeal panel');
    await cli(['case', 'outcome', reference, 'partly-upheld', '--summary', 'One visit was cut short without telling you.', '--what-upheld', 'That one visit was cut short.', '--what-not-upheld', 'That the other visits were missed.', '--remedy', 'apology', '--by', 'panel-member']);
    const mail = await letters(from, 4);
    expect(mail[3]?.body.text).toMatch(new RegExp(`Local Authority Designated Officer \\(LADO\\), Cambridgeshire`));
    expect(mail[3]?.body.text).toContain('final');
    await closeAndRemember(reference);
    expect(subjects(await mailTo(from), reference)).toEqual([
      'We have received your complaint',
      'Our decision on your complaint',
      'We have received your request for a review by our appeal panel',
      'Our final decision on your complaint',
    ]);
  }, 120_000);

  it('the council: stage one, stage two asked for on the complainant page and reviewed independently, the Ombudsman and its window', async () => {
    const from = `council.life.${Date.now()}@example.net`;
    const reference = await complain('complaints@county-council.example', from, 'Missed bins', 'The bins on our street have been missed for three weeks.');
    await letters(from, 1);
    await cli(['case', 'outcome', reference, 'not-upheld', '--summary', 'The crew records show collections on each of those days.', '--by', 'manager']);
    const [, outcome] = await letters(from, 2);
    await askOnPage(outcome as Mail, /Ask for a review at stage two/);
    await letters(from, 3);
    const shown = await cli(['case', 'show', reference]);
    expect(shown).toContain('handled by independent-officer');
    await cli(['case', 'outcome', reference, 'partly-upheld', '--summary', 'The crew missed your street twice.', '--what-upheld', 'The two missed collections.', '--what-not-upheld', 'The third week, when the bins were out late.', '--remedy', 'apology', '--action', 'Add your street to the round sheet', '--due', DateTime.now().plus({ months: 1 }).toISODate() as string, '--by', 'officer']);
    const mail = await letters(from, 4);
    expect(mail[3]?.body.text).toContain("Local Government and Social Care Ombudsman: an independent service, free to use, that looks at complaints about councils fairly and impartially. It can investigate the Council's handling of the matter you complained about.");
    expect(mail[3]?.body.text).toContain('- Website: https://www.lgo.org.uk/\n- Telephone: 0300 061 0614 (Monday to Friday, 10am to 4pm, except public holidays)\n- Post: PO Box 4771, Coventry CV4 0EH');
    expect(mail[3]?.body.text).toMatch(new RegExp(`You usually have 12 months to contact them, [^\\n]*so the last day is ${DATE} at the latest`));
    expect(mail[3]?.body.text).not.toContain('Information Commissioner');
    expect(mail[3]?.body.text).toMatch(new RegExp(`Add your street to the round sheet: by ${DATE}`));
    await closeAndRemember(reference);
    expect(subjects(await mailTo(from), reference)).toEqual([
      'We have received your complaint',
      'Our decision on your complaint',
      'We have received your request for a review at stage two',
      'Our final decision on your complaint',
    ]);
  }, 120_000);

  it('Connect: a reply date staff set, a review asked for by email and confirmed with case escalate, NACCC and its window in the final letter', async () => {
    const from = `connect.life.${Date.now()}@example.net`;
    const reference = await complain('enquiries.connect@gmail.com', from, 'Contact session', 'Our contact session was cancelled with an hour’s notice.');
    await letters(from, 1);
    const respondBy = DateTime.now().plus({ weeks: 5 }).toISODate() as string;
    await cli(['case', 'acknowledge', reference, '--respond-by', respondBy, '--by', 'manager']);
    const [, dated] = await letters(from, 2);
    expect(dated?.subject).toBe(`[${reference}] When to expect our response to your complaint`);
    await cli(['case', 'outcome', reference, 'partly-upheld', '--summary', 'The centre should have rung you the day before.', '--what-upheld', 'That the session was cancelled late.', '--what-not-upheld', 'That the centre cancelled it for no reason.', '--remedy', 'explanation', '--remedy', 'apology', '--by', 'manager']);
    const [, , outcome] = await letters(from, 3);
    // At stage one the NACCC's time (twelve weeks from the end of stage two) has no last day yet: the letter says when, not a date.
    expect(outcome?.body.text).toContain('You can also go to National Association of Child Contact Centres (NACCC): the body that accredits Connect.');
    expect(outcome?.body.text).toContain('When: after the centre\'s procedure is complete, within twelve weeks of the conclusion of stage 2.');
    expect(outcome?.body.text).not.toMatch(new RegExp(`NACCC\\)[^\\n]*You need to contact them by ${DATE}`));
    // The complainant answers the outcome by email: staff see a possible request and confirm it.
    await sendRaw(Number(env.REDRESS_SMTP_PORT), from, ['enquiries.connect@gmail.com'], [`From: Sam Seed <${from}>`, 'To: enquiries.connect@gmail.com', `Subject: Re: [${reference}] Our decision on your complaint`, '', 'I would like the Complaints Officer to review this please.', ''].join('\r\n'));
    for (let i = 0; i < 40 && !(await cli(['case', 'show', reference])).includes('Perhaps asking for the next stage'); i++) await new Promise((r) => setTimeout(r, 500));
    expect(await cli(['case', 'show', reference])).toContain(`confirm with case escalate ${reference}`);
    await cli(['case', 'escalate', reference, '--by', 'officer']);
    await letters(from, 4);
    await cli(['case', 'outcome', reference, 'not-upheld', '--summary', 'The investigation was fair and complete.', '--by', 'officer']);
    const mail = await letters(from, 5);
    expect(mail[4]?.body.text).toMatch(new RegExp(`National Association of Child Contact Centres \\(NACCC\\): the body that accredits Connect\\. It considers only whether Connect followed its complaints procedure[^]*- Email: contact@naccc\\.org\\.uk[^]*You need to contact them by ${DATE}\\.`));
    expect(mail[4]?.body.text).toContain('Local Authority Designated Officer (LADO)');
    await closeAndRemember(reference);
    expect(subjects(await mailTo(from), reference)).toEqual([
      'We have received your complaint',
      'When to expect our response to your complaint',
      'Our decision on your complaint',
      'We have received your request for a review by our Complaints Officer',
      'Our final decision on your complaint',
    ]);
  }, 120_000);

  it('Connected Together: the clock starts when the nature is established, an appeal by case escalate to board members not involved, the councils and the Ombudsman', async () => {
    const from = `ct.life.${Date.now()}@example.net`;
    const reference = await complain('complaints@connected-together.example', from, 'Our support worker', 'Our support worker stopped coming and nobody told us why.');
    const [ack] = await letters(from, 1);
    expect(ack?.body.text).toContain('We will then aim to send you our full response within 15 working days of that.');
    const established = JSON.parse(await cli(['case', 'event', reference, 'nature-established', '--by', 'ceo', '--json'])) as { deadlines: { kind: string; status: string }[] };
    expect(established.deadlines.some((d) => d.kind === 'respond' && d.status === 'pending')).toBe(true);
    await cli(['case', 'outcome', reference, 'not-upheld', '--summary', 'The visits were paused while the worker was ill; we should have told you.', '--by', 'ceo-person']);
    await letters(from, 2);
    await cli(['case', 'escalate', reference, '--by', 'office']);
    const [, , appeal] = await letters(from, 3);
    expect(appeal?.body.text).toContain('Members of our board who have not been involved in your complaint will review your complaint.');
    const refused = await runCli(['case', 'outcome', reference, 'not-upheld', '--summary', 'Same.', '--by', 'ceo-person'], env);
    expect(refused.status).toBe(3);
    await cli(['case', 'outcome', reference, 'not-upheld', '--summary', 'The board agrees with the Chief Executive.', '--by', 'board-member']);
    const mail = await letters(from, 4);
    expect(mail[3]?.body.text).toContain("North Northamptonshire Council: the council for Corby, East Northamptonshire, Kettering and Wellingborough, which took over Northamptonshire County Council's services there in April 2021.");
    expect(mail[3]?.body.text).toContain('Rutland County Council: the council for Rutland.');
    expect(mail[3]?.body.text).toContain('Local Government and Social Care Ombudsman: an independent service, free to use');
    await closeAndRemember(reference);
    expect(subjects(await mailTo(from), reference)).toEqual([
      'We have received your complaint',
      'Our decision on your complaint',
      'We have received your request for an appeal to our board',
      'Our final decision on your complaint',
    ]);
  }, 120_000);

  it('Not Alone Mentoring: asked to sign, signed, investigated, an appeal by case escalate, the final answer naming Citizens Advice and a solicitor', async () => {
    const from = `nam.life.${Date.now()}@example.net`;
    const reference = await complain('not.alone.mentoring@gmail.com', from, 'Cancelled sessions', 'Three of my sessions were cancelled without notice.');
    const [ask] = await letters(from, 1);
    expect(ask?.subject).toBe(`[${reference}] Please sign your complaint`);
    expect(JSON.parse(await cli(['case', 'sign', reference, '--by', 'katie', '--json'])).stage).toBe('stage-2');
    await letters(from, 2);
    await cli(['case', 'outcome', reference, 'upheld', '--summary', 'The sessions were cancelled without notice.', '--remedy', 'apology', '--by', 'katie']);
    const [, , outcome] = await letters(from, 3);
    expect(outcome?.body.text).toMatch(new RegExp(`Please ask by ${DATE}\\.`));
    await cli(['case', 'escalate', reference, '--by', 'katie']);
    await letters(from, 4);
    await cli(['case', 'outcome', reference, 'not-upheld', '--summary', 'The stage two actions stand.', '--by', 'trustee']);
    const mail = await letters(from, 5);
    expect(mail[4]?.body.text).toMatch(new RegExp(`Citizens Advice: free, independent advice on what you can do next\\.\\n\\n- Website: https://www\\.citizensadvice\\.org\\.uk/\\n\\nYou need to contact them by ${DATE}\\.`));
    expect(mail[4]?.body.text).toContain('A solicitor: legal advice on what you can do next.');
    await closeAndRemember(reference);
    expect(subjects(await mailTo(from), reference)).toEqual([
      'Please sign your complaint',
      'We have received your signed complaint',
      'Our decision on your complaint',
      'We have received your request for an appeal',
      'Our final decision on your complaint',
    ]);
  }, 120_000);

  it('the retention timer destroys each closed case\'s personal data on its date, keeping the anonymous record', async () => {
    expect(retentionRun).toHaveLength(5);
    const last = retentionRun.map((r) => r.dueDate).sort().at(-1) as string;
    // A deadline's timer goes off the morning after its date.
    await cli(['clock', 'run-due', '--now', `${DateTime.fromISO(last).plus({ days: 2 }).toISODate()}T09:00:00Z`]);
    for (const { reference } of retentionRun) {
      const shown = await cli(['case', 'show', reference]);
      expect(shown, reference).toContain('Complainant: anonymous');
      expect(shown, reference).not.toContain('Sam Seed');
      expect(shown, reference).toMatch(/destroyed/i);
    }
    // The complainant's page goes with the records.
    for (const link of pages) expect((await fetch(link)).status, link).toBe(404);
  }, 120_000);
});
