/**
 * The complainant's page shows what they sent (issue 21, item 10): their complaint and their later messages, by
 * email or from the page, escaped and bounded, files by name only; never a staff note, a staff member's or
 * participant's message, or an automatic reply. Over the memory fakes.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { casePageHtml } from '../../shared/adapters/http/complainant-pages.js';
import { PAGE_WORDS } from '#domain/case/complainant-view';
import { email, memoryStack } from '#tests/support/memory-stack';

const PAT = 'pat@example.net';
const at = (iso: string) => DateTime.fromISO(iso);

describe("the complainant's page", () => {
  it('shows their complaint and their later messages, and nothing anyone else wrote', async () => {
    const stack = memoryStack();
    const [o] = await stack.deliver(email([`From: Pat Person <${PAT}>`, 'To: complaints@county-council.example', 'Subject: My bins <b>again</b>'], 'The bins were missed <script>alert(1)</script> three weeks running.'));
    if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
    const reference = o.reference;
    const token = (await stack.cases.get(reference))?.page?.token as string;
    await stack.deliver(email([`From: Pat Person <${PAT}>`, 'To: complaints@county-council.example', `Subject: Re: [${reference}] We have received your complaint`], 'Here is a photo of the bins.'));
    await stack.deliver(email(['From: Someone Else <other@example.net>', 'To: complaints@county-council.example', `Subject: Re: [${reference}] We have received your complaint`], 'A stranger replying on the thread.'));
    await stack.useCases.staff.note({ reference, at: at('2026-11-24T10:00:00Z'), actor: 'cara', text: 'Staff only: the crew says the bins were out late.' });
    await stack.useCases.complainant.addInformation({ token, text: 'And the recycling too.', files: [{ filename: 'bins.jpg', contentType: 'image/jpeg', content: new Uint8Array([1, 2, 3]) }], submissionId: 's-1', receivedAt: '2026-11-25T10:00:00Z' });

    const view = await stack.useCases.complainant.view(token);
    expect(view.sent.map((m) => m.text)).toEqual(['The bins were missed <script>alert(1)</script> three weeks running.', 'Here is a photo of the bins.', 'And the recycling too.']);
    expect(view.sent[2]?.files).toEqual(['bins.jpg']);
    expect(view.sent[0]?.files).toEqual([]);
    const page = await casePageHtml({ view, base: `/cases/${token}`, submissionId: 'x', maxFileMb: 10 });
    expect(page).toContain('What you sent us');
    expect(page).toContain('The bins were missed &lt;script&gt;alert(1)&lt;/script&gt; three weeks running.');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('Files: bins.jpg');
    expect(page).not.toContain('Staff only');
    expect(page).not.toContain('A stranger replying');
  });

  it('shows the reasons they typed when asking for the next stage, never reasons staff took down from a call', async () => {
    const councilCase = async (stack: ReturnType<typeof memoryStack>) => {
      const [o] = await stack.deliver(email([`From: Pat Person <${PAT}>`, 'To: complaints@county-council.example', 'Subject: Missed bins'], 'My bins were not collected for three weeks.'));
      if (o?.kind !== 'case-opened') throw new Error(JSON.stringify(o));
      await stack.useCases.staff.outcome({ reference: o.reference, decision: 'not-upheld', summary: 'The crew says the bins were not out.', remedies: [], actions: [], at: at('2026-12-01T10:00:00Z'), actor: 'manager' });
      return { reference: o.reference, token: (await stack.cases.get(o.reference))?.page?.token as string };
    };
    const stack = memoryStack();
    const { token } = await councilCase(stack);
    const why = 'The bins are still not collected. <b>Nobody</b> called me back.';
    await stack.useCases.complainant.askForReview({ token, fromStage: 'stage-1', reasons: why, at: at('2026-12-03T10:00:00Z') });
    const view = await stack.useCases.complainant.view(token);
    expect(view.sent.map((m) => m.text)).toEqual(['My bins were not collected for three weeks.', why]);
    const page = await casePageHtml({ view, base: `/cases/${token}`, submissionId: 'x', maxFileMb: 10 });
    expect(page).toContain('The bins are still not collected. &lt;b&gt;Nobody&lt;/b&gt; called me back.');
    expect(page).not.toContain('<b>Nobody');

    const phoned = memoryStack();
    const call = await councilCase(phoned);
    await phoned.useCases.staff.escalate({ reference: call.reference, grounds: 'Says the crew skipped the street again.', at: at('2026-12-03T10:00:00Z'), actor: 'cr@county-council.example' });
    const phonedView = await phoned.useCases.complainant.view(call.token);
    expect(phonedView.sent.map((m) => m.text)).toEqual(['My bins were not collected for three weeks.']);
  });

  it('bounds what it shows of a long message and says the rest is kept', async () => {
    const stack = memoryStack();
    const long = 'word '.repeat(PAGE_WORDS.maxCharacters);
    const { reference } = await stack.useCases.staff.open({ policyId: 'alumot', at: at('2026-11-23T10:00:00Z'), actor: 'staff', name: 'Pat Person', summary: long, channel: 'phone', confidential: false });
    const view = await stack.useCases.complainant.view((await stack.cases.get(reference))?.page?.token as string);
    expect(view.sent[0]?.cut).toBe(true);
    expect([...(view.sent[0]?.text ?? '')].length).toBeLessThanOrEqual(PAGE_WORDS.maxCharacters);
  });
});
