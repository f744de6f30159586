/**
 * The morning projection over DynamoDB Local (issue 23): the journey of tests/unit/morning-projection.test.ts, on a
 * table of the test's own, where the projection is an item of its own written in each case's transaction and read
 * through two indexes.
 */
import { describe, it } from 'vitest';
import { deliver } from '#tests/support/deliver';
import { projectionJourney } from '#tests/support/morning-projection';
import { testStack } from '#tests/support/test-stack';

describe('the morning projection over DynamoDB Local', () => {
  it('equals the full read of every open case after each action and day, and leaves out a case with nothing due', async () => {
    const stack = await testStack();
    await projectionJourney({ ...stack, deliver: (raw, options) => deliver(stack, raw, options) });
  });
});
