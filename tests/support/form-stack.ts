import { startHttpServer } from '#local/http-server';
import { frontDoorRoutes } from '#local/front-door';
import type { RunningServer } from '#local/dynamodb-local';
import { issueFormToken } from '#adapters/http/form-token';
import { testStack, type TestStack } from './test-stack.js';

export interface FormStack extends TestStack {
  readonly url: string;
  readonly server: RunningServer;
  /** A valid form token issued long enough ago to pass the minimum fill time. */
  token(policyId: string): string;
}

/** The local HTTP front door (forms, complainants' pages) on a port of its own, over the test stack. */
export async function formStack(overrides: Record<string, string> = {}): Promise<FormStack> {
  const stack = await testStack(overrides);
  const server = await startHttpServer(Number(overrides.REDRESS_HTTP_PORT ?? 0), frontDoorRoutes(stack), (e) => console.error(e));
  return {
    ...stack,
    url: server.endpoint,
    server,
    token: (policyId) => issueFormToken(stack.config.REDRESS_FORM_SECRET, policyId, stack.clock.now().getTime() - 60_000),
  };
}
