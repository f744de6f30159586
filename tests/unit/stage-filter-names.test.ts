/**
 * The cases list's stage filter and its rows name the stages as the policy does, grouped by organisation where the
 * person works for several (it showed "stage-1"; found by a fresh tester). Over the memory fakes.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { consoleOverMemory } from '#tests/support/console-over-memory';
import { seedPolicies } from '#tests/support/policies';

describe('the stage filter', () => {
  it('lists the stages by name, under each organisation, and the rows name the stage', async () => {
    const console_ = await consoleOverMemory();
    await console_.stack.useCases.staff.open({ policyId: 'county-council', at: DateTime.fromISO('2026-11-23T10:00:00Z'), actor: 'cr', name: 'Pat Person', phone: '01632 960000', summary: 'The bins were missed.', channel: 'phone', confidential: false });
    const council = seedPolicies.get('county-council');
    const first = council.stages[0];
    if (!first) throw new Error('no stage');
    const one = (await console_.page('/console/cases', ['county-council:customer-relations'])).page;
    expect(one).toContain(`<option value="${first.id}">${first.name}</option>`);
    expect(one).not.toContain(`>${first.id}</option>`);
    expect(one).toContain(`<td>${first.name}, Open`);
    const two = (await console_.page('/console/cases', ['county-council:customer-relations', 'alumot:chair'])).page;
    expect(two).toContain(`<optgroup label="${council.organisation.name}">`);
    expect(two).toContain(`<optgroup label="${seedPolicies.get('alumot').organisation.name}">`);
  });
});
