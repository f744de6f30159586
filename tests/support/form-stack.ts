import { startHttpServer } from '../../local/http-server.js';
import { formRoute } from '../../local/form-route.js';
import { freePort } from '../../local/free-port.js';
import type { RunningServer } from '../../local/dynamodb-local.js';
import { dynamoDbClient } from '../../shared/runtime/aws-clients.js';
import { formHandlerDeps } from '../../shared/runtime/form-handler-deps.js';
import { issueFormToken } from '../../shared/web/form-token.js';
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
