/**
 * The morning view and the digest read each open case's projection (issue 23), kept in the case's every write: after
 * a sequence of actions and days it shows what the full read of every open case would. Over the memory fakes; the
 * same journey runs over DynamoDB Local in tests/timers/morning-projection-dynamodb.test.ts.
 */
import { describe, it } from 'vitest';
import { memoryStack } from '#tests/support/memory-stack';
import { projectionJourney } from '#tests/support/morning-projection';

describe('the morning projection over the memory fakes', () => {
  it('equals the full read of every open case after each action and day, and leaves out a case with nothing due', async () => {
    const stack = memoryStack();
    await projectionJourney({ ...stack, deliver: (raw, options) => stack.deliver(raw, options) });
  });
});
