/**
 * Numbers the web form says back are written as people read them: "10,000 characters", not "10000" (found by a
 * fresh tester). Over the form's rules alone.
 */
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { validateComplaintForm } from '#domain/forms/complaint-form';
import { seedPolicies } from '#tests/support/policies';

describe('a number in what the form says back', () => {
  it('is written with a thousands separator (10,000, not 10000)', () => {
    const result = validateComplaintForm({ formToken: 'checked-before', name: 'Pat', summary: 'x'.repeat(10_001), consent: true }, seedPolicies.get('county-council'), DateTime.fromISO('2026-11-23T10:00:00Z'));
    expect('errors' in result ? result.errors.find((e) => e.field === 'summary')?.message : undefined).toBe('What happened must be 10,000 characters or fewer');
  });
});
