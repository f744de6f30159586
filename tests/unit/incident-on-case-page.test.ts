/**
 * The web form's incident date, time and place are shown on the case page, in the complaint's section (they were
 * stored and shown nowhere; found by a fresh tester), escaped. Over the memory fakes.
 */
import { describe, expect, it } from 'vitest';
import type { ComplaintForm } from '#domain/forms/complaint-form';
import { consoleOverMemory } from '#tests/support/console-over-memory';

describe('the incident the web form asked about', () => {
  it('is on the case page: its day in words, its time and its place, escaped', async () => {
    const console_ = await consoleOverMemory();
    const opened = await console_.stack.useCases.submitWebComplaint({
      policyId: 'county-council',
      form: { name: 'Pat Person', phone: '01632 960000', summary: 'The bins were not collected again.', incidentDate: '2026-11-20', incidentTime: '07:30', incidentLocation: 'Mill Lane <by the school>', confidential: false, consent: true } as ComplaintForm,
      submissionKey: 'incident-1',
      receivedAt: '2026-11-23T10:00:00.000Z',
      sourceIp: '192.0.2.1',
    });
    const reference = (opened as { reference: string }).reference;
    const { page } = await console_.page(`/console/cases/${reference}`, ['county-council:customer-relations']);
    expect(page).toContain('<dt>What happened, when and where</dt><dd>Friday 20 November 2026, at 07:30, at Mill Lane &lt;by the school&gt;</dd>');
  });
});
