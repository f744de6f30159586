/**
 * Complaints to one organisation racing for its next reference, over memory fakes: a race lost to another intake
 * costs a retry, never an error, and the references stay gapless. (Over DynamoDB Local: tests/journeys/web/form-concurrency.)
 */
import { describe, expect, it } from 'vitest';
import type { WebSubmission } from '#application/intake/submit-web-complaint';
import type { Cases } from '#application/ports/cases';
import type { Counters } from '#application/ports/counters';
import { ClaimTakenError, ConcurrentChangeError } from '#application/ports/store-errors';
import { faulty, memoryStack, type MemoryStack } from '#tests/support/memory-stack';

const submission = (i: number): WebSubmission => ({
  policyId: 'county-council',
  form: { name: `Person ${i}`, email: `p${i}@example.net`, summary: `Complaint ${i}: the bins were not collected.`, confidential: false, consent: true, formToken: `token-${i}` },
  submissionKey: `key-${i}`,
  receivedAt: '2026-11-23T10:00:00.000Z',
  sourceIp: '192.0.2.1',
});

/** The store as another process (a second Lambda instance) sees it: it takes the next reference just before each of our first `times` writes. */
function rivalTakingReferences(stack: MemoryStack, times: number): Cases {
  let left = times;
  return new Proxy(stack.cases, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (property !== 'write' || typeof value !== 'function') return typeof value === 'function' ? value.bind(target) : value;
      return async (...args: Parameters<Cases['write']>) => {
        if (left-- > 0) stack.tables.counters.set('CCC#2026', (stack.tables.counters.get('CCC#2026') ?? 0) + 1);
        return target.write(...args);
      };
    },
  });
}

/** Reads that take a moment, as a store's do: every intake started together reads the counter before any writes. */
function slowCounters(stack: MemoryStack): Counters {
  return new Proxy(stack.counters, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        const read = await (value as (...a: unknown[]) => unknown).apply(target, args);
        await new Promise((resolve) => setTimeout(resolve, 2));
        return read;
      };
    },
  });
}

describe('the race for an organisation’s next reference', () => {
  it('30 web complaints to one organisation at once, with one write retry allowed: 30 cases numbered 0001 to 0030', async () => {
    const stack = memoryStack({ REDRESS_WRITE_RETRIES: '1' });
    const submit = stack.withPorts({ counters: slowCounters(stack) }).submitWebComplaint;
    const opened = await Promise.all(Array.from({ length: 30 }, (_, i) => submit(submission(i))));
    expect(opened.map((o) => o.reference).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `CCC-2026-${String(i + 1).padStart(4, '0')}`));
  });

  it('a reference another process takes first is tried again however often that happens: it costs a retry, not an error', async () => {
    const stack = memoryStack({ REDRESS_WRITE_RETRIES: '1' });
    const opened = await stack.withPorts({ cases: rivalTakingReferences(stack, 6) }).submitWebComplaint(submission(1));
    expect(opened.reference).toBe('CCC-2026-0007');
  });

  it('a failure that is nobody’s progress is still bounded: a case under the next number with the counter behind it fails after the retries', async () => {
    const stack = memoryStack({ REDRESS_WRITE_RETRIES: '2' });
    await stack.useCases.submitWebComplaint(submission(1));
    stack.tables.counters.set('CCC#2026', 0);
    await expect(stack.useCases.submitWebComplaint(submission(2))).rejects.toBeInstanceOf(ClaimTakenError);
  });

  it('a write the store cancelled for a conflict with another in flight (DynamoDB’s TransactionConflict) is decided again', async () => {
    const stack = memoryStack({ REDRESS_WRITE_RETRIES: '3' });
    const conflicting = faulty(stack.cases, 'write', (n) => n <= 2, () => new ConcurrentChangeError('CCC-2026-0001'));
    const opened = await stack.withPorts({ cases: conflicting }).submitWebComplaint(submission(1));
    expect(opened.reference).toBe('CCC-2026-0001');
  });
});
