/**
 * Bidi overrides and isolates (U+202E makes "gnp.exe" of "exe.png") are taken out of the short text people give,
 * at the boundary: a staff action's every string (a file's description, found by a fresh tester) and the web
 * form's fields. Line breaks and every other character are kept. Over the memory fakes.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { validateComplaintForm } from '#domain/forms/complaint-form';
import { memoryStack } from '#tests/support/memory-stack';
import { seedPolicies } from '#tests/support/policies';

const at = (iso: string) => DateTime.fromISO(iso);
const RLO = '\u202e';

describe('bidi controls in what people give', () => {
  it('a file description and a note, from staff, are kept without them', async () => {
    const stack = memoryStack();
    const { reference } = await stack.useCases.staff.open({ policyId: 'county-council', at: at('2026-11-23T10:00:00Z'), actor: 'cr', name: 'Pat Person', phone: '01632 960000', summary: 'The bins were missed.', channel: 'phone', confidential: false });
    await stack.useCases.staff.attach({ reference, at: at('2026-11-23T11:00:00Z'), actor: 'cr', file: { filename: 'photo.png', contentType: 'image/png', size: 10, storageKey: 'k', dangerous: false }, description: `Photo of the bin ${RLO}gnp.exe\u2066 x\u2069` });
    const added = (await stack.cases.timeline(reference)).find((e) => e.type === 'file-added');
    expect(added?.summary).toBe('File added: photo.png (Photo of the bin gnp.exe x)');
    expect(added?.detail?.description).toBe('Photo of the bin gnp.exe x');
    await stack.useCases.staff.note({ reference, at: at('2026-11-23T12:00:00Z'), actor: 'cr', text: `Called back.${RLO}\nLeft a message.` });
    const summaries = (await stack.cases.timeline(reference)).map((e) => e.summary).join('\n');
    expect(summaries).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(summaries).toContain('Called back.\nLeft a message.');
  });

  it('the web form’s fields are taken without them', () => {
    const policy = seedPolicies.get('county-council');
    const result = validateComplaintForm({ formToken: 'checked-before', name: `Pat ${RLO}nosreP`, incidentLocation: `Mill ${RLO}Lane`, summary: `The bins were ${RLO}missed again this week.`, consent: true }, policy, DateTime.fromISO('2026-11-23T10:00:00Z'));
    if ('errors' in result) throw new Error(JSON.stringify(result.errors));
    expect(JSON.stringify(result)).not.toMatch(/\\u202e|\u202e/);
    expect(JSON.stringify(result)).toContain('Pat nosreP');
  });
});
