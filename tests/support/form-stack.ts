import { startHttpServer } from '#local/http-server';
import { formRoute } from '#local/form-route';
import { freePort } from '#local/free-port';
import type { RunningServer } from '#local/dynamodb-local';
import { dynamoDbClient } from '#composition/aws-clients';
import { formHandlerDeps } from '#composition/form-handler-deps';
import { issueFormToken } from '#adapters/http/form-token';
import { testStack, type TestStack } from './test-stack.js';

export interface FormStack extends TestStack {
  readonly url: string;
  readonly server: RunningServer;
  /** The form handler's clock, which tests move. */
  readonly clock: { now: number };
  /** A valid form token issued long enough ago to pass the minimum fill time. */
  token(policyId: string): string;
}

/** The local HTTP front door with the real form handler on a free port, over the test stack. */
export async function formStack(overrides: Record<string, string> = {}): Promise<FormStack> {
  const stack = await testStack(overrides);
  const clock = { now: Date.now() };
  const deps = { ...formHandlerDeps(stack.config, stack.intake, dynamoDbClient(stack.config), stack.config.REDRESS_FORM_SECRET), now: () => clock.now };
  const port = await freePort();
  const server = await startHttpServer(port, [formRoute(deps)], (e) => console.error(e));
  return {
    ...stack,
    url: `http://127.0.0.1:${port}`,
    server,
    clock,
    token: (policyId) => issueFormToken(stack.config.REDRESS_FORM_SECRET, policyId, clock.now - 60_000),
  };
}
