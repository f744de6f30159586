/**
 * A name in a letter is the complainant's name, never their sentence: what a person chooses as an email's display
 * name (or types as their name) is printed in the greeting only when it is a plain name, bounded; otherwise the
 * letter, sent from the organisation's own address, says "Dear complainant". Read in the rendered letters, over
 * memory fakes.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { nameInLetters } from '#domain/text/name-in-letters';
import { email, memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const FROM = 'resident@example.net';

/** A display name as a mail program writes one that is not plain ASCII (RFC 2047). */
function encodedName(name: string): string {
  return `=?UTF-8?B?${Buffer.from(name, 'utf8').toString('base64')}?=`;
}

async function acknowledgementTo(stack: MemoryStack, fromHeader: string): Promise<{ text: string; html: string }> {
  const [o] = await stack.deliver(email([`From: ${fromHeader}`, 'To: complaints@county-council.example', 'Subject: My bins']));
  if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
  await stack.drain();
  const ack = stack.mailer.sent.find((m) => m.to.includes(FROM) && m.subject === `[${o.reference}] We have received your complaint`);
  if (!ack) throw new Error('no acknowledgement');
  return ack;
}

describe('the greeting of a letter', () => {
  it.each([
    ['a phishing sentence', '"Resident, your council tax refund of GBP 950 is waiting at www.council-refunds.example, claim it today"'],
    ['a bare web address', 'www.council-refunds.example'],
    ['a link', '"Jo https://council-refunds.example/claim"'],
    ['a telephone number', '"Call 0800 123 4567"'],
    ['an email address as the name', '"refunds@council-refunds.example"'],
    ['a sentence of plain words', '"Please pay the release fee today to collect your refund"'],
    ['template syntax and markup', '"{{org}} <b>Pat</b>"'],
    ['a name far too long to be one', `"${'Bartholomew'.repeat(8)}"`],
  ])('is "Dear complainant" when the display name is %s', async (_what, name) => {
    const stack = memoryStack();
    const ack = await acknowledgementTo(stack, `${name} <${FROM}>`);
    expect(ack.text.startsWith('Dear complainant,\n')).toBe(true);
    for (const words of ['refund', 'council-refunds', '950', '0800', 'https', 'Bartholomew', '<b>', 'Please pay']) {
      expect(ack.text).not.toContain(words);
      expect(ack.html).not.toContain(words);
    }
  });

  it.each([
    ["Siân O'Neill-Ståhl"],
    ['Nguyễn Văn An'],
    ['Zoë D’Arcy'],
    ['J. R. Hartley'],
    ['Mrs. Mary-Jane Smith'],
    ['María de los Ángeles García-López'],
    ['王小明'],
  ])('keeps a real name: %s', async (name) => {
    const stack = memoryStack();
    const ack = await acknowledgementTo(stack, `${encodedName(name)} <${FROM}>`);
    expect(ack.text.startsWith(`Dear ${name},\n`)).toBe(true);
  });

  it('is "Dear complainant" when no name was given', async () => {
    const stack = memoryStack();
    expect((await acknowledgementTo(stack, FROM)).text.startsWith('Dear complainant,\n')).toBe(true);
  });

  it("is \"Dear complainant\" when the form's name field holds a sentence, in every letter once the address is confirmed", async () => {
    const stack = memoryStack();
    const { reference } = await stack.useCases.submitWebComplaint({
      policyId: 'county-council',
      form: { name: 'Resident, your refund of GBP 950 waits at www.council-refunds.example', email: FROM, summary: 'Bins.', confidential: false, consent: true, formToken: 'x' },
      submissionKey: 'k',
      receivedAt: '2026-11-23T10:00:00.000Z',
      sourceIp: '192.0.2.9',
    });
    await stack.drain();
    const token = /\/confirm\/[A-Z]+-\d{4}-\d{4}\/([A-Za-z0-9_-]{43})/.exec(stack.mailer.sent.find((m) => m.to.includes(FROM))?.text ?? '')?.[1] as string;
    await stack.useCases.complainant.confirmAddress({ reference, token, at: new Date('2026-11-23T11:00:00Z') });
    await stack.useCases.staff.outcome({ reference, decision: 'not-upheld', summary: 'The crews came.', remedies: [], actions: [], at: DateTime.fromISO('2026-11-30T10:00:00Z'), actor: 'manager' });
    await stack.drain();
    const outcome = stack.mailer.sent.find((m) => m.to.includes(FROM) && m.subject === `[${reference}] Our decision on your complaint`);
    expect(outcome?.text.startsWith('Dear complainant,\n')).toBe(true);
    expect(outcome?.text).not.toContain('refund');
  });

  it('keeps the name as it came on the case, for staff to read', async () => {
    const stack = memoryStack();
    const [o] = await stack.deliver(email(['From: "Call 0800 123 4567" <x@example.net>', 'To: complaints@county-council.example', 'Subject: s']));
    expect((await stack.cases.get((o as { reference: string }).reference))?.complainant.name).toBe('Call 0800 123 4567');
  });
});

describe('a plain name', () => {
  it.each([
    ['  Siân   O’Neill  ', 'Siân O’Neill'],
    ['Nguye\u0302\u0303n Va\u0306n An', 'Nguyễn Văn An'],
    ['Anne-Marie', 'Anne-Marie'],
  ])('"%s" prints as "%s"', (given, printed) => {
    expect(nameInLetters(given)).toBe(printed);
  });

  it.each([['St.John'], ['O--Neill'], ["'quoted'"], ['Jo 2nd'], ['Smith, John'], ['A B C D E F G'], ['Pat\u202eevil'], ['']])('"%s" is not one', (given) => {
    expect(nameInLetters(given)).toBeUndefined();
  });
});
